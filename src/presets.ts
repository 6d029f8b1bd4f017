import type {Severity} from './types.js'

export type PresetName = 'recommended' | 'strict'

/**
 * Presets are plain data: rule severities applied under the user's own rule
 * settings. `strict` turns every rule on at its default level.
 */
export const presets: Record<PresetName, {rules: Record<string, Severity>}> = {
  recommended: {rules: {}},
  strict: {rules: {}}
}

export const PRESET_NAMES = Object.keys(presets) as PresetName[]
