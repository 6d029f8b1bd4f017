import {describe, expect, it} from 'vitest'
import numberFormat from '../src/rules/number-format.js'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('number-format')

const config = only('number-format')
const translated = only('number-format', {}, {sourceLang: 'es'})
const messages = (text: string) => lint(text, config).filter((m) => m.ruleId === 'number-format')

// [input, output of `fix` (safe fixes only)]
const safe: Array<[string, string]> = [
  ['The deficit reached 1,5 million euros last year.', 'The deficit reached 1.5 million euros last year.'],
  ['Some 4,18 million people are registered.', 'Some 4.18 million people are registered.'],
  ['Inflation stood at 3,8% in May.', 'Inflation stood at 3.8% in May.'],
  ['Inflation stood at 3,8 % in May.', 'Inflation stood at 3.8% in May.'],
  ['Growth was 0,7 percent over the quarter.', 'Growth was 0.7 percent over the quarter.'],
  ['A budget of 3,5 millions was voted.', 'A budget of 3.5 million was voted.'],
  ['The state will spend 2,4 milliards on it.', 'The state will spend 2.4 billion on it.'],
  ['A ticket costs 1,50 euros now.', 'A ticket costs 1.50 euros now.'],
  ['The march drew 45 000 people.', 'The march drew 45,000 people.'],
  ['The town has 1 250 000 inhabitants.', 'The town has 1,250,000 inhabitants.'],
  ['The town has 12\u00a0500 inhabitants.', 'The town has 12,500 inhabitants.'],
  ['The register counted 4.189.659 jobseekers.', 'The register counted 4,189,659 jobseekers.'],
  ['Exports totalled 2.064.581,50 euros.', 'Exports totalled 2,064,581.50 euros.'],
  ['The region lost 12.500 jobs.', 'The region lost 12,500 jobs.'],
  ['It costs 12.500 euros a year.', 'It costs 12,500 euros a year.'],
  ['Unemployment fell in 79.701 unemployed people.', 'Unemployment fell in 79,701 unemployed people.'],
  ['Total: 4.189.659. The north counted 55.890 and the south 23.811.', 'Total: 4,189,659. The north counted 55,890 and the south 23,811.'],
  ['Half of them, 50 %, voted.', 'Half of them, 50%, voted.'],
  ['Prices rose 5.2 % on average.', 'Prices rose 5.2% on average.'],
  ['Rates rose by 2, 5% this year.', 'Rates rose by 2.5% this year.'],
  ['The menu costs 12 € per person.', 'The menu costs €12 per person.'],
  ['The menu costs 12€ per person.', 'The menu costs €12 per person.'],
  ['A grant of 3 million € was paid.', 'A grant of €3 million was paid.'],
  ['A coffee is 2,5 € here.', 'A coffee is €2.5 here.'],
  ['They raised 45 000 € in a week.', 'They raised €45,000 in a week.'],
  ['Rent is 950 £ a month.', 'Rent is £950 a month.'],
  // The meridiem's period ends the sentence too: not `p.m..`.
  ['The vote closed at 21.15 PM.', 'The vote closed at 9:15 p.m.'],
  ['The vote closed at 21.15 PM... or later.', 'The vote closed at 9:15 p.m.... or later.']
]

// [input, the span reported, the suggestion]
const suggestions: Array<[string, string, string]> = [
  ['The meeting starts at 22h30 tonight.', '22h30', '10:30 p.m.'],
  ['The meeting starts at 9h05 sharp.', '9h05', '9:05 a.m.'],
  ['Polls close at 20h in Paris.', '20h', '8 p.m.'],
  ['Doors open at 12h00.', '12h00', 'noon'],
  ['The meeting starts at 22h30.', '22h30.', '10:30 p.m.'],
  ['The vote is on the 3 of March.', 'the 3 of March', 'March 3'],
  ['The vote was on the 21 of June, 2021 in Lyon.', 'the 21 of June, 2021', 'June 21, 2021'],
  ['It was signed on 12. June 2021 in Berlin.', '12. June 2021', 'June 12, 2021'],
  ['Output fell by 298,0 to a new low.', '298,0', '298.0'],
  ['The index lost ground (8,0) again.', '8,0', '8.0']
]

