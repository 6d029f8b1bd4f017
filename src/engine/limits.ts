/**
 * Largest file or JSONL record read by default (--max-file-size). A bigger
 * input is refused before any work starts; up to it, the memory budget of
 * 1 GB holds (windowed linting, src/windows.ts, in a heap-capped worker,
 * src/engine/pool.ts: measured by `npm run bench`, memory per MB of input).
 */
export const DEFAULT_MAX_INPUT = 20 * 1024 * 1024

/** Said when a fix did not settle within the pass limit (src/fix/loop.ts). */
export const UNSETTLED = 'fixes did not settle within the pass limit (fixing the output again may change it); please report this text'
