import { AppError } from "../errors/AppError.js";
import { Jst, type JstDocument } from "../models/Jst.js";

/** The JST a joining person chose; an unknown code answers 400 on the field, as the form shows it. */
export async function jstByTeryt(teryt: string): Promise<JstDocument> {
  const jst = await Jst.findOne({ teryt }).lean();
  if (!jst) throw new AppError(400, "invalid_input", "Wybierz JST z listy.", { jstTeryt: "Wybierz JST z listy." });
  return jst;
}
