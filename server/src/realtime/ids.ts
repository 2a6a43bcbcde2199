import mongoose from "mongoose";

export function mongooseIdOrNull(value: unknown): mongoose.Types.ObjectId | null {
  if (typeof value !== "string" || value.length !== 24 || !mongoose.isObjectIdOrHexString(value)) return null;
  return new mongoose.Types.ObjectId(value);
}
