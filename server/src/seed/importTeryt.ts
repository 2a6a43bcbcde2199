import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Jst } from "../models/Jst.js";
import { forgetJstCatalogue } from "../queries/jstCatalogue.js";
import { readTerytRegister } from "../domain/terytRegister.js";

/** Loads the full TERYT register as the JST catalogue; re-running it adds only what is missing. */
export async function importTeryt(csvPath: string): Promise<{ total: number; inserted: number }> {
  const units = await readTerytRegister(csvPath);
  if ((await Jst.estimatedDocumentCount()) >= units.length) return { total: units.length, inserted: 0 };
  const present = new Set((await Jst.find({}, { teryt: 1, _id: 0 }).lean()).map((jst) => jst.teryt));
  const missing = units.filter((unit) => !present.has(unit.teryt));
  // Unordered: a unit added meanwhile by a parallel run is a duplicate key, not a failure.
  await Jst.insertMany(missing, { ordered: false }).catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
  });
  forgetJstCatalogue();
  return { total: units.length, inserted: missing.length };
}
