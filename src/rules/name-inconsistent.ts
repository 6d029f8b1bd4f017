import {VFileMessage} from 'vfile-message'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {locatorFor} from '../position.js'
import {defineRule, SOURCE} from '../rule.js'

export interface NameInconsistentOptions {
  /** Report names that differ only by accents (`Vasquez` / `Vásquez`). */
  accents: boolean
  /** Report names that differ by one letter inside them, lost or added (`Duhamel` / `Duhammel`, `Hernández` / `Hernndez`). */
  letters: boolean
}

/** Name particles MT drops or adds: `Damien (Van) Puyvelde`, `Ursula (von der) Leyen`. */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'ter', 'ten',
  'zu', 'af', 'al', 'el', 'bin', 'ibn', 'y', 'e', 'mac', 'st'
])

/** Words that start a sentence or precede a name and are not part of it. */
const LEADING = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'Of', 'And', 'But', 'Or', 'As', 'If', 'When', 'While',
  'After', 'Before', 'Since', 'According', 'For', 'With', 'Without', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sir', 'Dame',
  'Lord', 'Lady', 'President', 'Minister', 'Prime', 'Chancellor', 'Senator', 'General', 'Judge', 'Pope', 'King',
  'Queen', 'Prince', 'Princess', 'Former', 'Then', 'This', 'That', 'These', 'Those', 'Yet', 'So', 'Also', 'Here',
  'There', 'Where', 'Why', 'How', 'What', 'Who', 'Although', 'Though', 'Because', 'Meanwhile', 'However', 'Now',
  'Today', 'Yesterday', 'Last', 'Next', 'Says', 'Said', 'Asked', 'Dear', 'Madam', 'Mister', 'Monsieur', 'Madame',
  'Herr', 'Frau', 'Señor', 'Signor', 'Commissioner', 'Deputy', 'Secretary', 'Mayor', 'Governor', 'Ambassador',
  'Colonel', 'Captain', 'Professor', 'Doctor', 'Father', 'Sister', 'Brother', 'Saint', 'Leader', 'Spokesman',
  'Spokeswoman', 'Director', 'Chief', 'Chairman', 'CEO', 'MEP', 'MP', 'Vice', 'Foreign', 'Interior', 'Defence',
  'Defense', 'Finance', 'Economy', 'Health', 'Justice', 'Labour', 'Labor', 'Education', 'Environment'
])