const valid: string[] = [
  'The company has 1,500 employees.',
  'The city has 3,133,000 residents.',
  'A 4,500-employee plant closed.',
  'Turnout was 28.63 percent.',
  'Rates rose 0.5 points.',
  'The score was 2-1 after extra time.',
  'The train leaves at 10:30 and arrives at 14:45.',
  'Call +33 6 12 34 56 78 or 01 23 45 67 89 for details.',
  'Call 0612 345 678 today.',
  'Call 0 800 123 456 for free.',
  'Install v1.2.3 or version 2.10.4 of the tool.',
  'The server is at 192.168.100.200 on the LAN.',
  'Choose option 1, 2 and 3.',
  'Elections were held in 2019, 2020 and 2021.',
  'In 2019 200 people attended.',
  'The wreck lies at 48.8566, 2.3522 near the coast.',
  'Read Article 1,5 of the treaty.',
  'The meeting lasted 1h30 in all.',
  'She sleeps 8h a night.',
  'It costs €12 or 12 euros or $15.',
  'He was born on the 3rd of March.',
  'The vote is on 3 March 2021.',
  'Pi is about 3.141 and e about 2.718.',
  'It grew 12% and 50 percent.',
  'They won 6-4, 6-3 in the final.',
  'See https://example.com/a/1.500.000/page and mail me@1.234.567.org now.',
  'He scored 12 goals. June was a good month.',
  'The 2 of them left.'
]

// Each family: correct values, rendered the source-language way, checked back exactly.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const ABBR = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.']
const english12 = (h: number, m: number) => `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}`
const families: Array<{name: string; cases: Array<[string, string]>; safe: boolean}> = [
  {
    name: 'dot thousands (1.234.567)',
    safe: true,
    cases: [1234567, 20481003, 4500312, 987654321].map((n) => [`The register counted ${n.toLocaleString('de-DE')} people.`, `The register counted ${n.toLocaleString('en-US')} people.`])
  },
  {
    name: 'decimal comma with percent (12,5 %)',
    safe: true,
    cases: [12.5, 0.7, 3.25, 48.1].map((v) => [`Turnout reached ${String(v).replace('.', ',')} % in May.`, `Turnout reached ${v}% in May.`])
  },
  {
    name: 'day.Mon.year (25.Feb.2024)',
    safe: true,
    cases: [[25, 1, 2024], [3, 4, 2023], [1, 8, 2019], [30, 10, 2022]].map(([d, m, y]) => [`The rally (${d}.${ABBR[m].replace('.', '')}.${y}) was large.`, `The rally (${ABBR[m]} ${d}, ${y}) was large.`])
  },
  {
    name: '24-hour time with a meridiem (21.15 PM)',
    safe: true,
    cases: [[21, 15], [13, 5], [18, 40], [23, 59]].map(([h, m]) => [`The vote closed at ${h}.${String(m).padStart(2, '0')} PM on Sunday.`, `The vote closed at ${english12(h, m)} on Sunday.`])
  },
  {
    name: 'the 12 of March',
    safe: false,
    cases: [[12, 2], [1, 0], [31, 11]].map(([d, m]) => [`It opens on the ${d} of ${MONTHS[m]}.`, `${MONTHS[m]} ${d}`])
  },
  {
    name: '3. June 2020',
    safe: false,
    cases: [[3, 5, 2020], [28, 1, 2019]].map(([d, m, y]) => [`It was signed on ${d}. ${MONTHS[m]} ${y} in Bonn.`, `${MONTHS[m]} ${d}, ${y}`])
  },
  {
    name: '10 h 30',
    safe: false,
    cases: [[10, 30], [22, 15], [7, 45]].map(([h, m]) => [`The train leaves at ${h} h ${m} from Lyon.`, english12(h, m)])
  }
]

describe('number-format: families generated from correct values', () => {
  for (const family of families) {
    for (const [input, output] of family.cases) {
      it(`${family.name}: ${input}`, async () => {
        if (family.safe) {
          expect(await fixed(input, config)).toBe(output)
          expect(messages(output)).toEqual([])
        } else {
          expect(messages(input).map((m) => m.expected)).toEqual([[output]])
        }
      })
    }
  }
  it('translated billions: `€ 13,984 billion` → `€13.984 billion`', async () => {
    expect(await fixed('Interest took € 13,984 billion of it.', translated)).toBe('Interest took €13.984 billion of it.')
    expect(await fixed('Interest took € 13,984 billion of it.', config)).toBe('Interest took € 13,984 billion of it.')
    expect(await fixed('It owes 1,000 billion yen.', translated)).toBe('It owes 1,000 billion yen.')
    // The euro sign after an amount elsewhere is the document's own evidence.
    expect(await fixed('Interest took € 13,984 billion; the rest, 26.017 billion €.', config)).toBe('Interest took €13.984 billion; the rest, €26.017 billion.')
  })
  it('leaves English forms alone', () => {
    for (const text of ['It has 1,500 staff and 3.5 acres.', 'There were 1800 visitors.', 'The train leaves at 18:40.', 'We meet at 9.15 pm.', 'The budget was 30,982 million dollars.']) {
      expect(messages(text), text).toEqual([])
    }
  })
})

