import type mongoose from "mongoose";
import { AppError } from "../errors/AppError.js";
import { anyOf } from "../db/anyOf.js";
import { User, type UserDocument } from "../models/User.js";

/** Whether an admin restricted processing of the account (RODO art. 18/21). */
export const isProcessingRestricted = (user: Pick<UserDocument, "restriction"> | null | undefined): boolean =>
  Boolean(user?.restriction?.since);

/** The 423 a restricted person gets when they try to change their data or write. */
export const processingRestricted = (): AppError =>
  new AppError(
    423,
    "processing_restricted",
    "Przetwarzanie danych konta jest ograniczone: nie można teraz zmieniać profilu ani publikować. Skontaktuj się z administratorem.",
  );

/** Filter for queries of people who may be mailed, notified or listed: no restriction in force. */
export const UNRESTRICTED = { "restriction.since": null } as const;

/** The ids among `userIds` whose processing is restricted: they get no notifications of any kind. */
export async function restrictedAmong(userIds: (mongoose.Types.ObjectId | string)[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const users = await User.find({ _id: anyOf(userIds) }, { restriction: 1 }).lean();
  return new Set(users.filter(isProcessingRestricted).map((user) => user._id.toString()));
}
