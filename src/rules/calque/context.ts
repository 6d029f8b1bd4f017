/**
 * The contexts a calque must stand in (docs/rules/calque.md): after a closing
 * quote, before an inverted person subject, before `that`, `for his part`,
 * `explains to AFP a source`.
 */
import {CLOSING_QUOTES, WordText} from '../../match/word-text.js'
import type {CalqueContext, CalquePhrase} from './entry.js'

const PERSON_BASE = [
  'official', 'source', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'expert', 'analyst',
  'diplomat', 'researcher', 'specialist', 'professor', 'economist', 'lawyer', 'attorney', 'prosecutor', 'ambassador',
  'chancellor', 'leader', 'director', 'head', 'chief', 'mayor', 'deputy', 'senator', 'MP', 'MEP', 'lawmaker',
  'legislator', 'adviser', 'advisor', 'member', 'officer', 'commander', 'general', 'colonel', 'investigator', 'judge',
  'witness', 'resident', 'activist', 'historian', 'scientist', 'doctor', 'author', 'executive', 'manager', 'CEO',
  'founder', 'secretary', 'governor', 'chairman', 'chairwoman', 'premier', 'candidate', 'coach', 'player', 'captain',
  'sociologist', 'engineer', 'consultant', 'entrepreneur', 'businessman', 'businesswoman', 'employee', 'worker',
  'farmer', 'teacher', 'student', 'mother', 'father', 'woman', 'man', 'owner', 'boss', 'trader', 'strategist',
  'negotiator', 'envoy', 'representative', 'delegate', 'commissioner', 'inspector', 'sergeant', 'lieutenant', 'admiral',
  'unionist', 'campaigner', 'observer', 'journalist', 'reporter', 'editor', 'columnist', 'writer', 'filmmaker', 'actor',
  'actress', 'singer', 'artist', 'architect', 'academic', 'lecturer', 'physician', 'epidemiologist', 'virologist',
  'psychiatrist', 'psychologist', 'nurse', 'surgeon', 'policeman', 'policewoman', 'agent', 'insider', 'relative',
  'friend', 'neighbour', 'neighbor', 'colleague', 'aide', 'counsel', 'magistrate', 'councillor', 'councilor', 'king',
  'queen', 'prince', 'princess', 'pope', 'bishop', 'priest', 'cardinal', 'imam', 'rabbi', 'pastor', 'survivor', 'victim',
  'eyewitness', 'voter', 'supporter', 'opponent', 'critic', 'rapporteur', 'ombudsman', 'boss', 'deputy', 'militant',
  'pollster', 'jurist', 'political', 'politician', 'demographer', 'geographer', 'philosopher', 'mediator', 'partner'
]
const PERSON = new Set<string>()
for (const w of PERSON_BASE) {
  const l = w.toLowerCase()
  PERSON.add(l)
  PERSON.add(l.endsWith('man') ? l.slice(0, -3) + 'men' : l.endsWith('y') && !/[aeiou]y$/.test(l) ? l.slice(0, -1) + 'ies' : l.endsWith('s') || l.endsWith('sh') || l.endsWith('ch') ? l + 'es' : l + 's')
}
PERSON.add('police')
PERSON.add('people')

const NP_DET = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'several', 'two', 'three', 'many', 'some'])
const NP_STOP = new Set(['that', 'which', 'who', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'has', 'have', 'had', 'not', 'it', 'he', 'she', 'they', 'we', 'i', 'you'])
const AFTER_HEAD = new Set(['who', 'whose', 'from', 'at', 'with', 'close', 'familiar', 'within', 'quoted', 'cited', 'speaking', 'now', 'based', 'himself', 'herself', 'also', 'again', 'recently', 'today', 'yesterday'])
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'al', 'el', 'y', 'e'])
const MEDIA_NOUNS = new Set(['press', 'newspaper', 'daily', 'agency', 'channel', 'radio', 'station', 'broadcaster', 'magazine', 'weekly', 'site', 'website', 'paper', 'network'])
const MEDIA_WORDS = new Set(['reporters', 'journalists', 'us', 'me', 'television', 'tv', 'radio'])
const FUNCTION_CAPS = new Set(
  ('the a an and but or nor so yet still however also thus therefore then there here this that these those it its they their we our ' +
    'in on at for with by from as of to after before since although though while when whereas if because meanwhile moreover ' +
    'furthermore indeed instead otherwise besides nevertheless nonetheless even only already now today yesterday tomorrow ' +
    'according despite during under over between among such many most some all both each every no not nothing one two three ' +
    'what which where why how whether unlike like until unless once perhaps maybe finally first second last next above below ' +
    'i you monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december').split(' ')
)

