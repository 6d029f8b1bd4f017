/**
 * Phrase sets of the built-in rule data, made at build time: scripts/build-rules.mjs
 * builds each with addGroup from the YAML files and stores it in the snapshot
 * (phrases.ts freezeSet); a run thaws it while the snapshot is current for every
 * rule whose data the set holds, and builds it anew otherwise (a source tree never
 * built, an edited rule file, user rule files).
 */
import {buildSet, thawSet, type GroupSpec, type PhraseSet} from '../match/phrases.js'
import {builtInFromSnapshot} from './load.js'
import {snapshotSet} from './snapshot.js'

/** The set of `specs` (made of the built-in data of `rules` alone), stored by the build under `name`: thawed when current, else built now. */
export function builtInSet(name: string, rules: readonly string[], specs: readonly GroupSpec[]): PhraseSet {
  const frozen = process.env.MTCLEAN_NO_SNAPSHOT || !rules.every(builtInFromSnapshot) ? undefined : snapshotSet(name)
  return (frozen && thawSet(frozen, specs.map((s) => s.terms))) || buildSet(specs)
}
