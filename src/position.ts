import type {VFile} from 'vfile'
import {location} from 'vfile-location'

type Locator = ReturnType<typeof location>
const cache = new WeakMap<VFile, {value: string; locator: Locator}>()

/** Offset → point conversion for a file, built once per file content. */
export function locatorFor(file: VFile): Locator {
  const value = String(file.value)
  const hit = cache.get(file)
  if (hit && hit.value === value) return hit.locator
  const locator = location(file)
  cache.set(file, {value, locator})
  return locator
}
