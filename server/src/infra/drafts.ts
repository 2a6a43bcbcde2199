import type mongoose from "mongoose";
import type { SaveDraftInput } from "@forum/shared";
import { Draft, type DraftDocument, type DraftScope } from "../models/Draft.js";
import { Post } from "../models/Post.js";

/**
 * Drafts are one person's scratch text, not forum content: nobody else sees them and nothing
 * follows from a save, so they record no event (no audit entry, no live update). Like the
 * commands, every change still goes through these few functions.
 */
export interface DraftKey {
  userId: mongoose.Types.ObjectId;
  scope: DraftScope;
  /** The thread (reply) or the category (new thread). */
  targetId: mongoose.Types.ObjectId;
}

export function findDraft(key: DraftKey): Promise<DraftDocument | null> {
  return Draft.findOne({ userId: key.userId, scope: key.scope, targetId: key.targetId }).lean();
}

/**
 * Keeps the latest text. A save that arrives after its post was stored (a late debounced save
 * from another tab) is dropped, so the sent text does not come back as a draft.
 * Returns null when nothing was kept.
 */
export async function draftSaver(key: DraftKey, input: SaveDraftInput): Promise<DraftDocument | null> {
  if (await Post.exists({ authorId: key.userId, clientId: input.clientId })) {
    await draftDiscarder(key);
    return null;
  }
  return Draft.findOneAndUpdate(
    { userId: key.userId, scope: key.scope, targetId: key.targetId },
    { $set: { title: key.scope === "category" ? input.title : "", body: input.body, clientId: input.clientId } },
    { upsert: true, returnDocument: "after" },
  ).lean();
}

export async function draftDiscarder(key: DraftKey): Promise<void> {
  await Draft.deleteOne({ userId: key.userId, scope: key.scope, targetId: key.targetId });
}
