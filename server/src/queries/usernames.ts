import mongoose from "mongoose";
import { foldPolish } from "@forum/shared";
import { User } from "../models/User.js";

/** "Anna.Kowalska+forum@x.pl" → "anna.kowalska.forum": the local part, folded, only handle characters. */
export function usernameFromEmail(email: string): string {
  const local = foldPolish(email.split("@")[0] ?? "");
  const cleaned = local
    .replace(/[^a-z0-9._-]+/g, ".")
    .replace(/\.{2,}/g, ".")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, 36)
    .replace(/[._-]+$/g, "");
  return cleaned || "uzytkownik";
}

/** The base itself if nobody has it, otherwise base2, base3, … (the unique index still guards races). */
export async function freeUsername(base: string): Promise<string> {
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}${suffix}`;
    if (!(await User.exists({ username: candidate }))) return candidate;
  }
}

/** Accounts from before usernames existed get one, so every person can be mentioned. */
export async function assignMissingUsernames(): Promise<number> {
  const missing = await User.find({ username: mongoose.trusted({ $exists: false }) }, { email: 1 }).lean();
  for (const user of missing) {
    const username = await freeUsername(usernameFromEmail(user.email));
    await User.updateOne({ _id: user._id }, { $set: { username } });
  }
  return missing.length;
}
