/** Regions of a text that are not prose, found in one linear scan and cached per text. */

let cache: {text: string; regions: Array<[number, number]>} | undefined

/** Fenced code blocks (``` or ~~~ lines) as sorted [start, end) offsets. */
export function codeRegions(text: string): Array<[number, number]> {
  if (cache && cache.text === text) return cache.regions
  const regions: Array<[number, number]> = []
  if (text.includes('```') || text.includes('~~~')) {
    const fence = /^[ \t]{0,3}(`{3,}|~{3,})/gm
    let open: number | undefined
    for (const m of text.matchAll(fence)) {
      if (open === undefined) open = m.index
      else {
        const lineEnd = text.indexOf('\n', m.index)
        regions.push([open, lineEnd < 0 ? text.length : lineEnd])
        open = undefined
      }
    }
    if (open !== undefined) regions.push([open, text.length])
  }
  cache = {text, regions}
  return regions
}

/** Whether `at` falls in a fenced code block. */
export function inCode(text: string, at: number): boolean {
  const regions = codeRegions(text)
  if (regions.length === 0) return false
  let lo = 0
  let hi = regions.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [s, e] = regions[mid]
    if (at < s) hi = mid - 1
    else if (at >= e) lo = mid + 1
    else return true
  }
  return false
}
