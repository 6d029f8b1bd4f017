/**
 * A fixed set of lower-case words, each with an id, walked char code by char code: a scanner
 * finds the id of a word without slicing or lower-casing it (most words leave the trie after a
 * letter or two). ASCII letters are lower-cased on the way; other characters are walked as they
 * are when lower-casing leaves them unchanged, else the word is looked up as a string.
 */

/** Per BMP char code: 1 when toLowerCase leaves it unchanged, 2 when not (and for surrogates), 0 not yet known. */
const CASELESS = new Uint8Array(0x10000)
function caseless(code: number): boolean {
  let k = CASELESS[code]
  if (k === 0) {
    const ch = String.fromCharCode(code)
    k = (code >= 0xd800 && code <= 0xdfff) || ch.toLowerCase() !== ch ? 2 : 1
    CASELESS[code] = k
  }
  return k === 1
}

/** `step` result: this word is not in the trie. */
export const NONE = -1
/** `step` result: a character lower-casing changes (not ASCII): look the word up as a string. */
export const BY_STRING = -2

export class WordTrie {
  /** Symbol + 1 of each char code that occurs in the words; 0: none does. */
  private readonly symbol = new Uint16Array(0x10000)
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
        if (this.symbol[code] === 0) this.symbol[code] = ++symbols
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
        // A character the walk never takes (see `step`): the word is reached through the Map only.
        if (code >= 0x80 && !caseless(code)) return
        const slot = node * this.symbols + this.symbol[code] - 1
        if (this.child[slot] === 0) this.child[slot] = nodes++
        node = this.child[slot]
      }
      this.ids[node] = id + 1
    })
  }

  /**
   * The node after `node` (the root is 0) on char `code` of the text: NONE when no word goes on so
   * (lower-casing is per character, so none is the whole word either), BY_STRING when the character
   * is not ASCII and lower-casing changes it.
   */
  step(node: number, code: number): number {
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code |= 0x20
    } else if (!caseless(code)) return BY_STRING
    const symbol = this.symbol[code]
    if (symbol === 0) return NONE
    const next = this.child[node * this.symbols + symbol - 1]
    return next === 0 ? NONE : next
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
