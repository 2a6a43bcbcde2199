import type mongoose from "mongoose";
import { User, type UserDocument } from "./User.js";

/** Sets fields on a user and returns the updated document; a user deleted meanwhile is an error. */
export async function applyUserChanges(
  userId: mongoose.Types.ObjectId,
  changes: Record<string, unknown>,
): Promise<UserDocument> {
  const updated = await User.findOneAndUpdate({ _id: userId }, { $set: changes }, { returnDocument: "after" }).lean();
  if (!updated) throw new Error(`user ${userId.toString()} vanished during an update`);
  return updated;
}
