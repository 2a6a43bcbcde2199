import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import mongoose from "mongoose";
import { MAIL_SUBSCRIPTIONS, type MailSubscription } from "@forum/shared";
import { User, type UserDocument } from "../models/User.js";

/**
 * One-click unsubscribe links that need no sign-in: `<userId>.<kind>.<signature>`, signed with a
 * secret of that person (User.mailKey), so the link keeps working across restarts and can be
 * neither guessed nor turned into someone else's.
 */
const sign = (mailKey: string, userId: string, kind: MailSubscription): string =>
  createHmac("sha256", mailKey).update(`${userId}:${kind}`).digest("base64url");

async function mailKeyOf(userId: mongoose.Types.ObjectId): Promise<string> {
  const user = await User.findById(userId, { mailKey: 1 }).lean();
  if (user?.mailKey) return user.mailKey;
  await User.updateOne({ _id: userId, mailKey: null }, { $set: { mailKey: randomBytes(32).toString("base64url") } });
  const stored = await User.findById(userId, { mailKey: 1 }).lean();
  if (!stored?.mailKey) throw new Error("user vanished while making an unsubscribe link");
  return stored.mailKey;
}

export async function unsubscribeToken(userId: mongoose.Types.ObjectId, kind: MailSubscription): Promise<string> {
  return `${userId.toString()}.${kind}.${sign(await mailKeyOf(userId), userId.toString(), kind)}`;
}

/** The person and the mail kind a token stands for; null for anything forged or malformed. */
export async function verifyUnsubscribeToken(
  token: string,
): Promise<{ user: UserDocument; kind: MailSubscription } | null> {
  const [userId, kind, signature, extra] = token.split(".");
  if (extra !== undefined || !userId || !signature || !mongoose.isValidObjectId(userId)) return null;
  if (!(MAIL_SUBSCRIPTIONS as readonly string[]).includes(kind ?? "")) return null;
  const user = await User.findById(userId).lean();
  if (!user?.mailKey) return null;
  const expected = Buffer.from(sign(user.mailKey, userId, kind as MailSubscription));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { user, kind: kind as MailSubscription };
}
