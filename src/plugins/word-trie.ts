/**
 * A fixed set of lower-case words, each with an id, walked char code by char code: a scanner
 * finds the id of an ASCII word without slicing or lower-casing it (most words leave the trie
 * after a letter or two). Words with a non-ASCII character are looked up as strings.
 */
export class WordTrie {
  /** Symbol + 1 of each ASCII char code that occurs in the words; 0: none does. */
  private readonly symbol = new Uint8Array(128)
  private readonly symbols: number
  /** node × symbols + symbol → child node (0: none; the root, node 0, is nobody's child). */
  private readonly child: Int32Array
  /** node → id + 1 of the word ending there (0: none). */
  private readonly ids: Int32Array
  private readonly byString = new Map<string, number>()

  constructor(words: readonly string[]) {
    let symbols = 0
    let chars = 0
    for (const word of words) {
      chars += word.length
      for (let k = 0; k < word.length; k++) {
        const code = word.charCodeAt(k)
        if (code < 0x80 && this.symbol[code] === 0) this.symbol[code] = ++symbols
      }
    }
    this.symbols = Math.max(symbols, 1)
    this.child = new Int32Array((chars + 1) * this.symbols)
    this.ids = new Int32Array(chars + 1)
    let nodes = 1
    words.forEach((word, id) => {
      this.byString.set(word, id)
      let node = 0
      for (let k = 0; k < word.length; k++) {
        const code = word.charCodeAt(k)
        if (code >= 0x80) return // reached through the Map only
        const slot = node * this.symbols + this.symbol[code] - 1
        if (this.child[slot] === 0) this.child[slot] = nodes++
        node = this.child[slot]
      }
      this.ids[node] = id + 1
    })
  }

  /** The node after `node` (the root is 0) on ASCII char `code`, lower-cased here; -1: no word goes on so. */
  step(node: number, code: number): number {
    if (code >= 0x41 && code <= 0x5a) code |= 0x20
    const symbol = this.symbol[code]
    if (symbol === 0) return -1
    const next = this.child[node * this.symbols + symbol - 1]
    return next === 0 ? -1 : next
  }

  /** The id of the word that ends at `node`, or -1. */
  idAt(node: number): number {
    return this.ids[node] - 1
  }

  /** The id of a lower-cased word, or -1. */
  idOfLower(lower: string): number {
    return this.byString.get(lower) ?? -1
  }
}
