// The benchmark's deterministic documents (seeded PRNG, sentence templates with
// MT artifacts written for the benchmark). bench/run.mjs writes them to
// bench/corpus/; tests generate the first few in memory.

export function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const W = {
  who: ['The minister', 'The prime minister', 'A senior official', 'The mayor of Lyon', 'The spokesman for the ministry', 'The opposition leader', 'Dr. Alvarez', 'The central bank', 'The World Bank', 'The European Commission', 'The U.S. ambassador', 'The union', 'The prosecutor', 'Ms. Lindqvist', 'Mr. Okafor', 'The court', 'Police in Rotterdam', 'Residents of the district'],
  verb: ['said', 'announced', 'warned', 'confirmed', 'reported', 'told reporters', 'wrote', 'noted'],
  what: ['the reform would be ready by the summer', 'prices had risen 3.5 percent since March', 'about 1,500 people had been evacuated', 'the talks would resume at 10:30 on Monday', 'the budget reached $2.4 billion', 'exports fell for the third month in a row', 'the vote was postponed until the autumn', 'the company’s profits had doubled', 'the plan covered several sectors, e.g. energy and transport', 'the agreement signed in 2019 was still valid', 'the figures would be published on the website'],
  quote: ['We will not give up', 'This is a difficult moment for everyone', 'The decision has been made', 'Nobody expected such a result', 'We need more time', 'It is too early to say', 'The numbers speak for themselves', 'We are ready to talk'],
  place: ['Brussels', 'Paris', 'Madrid', 'Berlin', 'Lisbon', 'Rome', 'Amsterdam', 'Warsaw', 'Barcelona', 'Geneva'],
  tail: ['Markets closed higher on Friday.', 'The vote is expected next week.', 'Neither side commented further.', 'The report runs to 300 pages.', 'Talks are due to resume in the spring.', 'The ministry did not respond to a request for comment.']
}
// Artifacts in the style of MT from French, German, Spanish, Italian, Portuguese and Dutch news (written for this benchmark).
const ARTIFACTS = [
  (r, p) => `“${p(W.quote)}”${p(['Kremlin', 'Government', 'Union'])} spokesman ${p(['Dmitri Orlov', 'Anna Weber', 'Luis Moreno'])} told the press.`,
  (r, p) => `${p(W.who)} ${p(['assures', 'underlines', 'estimates', 'explains'])} that “${p(W.quote).toLowerCase()}”.`,
  (r, p) => `“${p(W.quote)}”, ${p(['explains to AFP a source close to the file', 'assures a senior official', 'indicates the ministry'])}.`,
  (r, p) => `The deal is worth ${p(['1,5', '2,3', '4,8'])} million euros, or ${p(['45 000', '12 500', '300 000'])} dollars, up ${p(['12 %', '3,5 %', '50 %'])}.`,
  (r, p) => `According to information from ${p(['World', 'the Country', 'the Mail'])}, the investigation was opened in ${p(W.place)} .`,
  (r, p) => `The sword was drawn, ${p(W.who).toLowerCase()} said, « without any warning ».`,
  (r, p) => `The protection was weak. . ${p(W.tail)}`,
  (r, p) => `${p(W.who)} announcedthat the plan was good.It would cost ${p(['12 €', '30 €'])} per person.`,
  (r, p) => `The opposition denounced a “${p(['scandal', 'betrayal', 'disaster'])}”.The government did not answer.`,
  (r, p) => `The city was ${p(['grilled', 'in the sights of the police', 'put in examination'])} last week, Ã© &nbsp;noted.`
]
const RESIDUE = [
  'You have 50% of this article left to read. The rest is reserved for subscribers.',
  'Please enter your comment!\nPlease enter your name here',
  'Read also: The talks resume in Brussels',
  'Subscribe to our newsletter to receive the latest news.'
]

function sentence(rand, pick) {
  const r = rand()
  if (r < 0.16) return ARTIFACTS[Math.floor(rand() * ARTIFACTS.length)](rand, pick)
  if (r < 0.45) return `${pick(W.who)} ${pick(W.verb)} that ${pick(W.what)}.`
  if (r < 0.6) return `“${pick(W.quote)},” ${pick(['she said', 'he said', 'the minister said', 'a spokesman added'])}.`
  if (r < 0.7) return `${pick(W.who)} said in ${pick(W.place)}: “${pick(W.quote)}.”`
  if (r < 0.8) return `In ${pick(W.place)}, ${pick(W.who).toLowerCase()} ${pick(W.verb)} that ${pick(W.what)}.`
  return pick(W.tail)
}

export function documentText(rand, target) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const paragraphs = [`${pick(W.who)} ${pick(['warns', 'confirms', 'announces'])} new measures in ${pick(W.place)}`]
  let size = paragraphs[0].length
  while (size < target) {
    const n = 2 + Math.floor(rand() * 5)
    const p = Array.from({length: n}, () => sentence(rand, pick)).join(' ')
    paragraphs.push(p)
    size += p.length + 2
    if (rand() < 0.03) paragraphs.push(pick(RESIDUE))
  }
  return paragraphs.join('\n\n') + '\n'
}

/**
 * Markdown of about `target` characters: a heading, then short paragraphs of
 * news text, each followed by a list of two or three sentences. Many small
 * lists between paragraphs are what micromark, given a whole document, is
 * superlinear on.
 */
export function markdownText(rand, target) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const parts = [`# ${pick(W.who)} ${pick(['warns', 'confirms', 'announces'])} new measures in ${pick(W.place)}`]
  let size = parts[0].length
  while (size < target) {
    const p = Array.from({length: 1 + Math.floor(rand() * 2)}, () => sentence(rand, pick)).join(' ')
    const list = Array.from({length: 2 + Math.floor(rand() * 2)}, () => `- ${sentence(rand, pick)}`).join('\n')
    parts.push(p, list)
    size += p.length + list.length + 4
  }
  return parts.join('\n\n') + '\n'
}

/**
 * The first `count` documents of bench/corpus/docs, as bench/run.mjs writes
 * them: `{dir, name, text}` in file order. `rand` goes on where they stop.
 */
export function benchDocuments(count) {
  const rand = mulberry32(20261122)
  const docs = []
  for (let i = 0; i < count; i++) {
    docs.push({dir: String(Math.floor(i / 500)).padStart(2, '0'), name: `doc-${String(i).padStart(4, '0')}.txt`, text: documentText(rand, 4000 + Math.floor(rand() * 2000))})
  }
  return Object.assign(docs, {rand})
}
