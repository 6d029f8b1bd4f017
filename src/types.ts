/** Categories of findings, as named in the project's taxonomy (docs/taxonomy.md). */
export type Category =
  | 'quote-glued'
  | 'word-glued'
  | 'quote-unbalanced'
  | 'quote-foreign'
  | 'punct-quote-order'
  | 'punct-double'
  | 'punct-spacing'
  | 'masthead'
  | 'paywall'
  | 'boilerplate'
  | 'calque'
  | 'name-inconsistent'
  | 'number-format'
  | 'untranslated'
  | 'unicode'
  | 'spelling'
  | 'case'
  | 'pronoun'
  | 'duplicate'
  | 'line-break'

/** How a rule's finding may be applied: `safe` by `fix`, `suggestion` only on request. */
export type FixLevel = 'safe' | 'suggestion'

/** Severity a user can give a rule. */
export type Severity = 'off' | 'info' | 'warn' | 'error'

/** Source languages mtclean knows residue and calques for. */
export type SourceLang = 'fr' | 'de' | 'es' | 'it' | 'pt' | 'nl' | 'ca' | 'pl'
export const SOURCE_LANGS: readonly SourceLang[] = ['fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'pl']
/** Each source language's English name, for messages. */
export const SOURCE_LANG_NAMES: Readonly<Record<SourceLang, string>> = {
  fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', ca: 'Catalan', pl: 'Polish'
}

/** Options every rule accepts. */
export interface BaseRuleOptions {
  severity?: Severity
}

/** What a rule reports: offsets into the whole document, 0-based UTF-16. */
export interface Finding {
  start: number
  end: number
  /** Replacements. One entry with fix `safe` is applied by `fix`; `''` deletes. */
  expected?: string[]
  fix?: FixLevel
  /** Short reason in the unified style: "Unexpected …, expected …". */
  reason: string
  /** Why machine translation or scraping produces this (overrides the rule's note). */
  note?: string
  /** Another place or fact that explains this finding. */
  cause?: unknown
}
