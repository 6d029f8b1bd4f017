import type {PresetName} from './presets.js'
import {SOURCE_LANGS, type SourceLang} from './types.js'

/** Settings every rule sees, besides its own options (shared through `processor.data('settings')`). */
export interface Settings {
  /** `american` moves . and , inside closing quotes; `british` (logical) leaves fragments alone. */
  quoteStyle?: 'american' | 'british'
  /** Curly (default) or straight quote marks when rules write quotes. */
  quoteMarks?: 'curly' | 'straight'
  /** The language the text was translated from, when known. */
  sourceLang?: SourceLang
  /** The preset in force, for rules that have looser checks in `strict`. */
  preset?: PresetName
}

/** The allowed values of each setting: the one table the config, the flags and the rules check against. */
export const SETTING_VALUES: Record<keyof Settings, readonly string[]> = {
  quoteStyle: ['american', 'british'],
  quoteMarks: ['curly', 'straight'],
  sourceLang: SOURCE_LANGS,
  preset: ['recommended', 'strict']
}

/**
 * The allowed values of setting `key`, or undefined when `key` is not a
 * setting. Own keys only: `toString` or `constructor` are not settings. The
 * library and the config loader both ask here.
 */
export function settingValues(key: string): readonly string[] | undefined {
  return Object.hasOwn(SETTING_VALUES, key) ? SETTING_VALUES[key as keyof Settings] : undefined
}

export const DEFAULT_SETTINGS: Settings = {quoteStyle: 'american', quoteMarks: 'curly'}

// unified's own shared settings (`processor.data('settings')`, as remark-stringify
// reads its options): mtclean's are added to them.
declare module 'unified' {
  interface Settings {
    quoteStyle?: 'american' | 'british'
    quoteMarks?: 'curly' | 'straight'
    sourceLang?: SourceLang
    preset?: PresetName
  }
}