/** A text's words, with the contexts of the calque entries. */
export class CalqueText extends WordText {
  context(kind: CalqueContext, c: CalquePhrase, i: number, last: number): true | {end: number; expected: string[]} | false {
    switch (kind) {
      case 'anywhere':
        return true
      case 'after-quote':
        return this.afterQuote(i)
      case 'for-part': {
        const w = this.words
        if (w[last + 1]?.lower === 'for' && this.adjacent(last) && this.adjacent(last + 1) && this.adjacent(last + 2) &&
          /^(?:his|her|its|their|our|my|your)$/.test(w[last + 2]?.lower ?? '') && w[last + 3]?.lower === 'part') return true
        if (w[last + 1]?.lower === 'in' && w[last + 2]?.lower === 'turn' && this.adjacent(last) && this.adjacent(last + 1)) return true
        return false
      }
      case 'before-that':
        return this.words[last + 1]?.lower === 'that' && this.adjacent(last)
      case 'before-person':
      case 'inverted-to': {
        if (kind === 'before-person') {
          const {ch} = this.charBefore(this.words[i].start)
          const prevWord = this.words[i - 1]
          const okBefore = ',;:(–—'.includes(ch) && ch !== '' || CLOSING_QUOTES.includes(ch) && ch !== '' ||
            (prevWord?.lower === 'as' && this.adjacent(i - 1))
          if (!okBefore) return false
        }
        const toMedia = this.media(last + 1)
        if (toMedia) {
          const np = this.personPhrase(toMedia.next)
          if (np < 0) return false
          const w = this.words
          const subject = this.text.slice(w[toMedia.next].start, w[np].end)
          const media = this.text.slice(w[toMedia.first].start, w[toMedia.next - 1].end)
          return {end: w[np].end, expected: [`${subject} told ${media}`]}
        }
        if (kind === 'inverted-to') return false
        return this.personPhrase(last + 1) >= 0
      }
    }
    return false
  }

  afterQuote(i: number): boolean {
    let {ch, at} = this.charBefore(this.words[i].start)
    let comma = false
    if (ch === ',') {
      comma = true
      ;({ch, at} = this.charBefore(at))
    }
    if (ch === '' || !CLOSING_QUOTES.includes(ch)) return false
    const inner = at > 0 ? this.text[at - 1] : ''
    if (ch === '"' && (inner === '' || /\s/.test(inner))) return false
    if (comma || inner === ',' || inner === '.' || inner === '!' || inner === '?' || inner === '…') return true
    // No comma: `the word “grilled” means` is English; a quotation of four words or more
    // followed by the verb (`“… many words” assures X`) is the inverted reporting clause.
    const opener = ch === '”' ? '“' : ch === '»' ? '«' : '"'
    const from = Math.max(0, at - 400)
    let open = at - 1
    while (open >= from && this.text[open] !== opener) open--
    if (open < from) return false
    const quoted = this.text.slice(open + 1, at)
    if (quoted.includes('\n')) return false
    return (quoted.match(/\s+/g) ?? []).length >= 3
  }

  /** `to AFP`, `to Le Monde`, `to the press`: the words of the outlet and the index after it. */
  media(w: number): {first: number; next: number} | undefined {
    const words = this.words
    if (words[w]?.lower !== 'to' || !this.adjacent(w - 1) || !this.adjacent(w)) return undefined
    const first = w + 1
    const a = words[first]
    if (!a) return undefined
    if (MEDIA_WORDS.has(a.lower)) return {first, next: first + 1}
    if ((a.lower === 'the' || a.lower === 'our' || a.lower === 'this') && MEDIA_NOUNS.has(words[first + 1]?.lower ?? '') && this.adjacent(first)) {
      return {first, next: first + 2}
    }
    // One to three capitalised words; the shortest split that leaves a person after it.
    for (let len = 1; len <= 3; len++) {
      let ok = true
      for (let k = first; k < first + len; k++) {
        const word = words[k]
        if (!word || (k > first && !this.adjacent(k - 1))) ok = false
        else if (!/^\p{Lu}/u.test(word.value) && !(k > first && NAME_PARTICLES.has(word.lower))) ok = false
      }
      if (!ok) break
      if (!this.adjacent(first + len - 1)) continue
      if (this.personPhrase(first + len) >= 0) return {first, next: first + len}
    }
    return undefined
  }

  /** A person noun phrase or a name starting at word w: the index of its last word, or -1. */
  personPhrase(w: number): number {
    const words = this.words
    if (!words[w] || !this.adjacent(w - 1)) return -1
    // A name: two to five capitalised words (particles allowed inside).
    const name = this.name(w)
    if (name >= 0) return this.boundaryOk(name) ? name : -1
    let k = w
    if (NP_DET.has(words[k].lower)) {
      if (!this.adjacent(k)) return -1
      k++
    }
    for (let m = 0; m <= 4 && words[k]; m++) {
      const word = words[k]
      if (PERSON.has(word.lower) && !(word.lower === 'head' && words[k + 1]?.lower === 'of')) {
        // `spokesman Dmitry Peskov`: a name in apposition.
        if (this.adjacent(k)) {
          const apposition = this.name(k + 1)
          if (apposition >= 0) return this.boundaryOk(apposition) ? apposition : -1
        }
        return this.boundaryOk(k) ? k : -1
      }
      if (NP_STOP.has(word.lower) || !this.adjacent(k)) return -1
      k++
    }
    return -1
  }

  name(w: number): number {
    const words = this.words
    let k = w
    let caps = 0
    let lastCap = -1
    while (words[k] && k - w < 5) {
      if (k > w && !this.adjacent(k - 1)) break
      const word = words[k]
      if (/^\p{Lu}\p{Ll}/u.test(word.value) && !FUNCTION_CAPS.has(word.lower)) {
        caps++
        lastCap = k
      } else if (!(k > w && NAME_PARTICLES.has(word.value))) break
      k++
    }
    return caps >= 2 && lastCap >= 0 ? lastCap : -1
  }

  boundaryOk(k: number): boolean {
    const after = this.charAfter(this.words[k].end)
    if (after === '' || /[,.;:!?)(–—\n]/u.test(after)) return true
    const next = this.words[k + 1]
    if (!next || !this.adjacent(k)) return false
    if (AFTER_HEAD.has(next.lower)) return true
    return /^\p{Ll}+ing$/u.test(next.value) && next.lower !== 'nothing' && next.lower !== 'something'
  }
}