// A capitalized token, optionally followed by more capitalized tokens with particles between.
// Tokens and particles are disjoint (upper- vs lower-case start), so matching is linear.
const NAME = /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00A0]+(?:(?:van|von|der|den|de|del|della|di|da|das|do|dos|du|la|le|ter|ten|zu|af|al|el|bin|ibn)[ \u00A0]+)*\p{Lu}[\p{L}\p{M}'’-]*)*/gu

interface Mention {
  start: number
  end: number
  tokens: string[]
  form: string
}

export default defineRule<NameInconsistentOptions>({
  id: 'name-inconsistent',
  category: 'name-inconsistent',
  description: 'One person or body spelled two ways in one document.',
  note:
    'Machine translation renders each occurrence of a name on its own: a particle (`Van`, `von der`) or an accent is dropped in one place and kept in another.',
  defaults: {accents: true, letters: true},
  check(ctx) {
    const {text} = ctx
    if (!/\p{Lu}/u.test(text)) return
    const mentions: Mention[] = []
    for (const m of text.matchAll(NAME)) {
      let start = m.index
      let raw = m[0]
      // most mentions are one word: no split needed
      const parts = raw.includes(' ') || raw.includes('\u00A0') ? raw.split(/([ \u00A0]+)/) : [raw]
      // drop leading non-name words
      while (parts.length > 2 && LEADING.has(parts[0])) {
        start += parts[0].length + parts[1].length
        parts.splice(0, 2)
      }
      raw = parts.join('')
      let tokens = parts.filter((_, i) => i % 2 === 0)
      // strip possessives and trailing hyphens from the last token
      let last = tokens[tokens.length - 1]
      let end = start + raw.length
      const poss = mayBePossessive(last) ? /['’]s?$/.exec(last) : null
      if (poss && last.length > poss[0].length) {
        last = last.slice(0, -poss[0].length)
        end -= poss[0].length
        tokens = [...tokens.slice(0, -1), last]
      }
      mentions.push({start, end, tokens, form: tokens.join(' ')})
    }
    let lex: Lexicon | undefined
    const reported = new Set<number>()
    const report = (target: Mention, other: Mention, what: string) => {
      if (reported.has(target.start)) return
      reported.add(target.start)
      const locator = locatorFor(ctx.file)
      const cause = new VFileMessage(`Other spelling \`${other.form}\``, {
        place: {start: locator.toPoint(other.start)!, end: locator.toPoint(other.end)!},
        ruleId: 'name-inconsistent',
        source: SOURCE
      })
      ctx.report({
        start: target.start,
        end: target.end,
        reason: `Unexpected \`${target.form}\`, expected one spelling of the name (\`${other.form}\` elsewhere; ${what})`,
        expected: [other.form],
        cause
      })
    }

    // 1. Same first and last token, middles that differ only by particles.
    const groups = new Map<string, Mention[]>()
    // Each mention reduced to given name + particles + surname (`AFP Damien Puyvelde` → `Damien Puyvelde`).
    const cores: Mention[] = []
    for (const m of mentions) {
      if (m.tokens.length < 2) continue
      let k = m.tokens.length - 2
      while (k >= 1 && PARTICLES.has(m.tokens[k].toLowerCase())) k--
      if (PARTICLES.has(m.tokens[k].toLowerCase())) continue
      const tokens = m.tokens.slice(k)
      // offset of the given name inside the mention
      let start = m.start
      for (let t = 0; t < k; t++) start = text.indexOf(m.tokens[t + 1], start + m.tokens[t].length)
      cores.push({start, end: m.end, tokens, form: tokens.join(' ')})
    }
    for (const m of cores) {
      const key = m.tokens[0] + '\u0000' + m.tokens[m.tokens.length - 1]
      let list = groups.get(key)
      if (!list) groups.set(key, (list = []))
      list.push(m)
    }
    for (const list of groups.values()) {
      const forms = new Map<string, Mention[]>()
      for (const m of list) {
        let f = forms.get(m.form)
        if (!f) forms.set(m.form, (f = []))
        f.push(m)
      }
      if (forms.size < 2) continue
      const entries = [...forms.values()]
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
          const a = entries[i]
          const b = entries[j]
          if (!particleVariants(a[0].tokens, b[0].tokens)) continue
          lex ??= getLexicon()
          // The surname must look like a name, not a common word (`New York` / `New Port York`).
          const surname = a[0].tokens[a[0].tokens.length - 1]
          if (lex.isLowerWord(surname)) continue
          // rarer form; on a tie, the form that first appears later
          const [target, other] = a.length < b.length ? [a, b] : b.length < a.length ? [b, a] : a[0].start > b[0].start ? [a, b] : [b, a]
          for (const m of target) report(m, other[0], 'a particle differs')
        }
      }
    }

    // 2. Accent-only variants of a name token (Vasquez / Vásquez).
    // Two spellings of one bare form need a non-ASCII one (an ASCII token is its own bare form):
    // collect the bare forms of non-ASCII tokens first, and look at nothing else.
    const accented = new Set<string>()
    if (ctx.options.accents) {
      for (const m of mentions) {
        for (const token of m.tokens) {
          if (token.length >= 3 && NON_ASCII.test(token) && /\p{Ll}/u.test(token)) accented.add(stripAccents(token))
        }
      }
    }
    if (accented.size > 0) {
      const byBare = new Map<string, Map<string, Array<{start: number; end: number}>>>()
      for (const m of mentions) {
        for (const [token, at] of tokensOf(text, m)) {
          if (token.length < 3 || !/\p{Ll}/u.test(token)) continue
          const bare = stripAccents(token)
          if (!accented.has(bare)) continue
          let forms = byBare.get(bare)
          if (!forms) byBare.set(bare, (forms = new Map()))
          let list = forms.get(token)
          if (!list) forms.set(token, (list = []))
          list.push({start: at, end: at + token.length})
        }
      }
      for (const [bare, forms] of byBare) {
        if (forms.size < 2) continue
        lex ??= getLexicon()
        if (lex.isLowerWord(bare)) continue
        const list = [...forms.entries()].sort((x, y) => x[1].length - y[1].length || (x[0] === bare ? -1 : y[0] === bare ? 1 : 0))
        const [targetForm, targets] = list[0]
        const [otherForm, others] = list[list.length - 1]
        for (const t of targets) {
          report({...t, tokens: [targetForm], form: targetForm}, {...others[0], tokens: [otherForm], form: otherForm}, 'accents differ')
        }
      }
    }

    // 3. One letter inside a name lost or added (Duhamel / Duhammel, Hernández / Hernndez, Echos / Ecos).
    if (ctx.options.letters) {
      lex ??= getLexicon()
      for (const [target, other] of letterVariants(text, mentions, lex)) report(target, other, 'a letter differs')
    }
  }
})

