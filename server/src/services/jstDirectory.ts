import mongoose from "mongoose";
import { Jst, type JstDocument } from "../models/Jst.js";

export async function loadJsts(ids: mongoose.Types.ObjectId[]): Promise<Map<string, JstDocument>> {
  const jsts = await Jst.find({ _id: mongoose.trusted({ $in: ids }) }).lean();
  return new Map(jsts.map((jst) => [jst._id.toString(), jst]));
}
