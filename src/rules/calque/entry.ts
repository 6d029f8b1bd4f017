/** Calque entries (rules/calque/*.yml) and their compiled form. */
import type {DataEntry} from '../../data/load.js'
import type {WordPhrase} from '../../match/word-phrases.js'
import type {SourceLang} from '../../types.js'

/**
 * Contexts an entry's phrase must stand in (field `when`). See docs/rules/calque.md.
 * - `anywhere`: the phrase itself is the calque (with `prev`/`next`/`near` filters).
 * - `after-quote`: right after a closing quote and an optional comma: `”, assures X`.
 * - `before-person`: an inverted subject follows, after a comma/quote/`as`: `, assures a senior official.`
 * - `for-part`: `underlines for his part`, `underlines in turn`.
 * - `before-that`: `underlines that`.
 * - `reporting`: `after-quote` or `before-person` or `for-part`.
 * - `inverted-to`: `explains to AFP a Western source` (suggests `a Western source told AFP`).
 */
export type CalqueContext =
  | 'anywhere'
  | 'after-quote'
  | 'before-person'
  | 'for-part'
  | 'before-that'
  | 'reporting'
  | 'inverted-to'

export interface CalqueEntry extends DataEntry {
  /** A phrase pattern read as words (docs/rule-data.md): words, `(a|b)`, `[x]`, `{n}`, `{Cap}`, `{word}`. */
  phrase: string
  when?: CalqueContext | CalqueContext[]
  /** English candidates; `$n` is the text of the phrase's n-th token. */
  suggest: string[]
  /** The source-language expression, for the message. */
  source?: string
  note?: string
  prev?: string[]
  'prev-not'?: string[]
  next?: string[]
  'next-not'?: string[]
  near?: string[]
  'near-not'?: string[]
  /** Only in the `strict` preset. */
  strict?: boolean
  /** Only when `sourceLang` is the entry's language. */
  noisy?: boolean
}

export interface CalqueOptions {
  /** Extra YAML files of calque entries. */
  files: string[]
  /** Entry ids to turn off (`off` is accepted as an alias). */
  disable: string[]
  off?: string[]
  sourceLang?: SourceLang
  preset?: 'recommended' | 'strict'
}

/** An entry compiled: its phrase's tokens and filters (the matcher's), its contexts. */
export interface CalquePhrase extends WordPhrase {
  entry: CalqueEntry
  kinds: Set<CalqueContext>
}
