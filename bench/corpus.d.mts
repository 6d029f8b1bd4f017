export function mulberry32(seed: number): () => number
export function documentText(rand: () => number, target: number): string
export function markdownText(rand: () => number, target: number): string
export function benchDocuments(count: number): Array<{dir: string; name: string; text: string}> & {rand: () => number}
