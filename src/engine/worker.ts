import {processFile, processTexts} from './run.js'
import type {FileTask, TextsTask} from './types.js'

/** Worker entry (tinypool): rule data and linters are loaded once per worker. */
export default async function work(task: {file?: FileTask; files?: FileTask[]; texts?: TextsTask; warm?: true}) {
  // Answered once the modules above are loaded: the pool is ready.
  if (task.warm) return true
  if (task.file) return processFile(task.file)
  if (task.files) {
    const results = []
    for (const file of task.files) results.push(await processFile(file))
    return results
  }
  return processTexts(task.texts!)
}
