/**
 * Mojibake generated from correct text: each sentence is written as UTF-8 and read back
 * with each wrong code page (iconv-lite), once, twice or three times; `fix` must give the
 * sentence back exactly, and the sentence itself must be left alone.
 */
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {CODECS, badness, findMojibake} from '../src/rules/unicode/mojibake.js'
import {fixed, lint, only} from './helpers.js'

const config = only('unicode')

const SENTENCES = [
  'Le président a déclaré : « C’est terminé. »',
  'Die Straße in München ist für Fußgänger gesperrt.',
  'El niño pidió más información al señor Muñoz.',
  'Il caffè costa più a Città di Castello.',
  'A população de São Paulo não votou em março.',
  'De ministers overleggen over de ’regels’ in Brussel.',
  'La consellera va dir que l’ajuntament és obert.',
  'Prezydent Łodzi powiedział, że źródło jest zamknięte.',
  'Předseda vlády řekl, že příliš mnoho lidí čeká.',
  '“We will see,” she said — and left…'
]

/** UTF-8 bytes of `text` read with `codec`, `times` times over. */
function garble(text: string, codec: string, times: number): string {
  let out = text
  for (let i = 0; i < times; i++) {
    out = iconv.decode(Buffer.from(out, 'utf8'), codec)
    // A byte the code page does not define is lost on reading: nothing to re-encode.
    if (out.includes('\uFFFD')) return '\uFFFD'
  }
  return out
}

describe('mojibake by codec', () => {
  for (const codec of CODECS) {
    for (const sentence of SENTENCES) {
      const once = garble(sentence, codec, 1)
      if (once.includes('\uFFFD') || once === sentence) continue
      it(`${codec}: ${JSON.stringify(once)}`, async () => {
        expect(await fixed(once, config)).toBe(sentence)
      })
    }
  }
  for (const sentence of SENTENCES) {
    for (const times of [2, 3]) {
      const garbled = garble(sentence, 'windows1252', times)
      if (garbled.includes('\uFFFD')) continue
      it(`windows1252 ×${times}: ${JSON.stringify(garbled).slice(0, 60)}`, async () => {
        expect(await fixed(garbled, config)).toBe(sentence)
      })
    }
  }
  it('leaves correct text in every script alone', () => {
    const valid = [
      ...SENTENCES,
      'Ä … and É … and ÉTAT, SÃO PAULO, ÂMBITO, Ångström, Ça.',
      'Москва — столица России; её улицы «широкие».',
      'ภาษาไทยเป็นภาษาราชการ กรุงเทพมหานคร',
      'Nestlé® and Café™ and n° 5 and 10 °C and 1ª and ½ and Mª José.'
    ]
    for (const text of valid) {
      expect(findMojibake(text), text).toEqual([])
      expect(lint(text, config).map((m) => m.actual), text).toEqual([])
    }
  })
  it('scores mojibake as less likely than the text it came from', () => {
    for (const sentence of SENTENCES) expect(badness(sentence)).toBe(0)
    expect(badness('cafÃ©')).toBeGreaterThan(badness('café'))
    expect(badness('wasnâ€™t')).toBeGreaterThan(0)
  })
  it('repairs the lost last byte of a closing quote and a lost no-break space', async () => {
    expect(await fixed('â€œWe will win,â€ he said.', config)).toBe('“We will win,” he said.')
    expect(await fixed('It costs 10Â euros.', config)).toBe('It costs 10 euros.')
  })
  it('decodes C1 controls and their references as Windows-1252, never deletes them', async () => {
    expect(await fixed('It&#146;s over &#150; for now', config)).toBe('It’s over – for now')
    expect(await fixed('It\u0092s over \u0096 for now', config)).toBe('It’s over – for now')
    expect(lint('It\u0092s', config).map((m) => m.reason)).toEqual(['Unexpected control character U+0092, expected `’` (Windows-1252)'])
  })
  it('reports U+FFFD without a fix', async () => {
    const text = 'The caf\uFFFD reopened.'
    expect(lint(text, config).map((m) => m.reason)).toEqual(['Unexpected replacement character U+FFFD, expected the character it replaced'])
    expect(await fixed(text, config)).toBe(text)
  })
})

describe('entities', () => {
  const cases: Array<[string, string]> = [
    ['&Aacute;lvaro &rarr; &alpha;&beta; &hellip;', 'Álvaro → αβ …'],
    ['&eacute;t&eacute; &copy 2024', 'été © 2024'],
    ['He said &amp;quot;no&amp;quot;.', 'He said "no".'],
    ['It&#x2019;s &#8220;done&#8221;', 'It’s “done”'],
    ['in case of & # 39; floods', 'in case of floods'],
    ['it& # 39;s', 'it\'s'],
    ['the minister&amp; nbsp;said', 'the minister said']
  ]
  for (const [text, out] of cases) it(`decodes ${JSON.stringify(text)}`, async () => expect(await fixed(text, config)).toBe(out))
  it('leaves ampersands in prose alone', () => {
    for (const text of ['AT&T and R&D, Q&A, &c, Procter & Gamble; Tom & Jerry; B&Q; S&P 500; H&M; AT&amp']) {
      expect(lint(text, config).filter((m) => m.actual !== '&amp'), text).toEqual([])
    }
  })
})

describe('escapes', () => {
  it('decodes JSON escapes that lost their backslash in a run, and with it', async () => {
    expect(await fixed('stay informed! u2139 ufe0f Information', config)).toBe('stay informed! ℹ️ Information')
    expect(await fixed('caf\\u00e9', config)).toBe('café')
    expect(await fixed('Model u2139 is new.', config)).toBe('Model u2139 is new.')
  })
  it('deletes a `?` that stands for an emoji after a hashtag', async () => {
    expect(await fixed('[#vigilance]? The storm', config)).toBe('[#vigilance] The storm')
    expect(await fixed('Did you see #vote? It was', config)).toBe('Did you see #vote? It was')
    expect(await fixed('Did you see [#vote]? It was', config)).toBe('Did you see [#vote] It was')
  })
})
