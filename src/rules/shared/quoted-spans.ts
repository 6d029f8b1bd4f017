/** Quoted stretches (“…”, ‘…’, «…», "…") within each line, in one linear scan: sorted [open, close] pairs. */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let curly = -1
  let guillemet = -1
  let single = -1
  let straight = -1
  for (let i = 0; i < text.length; i++) {
    // only line breaks, `"`, `«`, `»` and the curly quotes matter: skip everything else by code
    const code = text.charCodeAt(i)
    if (code !== 10 && code !== 34 && code !== 0xab && code !== 0xbb && (code < 0x2018 || code > 0x201d)) continue
    const c = text[i]
    if (c === '\n') {
      curly = guillemet = single = straight = -1
    } else if (c === '“') curly = i
    else if (c === '”' && curly >= 0) {
      spans.push([curly, i])
      curly = -1
    } else if (c === '«') guillemet = i
    else if (c === '»' && guillemet >= 0) {
      spans.push([guillemet, i])
      guillemet = -1
    } else if (c === '‘' && (i === 0 || /[\s(]/.test(text[i - 1]))) single = i
    else if (c === '’' && single >= 0 && !/\p{L}/u.test(text[i + 1] ?? '')) {
      spans.push([single, i])
      single = -1
    } else if (c === '"') {
      if (straight < 0) straight = i
      else {
        spans.push([straight, i])
        straight = -1
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0])
}
