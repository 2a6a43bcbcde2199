import { foldPolish, type JstType } from "@forum/shared";

/** What matching needs of a TERYT unit (the catalogue's documents have it). */
export interface MatchableJst {
  teryt: string;
  name: string;
  type: JstType;
  searchName: string;
}

export type JstMatch<T extends MatchableJst> =
  | { kind: "found"; jst: T }
  | { kind: "ambiguous"; candidates: T[] }
  | { kind: "unknown"; suggestions: T[] }
  | { kind: "missing" };

const GMINA: JstType[] = ["gmina_miejska", "gmina_wiejska", "gmina_miejsko_wiejska"];

/**
 * Office names people write instead of the unit's ("Urząd Gminy Kozy", "Miasto Kraków"): the
 * prefix is dropped and narrows the unit's type. Powiats keep "powiat" — it is part of their name.
 */
const OFFICE_PREFIXES: readonly [RegExp, readonly JstType[]][] = [
  [/^(urzad )?(miasta i gminy|miasto i gmina|gmina i miasto|mig) /, ["gmina_miejsko_wiejska"]],
  [/^(urzad )?(gminy|gmina|gm\.?) (miejskiej |miejska |wiejskiej |wiejska )?/, GMINA],
  [/^(urzad )?(miasta stolecznego|miasto stoleczne|m\.? ?st\.?) /, ["miasto_na_prawach_powiatu"]],
  [/^(urzad )?(miasta|miasto|m\.?) /, ["miasto_na_prawach_powiatu", "gmina_miejska", "gmina_miejsko_wiejska"]],
  [/^(urzad marszalkowski wojewodztwa|wojewodztwo|woj\.?) /, ["wojewodztwo"]],
];

/** The name as a search key, without an office prefix, and the types that prefix allows. */
export function jstNameKey(text: string): { key: string; types: readonly JstType[] | null } {
  const folded = foldPolish(text).replace(/\s+/g, " ").trim();
  for (const [prefix, types] of OFFICE_PREFIXES) {
    if (prefix.test(folded)) return { key: folded.replace(prefix, "").trim(), types };
  }
  return { key: folded, types: null };
}

/**
 * A city with powiat rights is in the register twice: as the city (4-digit code) and as its gmina
 * (7 digits under the same code). It runs its schools as the city, so the pair means the city.
 */
function preferCityWithPowiatRights<T extends MatchableJst>(candidates: T[]): T[] {
  const cities = candidates.filter((jst) => jst.type === "miasto_na_prawach_powiatu");
  if (cities.length !== 1) return candidates;
  const [city] = cities as [T];
  const rest = candidates.filter((jst) => jst !== city);
  return rest.every((jst) => jst.type === "gmina_miejska" && jst.teryt.startsWith(city.teryt)) ? [city] : candidates;
}

const SUGGESTIONS = 5;

/** Units whose name starts with, then contains, the key: what the coordinator probably meant. */
function suggest<T extends MatchableJst>(key: string, units: readonly T[]): T[] {
  if (key.length < 3) return [];
  const stem = key.slice(0, Math.max(3, key.length - 2));
  const found: T[] = [];
  for (const test of [
    (name: string) => name.startsWith(key),
    (name: string) => name.startsWith(stem),
    (name: string) => name.includes(stem),
  ]) {
    for (const unit of units) {
      if (found.length >= SUGGESTIONS) return found;
      if (!found.includes(unit) && test(unit.searchName)) found.push(unit);
    }
  }
  return found;
}

/**
 * The unit a row names: by TERYT code when it has one (a code not in the register is unknown),
 * otherwise by name, folded, with office prefixes understood. `units` is the whole register.
 */
export function matchJst<T extends MatchableJst>(
  input: { teryt: string; name: string },
  units: readonly T[],
  byTeryt: ReadonlyMap<string, T>,
): JstMatch<T> {
  const code = input.teryt.trim();
  if (code) {
    const jst = byTeryt.get(code);
    if (jst) return { kind: "found", jst };
    return { kind: "unknown", suggestions: input.name ? suggest(jstNameKey(input.name).key, units) : [] };
  }
  if (!input.name.trim()) return { kind: "missing" };
  const { key, types } = jstNameKey(input.name);
  const same = units.filter((unit) => unit.searchName === key && (!types || types.includes(unit.type)));
  const candidates = preferCityWithPowiatRights(same);
  if (candidates.length === 1) return { kind: "found", jst: candidates[0] as T };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "unknown", suggestions: suggest(key, units) };
}
