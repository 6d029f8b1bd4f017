/**
 * Word classes the page-furniture classifier reads (lower case). Each set is
 * a class of words, not a list of seen lines: a paragraph is furniture when
 * ALL its words come from a class (a date, a navigation link, an ad slot), or
 * when its shape says so (a credit, a byline, a price). To teach the
 * classifier a new site's furniture, add the word to its class here, or a
 * phrase to rules/boilerplate or rules/paywall (phrases are evidence too).
 */

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean))

/** Month and weekday names and abbreviations (English and the source languages). */
export const CALENDAR = set(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
lunes martes miércoles jueves viernes sábado domingo
januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro segunda terça quarta quinta sexta
januari februari maart mei augustus oktober maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia
gener febrer abril maig juny juliol setembre octubre novembre desembre
`)

/** Words that may sit around a date in a date line (`Friday 12 March 2021 at 10:18 am CET`). */
export const DATE_FILLER = set(`
at on the of de del du le el am pm a.m. p.m. h hrs utc gmt cet cest est edt pst pdt bst ist z um à às alle
- – — | / , . · •
`)

/** Labels before a date line (`Publication: …`, `Updated …`). */
export const DATE_LABELS = set(`
published publication posted updated update modified created date dated last
publié publicado publicada pubblicato veröffentlicht aktualisiert gepubliceerd opublikowano actualizado mis jour
`)

/** `2 hours ago`, `last hour`. */
export const RELATIVE_UNITS = set(`second seconds minute minutes min mins hour hours hr hrs h day days week weeks month months year years`)
export const RELATIVE_WORDS = set(`ago yesterday today last just now hour a an one`)

/** Navigation: a paragraph made only of these words is a link, not text. */
export const NAVIGATION = set(`
prev previous next back top home homepage menu search skip scroll view gallery read entire full whole article articles
story stories post posts more comments comment share print email now reading continue content main all news related see
also page pages go photos photo videos video watch listen open close leave a the to up on this reply login log in out sign
register forgot password here other latest title titles our your you slideshow images media feed rss archive archives newer older
siguiente anterior suivant précédent suivante précédente weiter zurück volgende vorige successivo precedente próximo
`)

/** A navigation paragraph holds one of these (`the`, `all`, `a` alone are not navigation). */
export const NAVIGATION_HEADS = set(`
prev previous next back home homepage menu search skip scroll view gallery read comments share print related see reading
reply login password top slideshow archive archives newer older
siguiente anterior suivant précédent suivante précédente weiter zurück volgende vorige successivo precedente próximo
`)

/** Arrows and chevrons that open a navigation teaser. */
export const NAVIGATION_GLYPHS = new Set(['«', '‹', '→', '←', '⟵', '⟶', '▶', '◀', '►', '◄', '>', '<', '›', '»', '⇨', '⇦', '➜', '➔', '▸', '◂', '⟩', '⟨', '>>', '<<'])

/** Ad slots: one of these … */
export const AD_WORDS = set(`advertisement advertisements advertising advert ad ads sponsored announcement anzeige werbung publicité publicidad pubblicità publicidade reklama advertentie publicitat annonce`)
/** … and otherwise only these. */
export const AD_FILLER = set(`continue continues reading below after the this sequel rest follows article story what's whats what’s next for is of scroll to content la suite après content`)

/** Labels of tag and category lists. */
export const TAG_LABELS = set(`tag tags tagged topics category categories keywords etiquetas temas étiquettes mots-clés schlagwörter themen tagi tematy argomenti etichette`)

/** Labels of photo and image credits (`Photo: AP`, `Foto: PAP/…`). */
export const CREDIT_LABELS = set(`
photo photos photograph photography picture pictures image images illustration credit credits crédit crédito créditos
foto fotos fotó zdjęcie zdjęcia bild bildquelle beeld imagen immagine imagem ilustración featured caption
`)

/** News agencies and picture agencies (credits end with one). */
export const AGENCIES = set(`
afp ap reuters dpa efe ansa belga anp pap lusa epa getty sipa keystone shutterstock alamy xinhua abaca apa agi adnkronos
europa press ips istock imago picture-alliance maxppp hans lucas archives archive lapresse afp/archives ddp
`)

/** The word that opens a byline (`By`, `Par`, `Von`…), and those of `Posted by`. */
export const BYLINE_OPENERS = set(`by par von por door di przez autor author written posted published`)
/** Lower-case words allowed inside a name (`Jan van der Berg`, `by admin`). */
export const NAME_PARTICLES = set(`de la le du des van von der den ten ter da di del della dos das y e and & bin al el`)
export const STAFF_WORDS = set(`admin editor editors staff redaction rédaction newsroom team desk webmaster agencies agency`)

/** Subscription: stems of the word for subscriber or subscription, and the cues of an offer. */
export const SUBSCRIBER_STEMS = ['subscri', 'abonn', 'abbon', 'suscri', 'assinant', 'assinatura', 'prenumer', 'premium', 'abo ', 'abo-']
export const OFFER_CUES = ['log in', 'login', 'sign in', 'connect', 'only', 'reserved', 'exclusive', 'unlimited', 'access', 'offer', 'now', 'free', 'trial', 'already', '!', 'cancel', 'continue reading', 'read the rest']
/** Periods of a price offer (`€1 the first month`, `1€ for 15 days`). */
export const OFFER_PERIODS = set(`day days week weeks month months year years first trial mois jours jour semaine an mes meses días mese mesi giorni monat monate tage woche maand maanden dagen miesiąc dni mês`)
/** An appeal for support (`Support independent journalism`). */
export const SUPPORT_WORDS = set(`support donate donation contribute contribution soutenez soutenir unterstützen apoya apoyar sostieni`)
export const SUPPORT_OBJECTS = set(`independent journalism newspaper journal us our work press media reporting`)

/** English stop words, for the stop-word density of a paragraph. */
export const EN_STOPWORDS = set(`
a about above after again against all am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how i if in into
is it its just me more most my no nor not now of off on once only or other our out over own same she should so some such
than that the their them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your
`)

/** Finite verbs and auxiliaries common enough to tell a sentence from a label. */
export const EN_FINITE = set(`
is are was were has have had will would can could shall should may might must do does did says said say tells told
announced added stated noted explained reported wrote asked warned claimed called made took gave went came saw became
remains remained continues continued seems seemed appears appeared
`)
