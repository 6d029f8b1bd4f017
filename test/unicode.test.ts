import {describe, expect, it} from 'vitest'
import {fixed, lint, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('unicode')

const config = only('unicode')

const invalid: Array<[string, string]> = [
  ['The cafÃ© reopened.', 'The café reopened.'],
  ['It wasnâ€™t ready.', 'It wasn’t ready.'],
  ['â€œWe will win,â€\u009D he said.', '“We will win,” he said.'],
  ['â€œWe will win,â€ he said.', '“We will win,” he said.'],
  ['It costs 10Â euros; prices rose by 5%Â in May.', 'It costs 10 euros; prices rose by 5% in May.'],
  ['The Ã‰lysÃ©e said noâ€¦', 'The Élysée said no…'],
  ['â‚¬5 million and Â£3 million', '€5 million and £3 million'],
  ['โ€œBut it’s important,โ€ he said.', '“But it’s important,” he said.'],
  ['as soon as possible.โ€ Then', 'as soon as possible.” Then'],
  ['The minister&nbsp;said it&#8217;s over &amp; done, &quot;really&quot;.', 'The minister said it’s over & done, "really".'],
  ['Use &#x2019; and &rsquo; and &eacute;t&eacute;.', 'Use ’ and ’ and été.'],
  ['zero\u200Bwidth and soft\u00ADhyphen and bell\u0007 here', 'zerowidth and softhyphen and bell here'],
  ['the\u00A0government and the\u202Fcouncil', 'the government and the council'],
  ['Cafe\u0301 de Flore', 'Café de Flore'],
  ['He doesnt know and they didnt care; Im not sure.', 'He doesn’t know and they didn’t care; I’m not sure.'],
  ['Thats what he said, but its fine.', 'That’s what he said, but its fine.'],
  ['Ã¢â‚¬â„¢', '’']
]

const valid = [
  'AT&T and Procter & Gamble; R&D; Q&A; a&b; &unknownentity; & alone.',
  'Le ministère a annoncé la réforme : « C’est fini ! »',
  'Der Präsident sagte: „Das ist Fußball“ und „Straße“.',
  'Zażółć gęślą jaźń — Łódź, Kraków, Gdańsk.',
  'Tiếng Việt có dấu: Hà Nội, Đà Nẵng, Huế.',
  'Η Αθήνα είναι η πρωτεύουσα. Москва — столица России.',
  'القاهرة عاصمة مصر. ירושלים היא עיר.',
  'ภาษาไทยเป็นภาษาราชการ กรุงเทพมหานคร โกก โกกก',
  '東京は日本の首都です。北京是中国的首都。서울은 한국의 수도입니다.',
  'Family 👨\u200D👩\u200D👧\u200D👦, thumbs 👍🏽, flag 🏳️\u200D🌈, keycap 1️⃣.',
  'Persian: می\u200Cخواهم; Hindi: क्\u200Dष.',
  '50\u00A0% and 10\u00A0km and Mr.\u00A0Smith and €\u00A0200 and 12\u202F000.',
  '\uFEFFA file that starts with a BOM.',
  'SÃO PAULO and São Paulo; NÃO; ÂMBITO; Ångström; Ça va; Ñandú.',
  'He can’t and won’t; it’s theirs; the Obamas; Its fine; were; wed; shed; ill; cant.',
  'Tab\tand\r\nCRLF line.',
  'The CAFÉ and the café; naïve; coöperate; Zoë.',
  'I said "don\'t" and she said don’t.'
]

ruleTable('unicode', config, {invalid, valid, quietAfterFix: false})

describe('unicode', () => {
  it('uses straight apostrophes when asked', async () => {
    expect(await fixed('He doesnt know.', only('unicode', {}, {quoteMarks: 'straight'}))).toBe("He doesn't know.")
  })
  // The lost-apostrophe words are found by a charCode scan (no whole-text regex): pin its word edges.
  it('finds lost apostrophes at the same word edges as the regex it replaces', () => {
    const found = (text: string) => lint(text, config).map((m) => [m.actual, m.expected])
    // A digit starts a word; an astral letter, a combining mark or an apostrophe next to it does not end it.
    expect(found('3didnt and \u{1D400}doesnt and doesnt\u0301 and didnt’s and ’didnt and Thats.')).toEqual([
      ['didnt', ['didn’t']],
      ['Thats', ['That’s']]
    ])
    expect(found('Whats\u00A0up, theres ÉTÉ, İm, shes-ok, Im')).toEqual([
      ['Whats', ['What’s']],
      ['\u00A0', [' ']],
      ['theres', ['there’s']],
      ['Im', ['I’m']]
    ])
    // Lone surrogates are neither letters nor marks.
    expect(found('x\ud835didnt \u{1D400}Im \u0301Im Im\ud835')).toEqual([
      ['didnt', ['didn’t']],
      ['Im', ['I’m']]
    ])
    expect(found('Déjà vu: Ã costs 5Â € and voilÃ  and voilÃ\u00A0here')).toEqual([
      ['Â', ['']],
      ['Ã', ['à']],
      ['Ã\u00A0', ['à']]
    ])
  })
  it('is linear on long adversarial input', () => {
    const long = 'Ã'.repeat(100000) + 'â€'.repeat(50000) + '&#'.repeat(50000) + 'nt'.repeat(50000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})

describe('unicode: letters lost in encoding', () => {
  // Correct sentences of our own, each with one word of the source language that has a letter ASCII lacks.
  const cases: Array<[string, string, string]> = [
    ['es', 'Martínez', 'said {w} on Tuesday, after the meeting in Seville.'],
    ['es', 'Hernández', 'The coach, Xavi {w}, praised the defence.'],
    ['fr', 'président', 'The {w} of the region spoke to reporters in Lyon.'],
    ['de', 'Künstler', 'The {w} collective opened its studio in Leipzig.']
  ]
  const strict = (lang: string) => only('unicode', {}, {sourceLang: lang})
  // The mechanism: drop the one letter that ASCII lacks, as a pipeline that cannot hold it does.
  const drop = (word: string) => [...word].filter((c) => c.charCodeAt(0) < 128).join('')
  for (const [lang, word, frame] of cases) {
    const original = frame.replace('{w}', word)
    const damaged = frame.replace('{w}', drop(word))
    it(`puts back the letter of ${drop(word)} (${lang})`, async () => {
      const lost = [...word].find((c) => c.charCodeAt(0) >= 128)!
      expect(lint(damaged, strict(lang)).map((m) => m.message)).toEqual([`Unexpected \`${drop(word)}\`, expected \`${word}\` (a lost \`${lost}\`)`])
      expect(await fixed(damaged, strict(lang))).toBe(original)
    })
    it(`leaves the correct ${word} alone (${lang})`, () => {
      expect(lint(original, strict(lang))).toEqual([])
    })
  }
  it('leaves words that read whole, English words, capitals and texts with no source language alone', () => {
    // no run of three consonants where the letter would go (`Doria`, `Garca`), a lost last letter (`Pell`)
    expect(lint('Doria, Pell and Garca met the Jett family.', strict('es'))).toEqual([])
    // English knows it; all capitals; an address
    expect(lint('The strength of HRNNDEZ at www.hernndez.example was clear.', strict('es'))).toEqual([])
    // no evidence of a source language: no dictionary, nothing to put back
    expect(lint('The Hernndez family moved to Ohio in 1990.', config)).toEqual([])
  })
  it('puts back a letter the text itself writes elsewhere, with no source language', async () => {
    const text = 'Xavi Hernández won on Sunday. Later, Hernndez said the side had played well in Mnchen, not München.'
    expect(lint(text, config).map((m) => m.message)).toEqual([
      'Unexpected `Hernndez`, expected `Hernández` (a lost `á`)',
      'Unexpected `Mnchen`, expected `München` (a lost `ü`)'
    ])
    expect(await fixed(text, config)).toBe('Xavi Hernández won on Sunday. Later, Hernández said the side had played well in München, not München.')
    // an English word (`nave` beside `naïve`), two full forms for one loss, a lost last letter (`Caf`),
    // a loss that leaves a word that reads whole (`Estado` beside `Estadão`, `Garca` beside `García`)
    expect(lint('A naïve nave; Müller, Möller and Mller; Café and Caf; Estadão and Estado; García and Garca.', config)).toEqual([])
  })
  it('reads whole words only: not inside a hyphenated form, a number, an address or beside an astral letter', async () => {
    const text = 'Hernndez, x-Hernndez, Hernndez-y, 2Hernndez, Hernndez2, www.Hernndez, \u{1D400}Hernndez, (Hernndez) and Xavi Hernández.'
    expect(await fixed(text, config)).toBe('Hernández, x-Hernndez, Hernndez-y, 2Hernndez, Hernndez2, www.Hernndez, \u{1D400}Hernndez, (Hernández) and Xavi Hernández.')
  })
  it('is off with lostLetters: false', () => {
    expect(lint('Juan Martnez spoke.', only('unicode', {lostLetters: false}, {sourceLang: 'es'}))).toEqual([])
  })
})
