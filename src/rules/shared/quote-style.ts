/** Settings the quote rules read (merged into every rule's options by the processor). */
export interface QuoteSettings {
  quoteStyle?: 'american' | 'british'
  quoteMarks?: 'curly' | 'straight'
  preset?: 'recommended' | 'strict'
}

/** The English mark for a role and depth in the chosen style. */
export function englishMark(role: 'open' | 'close', depth: number, marks: QuoteSettings['quoteMarks']): string {
  const straight = marks === 'straight'
  if (depth >= 2) return straight ? "'" : role === 'open' ? '‘' : '’'
  return straight ? '"' : role === 'open' ? '“' : '”'
}

/** Show a snippet in a message: visible spaces. */
export function show(s: string): string {
  return '`' + s.replace(/\u00A0/g, '⍽').replace(/\u202F/g, '⍽') + '`'
}
