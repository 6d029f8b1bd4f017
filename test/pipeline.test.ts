import retextEnglish from 'retext-english'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {allRules, rulesById} from '../src/index.js'

describe('rules as plain retext plugins', () => {
  it('work in a stock unified + retext-english pipeline, with exact places', async () => {
    const text = 'He said “yes”and left, according to information from World. Prices rose 1,5 % .'
    const file = await unified()
      .use(retextEnglish)
      .use(rulesById.get('quote-glued')!)
      .use(rulesById.get('masthead')!, {sourceLang: 'fr'})
      .use(rulesById.get('number-format')!)
      .use(retextStringify)
      .process(text)
    expect(String(file)).toBe(text) // rules never change the tree
    const ids = file.messages.map((m) => m.ruleId)
    expect(ids).toContain('quote-glued')
    expect(ids).toContain('masthead')
    expect(ids).toContain('number-format')
    for (const m of file.messages) {
      const {startOffset, endOffset} = m as unknown as {startOffset: number; endOffset: number}
      expect(m.source).toBe('mtclean')
      expect(text.slice(startOffset, endOffset)).toBe(m.actual)
      expect(m.place && 'start' in m.place ? m.place.start.offset : undefined).toBe(startOffset)
      expect(m.url).toMatch(new RegExp(`/docs/rules/${m.ruleId}\\.md$`))
    }
    const masthead = file.messages.find((m) => m.ruleId === 'masthead')!
    expect(masthead.expected).toEqual(['Le Monde'])
  })

  it('every rule can be used alone, and severity "off" silences it', async () => {
    const text = '“It is ready”, assures the minister to World . The the plan costs 1,5 million.'
    for (const rule of allRules) {
      const on = await unified().use(retextEnglish).use(rule).use(retextStringify).process(text)
      for (const m of on.messages) expect(m.ruleId).toBe(rule.ruleId)
      const off = await unified().use(retextEnglish).use(rule, {severity: 'off'}).use(retextStringify).process(text)
      expect(off.messages).toEqual([])
    }
  })
})