describe('number-format', () => {
  it.each(safe)('fixes %j', async (input, output) => {
    const found = messages(input)
    expect(found.length).toBeGreaterThan(0)
    assertWellFormed(input, found)
    expect(await fixed(input, config)).toBe(output)
    // Idempotent, and silent on the output.
    expect(await fixed(output, config)).toBe(output)
    expect(messages(output).filter((m) => m.fix === 'safe')).toEqual([])
  })

  it.each(suggestions)('suggests for %j', async (input, actual, expected) => {
    const found = lint(input, translated).filter((m) => m.ruleId === 'number-format')
    expect(found.map((m) => [m.actual, m.expected, m.fix])).toEqual([[actual, [expected], 'suggestion']])
    expect(await fixed(input, translated)).toBe(input)
  })

  // [input, output in a text shown translated (the source language set)]
  it.each([
    ['The plan costs 12,500 million euros.', 'The plan costs 12.5 billion euros.'],
    ['Debt grew (+3,600 million) in a year.', 'Debt grew (+3.6 billion) in a year.'],
    ['The fund holds 339,000 million euros.', 'The fund holds 339 billion euros.'],
    ['The register counted 2.125.078 people and 12,500 million euros.', 'The register counted 2,125,078 people and 12.5 billion euros.']
  ])('billions: %j in a text shown translated, the same value as English writes it', async (input, output) => {
    expect(await fixed(input, translated)).toBe(output)
  })

  it('billions: a suggestion when only the count itself suggests a translation', async () => {
    const found = messages('The plan costs 12,500 million euros.')
    expect(found.map((m) => [m.actual, m.expected, m.fix, m.reason])).toEqual([['12,500 million', ['12.5 billion'], 'suggestion', 'Unexpected `12,500 million` (a source-language count in millions), expected `12.5 billion`']])
    expect(await fixed('The plan costs 12,500 million euros.', config)).toBe('The plan costs 12,500 million euros.')
    // A document's own continental numbers make it certain, without the setting.
    expect(await fixed('The register counted 2.125.078 people and 12,500 million euros.', config)).toBe('The register counted 2,125,078 people and 12.5 billion euros.')
  })

  it('reads `million` counts the source-language way only in a translated text', () => {
    const text = 'The plan costs 12,500 million dollars.'
    expect(messages(text)).toEqual([])
    expect(messages('The plan costs 12,500 million euros.').map((m) => m.expected)).toEqual([['12.5 billion']])
    expect(messages('The deficit was 1,5 million euros. The plan costs 12,500 million euros.').map((m) => m.actual)).toEqual(['1,5', '12,500 million'])
    expect(lint('The budget was 30,982 million dollars.', translated).map((m) => m.expected)).toEqual([['30.982 billion']])
    expect(messages('The budget was 30,982 million dollars.')).toEqual([])
  })

  it.each(valid)('leaves %j alone', async (input) => {
    expect(messages(input)).toEqual([])
    expect(await fixed(input, config)).toBe(input)
  })

  it('uses the document’s dot-thousands to read a single group', async () => {
    const text = 'The register counted 2.125.078 people. In March it was 10.221 more.'
    expect(await fixed(text, config)).toBe('The register counted 2,125,078 people. In March it was 10,221 more.')
    expect(await fixed('In March it was 10.221 more.', config)).toBe('In March it was 10.221 more.')
  })

  it('options turn off times, dates and billions', () => {
    const off = only('number-format', {times: false, dates: false, billions: false})
    const text = 'At 22h30 on the 3 of March they spent 12,500 million euros.'
    expect(lint(text, translated).filter((m) => m.ruleId === 'number-format').length).toBe(3)
    expect(lint(text, off).filter((m) => m.ruleId === 'number-format')).toEqual([])
  })

  it('is linear on long adversarial lines', () => {
    // The rule reads only the text: time its check alone (parsing is measured elsewhere).
    const patterns = ['1,5 ', '1.234.', '1 234 ', '12h', '1,2,', '9 ', '1.2.3.', '3 of ', '12. ', '2, 5 ', '1 €', '0 %', '1,500 million ']
    for (const p of patterns) {
      const text = p.repeat(Math.ceil(200_000 / p.length))
      const t0 = performance.now()
      numberFormat.meta.check({text, tree: undefined as never, file: undefined as never, options: numberFormat.meta.defaults, report: () => {}, once: (_key, make) => make()})
      expect(performance.now() - t0, p).toBeLessThan(2000)
    }
  })
})

describe('number-format: split table decimals', () => {
  it('does not read `53. 6 258. 7` as thousands', () => {
    expect(messages('1945 53. 6 258. 7 24. 7 and more')).toEqual([])
  })
})
