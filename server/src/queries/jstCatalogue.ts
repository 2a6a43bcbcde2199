import type mongoose from "mongoose";
import type { JstPowiat } from "@forum/shared";
import { Jst, type JstDocument as StoredJst } from "../models/Jst.js";

/** A unit as the catalogue holds it: the stored one, with the powiat of a gmina looked up once. */
export type JstDocument = StoredJst & { powiat: JstPowiat | null };

/** How long a lookup that found nothing waits before it may reload the catalogue again. */
const RELOAD_ON_MISS_AFTER_MS = 60_000;

interface Catalogue {
  byId: Map<string, JstDocument>;
  byTeryt: Map<string, JstDocument>;
  /** Sorted by folded name, then code: the order the type-ahead lists them in. */
  sorted: JstDocument[];
  loadedAt: number;
}

let current: Promise<Catalogue> | null = null;

/** A gmina's 7-digit code starts with its powiat's 4 digits (a powiat, or a city with powiat rights). */
function withPowiats(stored: StoredJst[]): JstDocument[] {
  const byTeryt = new Map(stored.map((jst) => [jst.teryt, jst]));
  return stored.map((jst) => {
    const unit = jst.teryt.length === 7 ? byTeryt.get(jst.teryt.slice(0, 4)) : undefined;
    const powiat =
      unit && (unit.type === "powiat" || unit.type === "miasto_na_prawach_powiatu")
        ? { teryt: unit.teryt, name: unit.name, type: unit.type }
        : null;
    return { ...jst, powiat };
  });
}

async function load(): Promise<Catalogue> {
  const jsts = withPowiats(await Jst.find({}).lean<StoredJst[]>());
  jsts.sort((a, b) => a.searchName.localeCompare(b.searchName) || a.teryt.localeCompare(b.teryt));
  return {
    byId: new Map(jsts.map((jst) => [jst._id.toString(), jst])),
    byTeryt: new Map(jsts.map((jst) => [jst.teryt, jst])),
    sorted: jsts,
    loadedAt: Date.now(),
  };
}

/**
 * The TERYT register held in memory. JSTs are reference data that change only when the register
 * is imported (at startup), yet nearly every page names them, so one read serves the process's
 * lifetime instead of a query per request. A unit missing from the catalogue (another process
 * imported it after this one loaded) triggers at most one reload a minute.
 */
async function catalogue(): Promise<Catalogue> {
  current ??= load().catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

async function catalogueWith(found: (entry: Catalogue) => boolean): Promise<Catalogue> {
  const entry = await catalogue();
  if (found(entry) || Date.now() - entry.loadedAt < RELOAD_ON_MISS_AFTER_MS) return entry;
  forgetJstCatalogue();
  return catalogue();
}

/** Drops the catalogue so the next lookup reads the register again (after an import). */
export function forgetJstCatalogue(): void {
  current = null;
}

export async function jstById(id: mongoose.Types.ObjectId | string): Promise<JstDocument | null> {
  const key = id.toString();
  return (await catalogueWith((entry) => entry.byId.has(key))).byId.get(key) ?? null;
}

export async function jstsByIds(ids: (mongoose.Types.ObjectId | string)[]): Promise<Map<string, JstDocument>> {
  const keys = ids.map((id) => id.toString());
  const entry = await catalogueWith((candidate) => keys.every((key) => candidate.byId.has(key)));
  return new Map(keys.flatMap((key) => (entry.byId.has(key) ? [[key, entry.byId.get(key) as JstDocument]] : [])));
}

export async function jstWithTeryt(teryt: string): Promise<JstDocument | null> {
  return (await catalogueWith((entry) => entry.byTeryt.has(teryt))).byTeryt.get(teryt) ?? null;
}

/** Every unit, sorted by folded name and code; filter it, never change it. */
export async function allJsts(): Promise<readonly JstDocument[]> {
  return (await catalogue()).sorted;
}
