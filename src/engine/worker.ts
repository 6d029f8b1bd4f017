import {processFile, processTexts} from './run.js'
import type {FileTask, TextsTask} from './types.js'

/** Worker entry (tinypool): rule data and linters are loaded once per worker. */
export default function work(task: {file?: FileTask; texts?: TextsTask}) {
  if (task.file) return processFile(task.file)
  return processTexts(task.texts!)
}
