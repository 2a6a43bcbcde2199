import { AppError } from "../errors/AppError.js";
import type { JstDocument } from "../models/Jst.js";
import { jstWithTeryt } from "./jstCatalogue.js";

/** The JST a joining person chose; an unknown code answers 400 on the field, as the form shows it. */
export async function jstByTeryt(teryt: string): Promise<JstDocument> {
  const jst = await jstWithTeryt(teryt);
  if (!jst) throw new AppError(400, "invalid_input", "Wybierz JST z listy.", { jstTeryt: "Wybierz JST z listy." });
  return jst;
}