/** Name tokens (a capital, then lower-case letters) long enough to compare: shorter ones differ by a letter by chance. */
const NAME_TOKEN = /^\p{Lu}\p{Ll}{3,}$/u
/** First names with a letter more or less (`Daniel`, `Danniel`) are usually two spellings a language has; surnames compared only from this length. */
const MIN_LETTERS = 4

/**
 * Pairs of name tokens of one text where one is the other with one letter more
 * inside (not the first or last letter: `Daniel` / `Daniela`, `Jone` / `Jones`
 * are other names or other forms), and neither a common word. When the English
 * lexicon knows one of them as a name, the other is the slip; else the rarer,
 * or the later on a tie. Two spellings the lexicon knows (`Philips` /
 * `Phillips`) are two names. Found by deleting each inner letter of the longer
 * token: linear in the letters of the distinct tokens.
 */
function letterVariants(text: string, mentions: Mention[], lex: Lexicon): Array<[Mention, Mention]> {
  const places = new Map<string, Mention[]>()
  for (const m of mentions) {
    for (const [token, at] of tokensOf(text, m)) {
      if (token.length < MIN_LETTERS || LEADING.has(token) || !NAME_TOKEN.test(token)) continue
      let list = places.get(token)
      if (!list) places.set(token, (list = []))
      list.push({start: at, end: at + token.length, tokens: [token], form: token})
    }
  }
  const pairs: Array<[Mention, Mention]> = []
  const seen = new Set<string>()
  for (const [long, longAt] of places) {
    if (long.length <= MIN_LETTERS) continue
    for (let i = 1; i < long.length - 1; i++) {
      const short = long.slice(0, i) + long.slice(i + 1)
      const shortAt = places.get(short)
      if (!shortAt || seen.has(short + '\u0000' + long)) continue
      seen.add(short + '\u0000' + long)
      if (lex.isLowerWord(long) || lex.isLowerWord(short)) continue
      const knownLong = lex.hasExact(long)
      const knownShort = lex.hasExact(short)
      if (knownLong && knownShort) continue
      let slip: Mention[]
      let kept: Mention[]
      if (knownLong !== knownShort) [slip, kept] = knownLong ? [shortAt, longAt] : [longAt, shortAt]
      else if (shortAt.length !== longAt.length) [slip, kept] = shortAt.length < longAt.length ? [shortAt, longAt] : [longAt, shortAt]
      else [slip, kept] = shortAt[0].start > longAt[0].start ? [shortAt, longAt] : [longAt, shortAt]
      for (const m of slip) pairs.push([m, kept[0]])
    }
  }
  return pairs.sort((a, b) => a[0].start - b[0].start)
}

const NON_ASCII = /[^\x00-\x7f]/

/** A mention's tokens with where each starts in the text. */
function* tokensOf(text: string, m: Mention): Generator<[string, number]> {
  let offset = m.start
  for (const token of m.tokens) {
    const at = text.indexOf(token, offset)
    offset = at + token.length
    yield [token, at]
  }
}

/** Cheap test before `/['’]s?$/`: ends in an apostrophe, or in `s` after one. */
function mayBePossessive(token: string): boolean {
  const n = token.length
  const c = token.charCodeAt(n - 1)
  if (c === 39 || c === 0x2019) return true
  const b = token.charCodeAt(n - 2)
  return c === 115 && (b === 39 || b === 0x2019)
}

function particleVariants(a: string[], b: string[]): boolean {
  const ma = a.slice(1, -1)
  const mb = b.slice(1, -1)
  const isParticles = (xs: string[]) => xs.every((x) => PARTICLES.has(x.toLowerCase()))
  if (!isParticles(ma) || !isParticles(mb)) return false
  const la = ma.map((x) => x.toLowerCase()).join(' ')
  const lb = mb.map((x) => x.toLowerCase()).join(' ')
  // differ in more than capitalisation (`von der` / `Von der` is a style choice)
  return la !== lb
}

function stripAccents(s: string): string {
  // ASCII has no accents to strip (NFD/NFC leave it as it is)
  if (!NON_ASCII.test(s)) return s
  return s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC')
}
