import type mongoose from "mongoose";
import { Jst, type JstDocument } from "../models/Jst.js";
import { anyOf } from "../db/anyOf.js";

export async function loadJsts(ids: mongoose.Types.ObjectId[]): Promise<Map<string, JstDocument>> {
  const jsts = await Jst.find({ _id: anyOf(ids) }).lean();
  return new Map(jsts.map((jst) => [jst._id.toString(), jst]));
}
