// The shape of rule data entries, shared by the loader and its snapshot (no import circle).

/** One example of an entry: a text that must be flagged, and what `fix` makes of it. */
export interface MatchExample {
  text: string
  output?: string
}

/** Fields every data entry has, whatever its rule. */
export interface DataEntry {
  id: string
  /** Source language of the file the entry came from. */
  lang: string
  file: string
  line: number
  match: MatchExample[]
  keep: string[]
}
