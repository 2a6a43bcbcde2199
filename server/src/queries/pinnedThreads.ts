import type { ThreadDocument } from "../models/Thread.js";
import { Thread } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import { activePin } from "../domain/threadState.js";

/** Newest pin first. */
const byPinnedAt = (a: ThreadDocument, b: ThreadDocument) => (b.pin?.at.getTime() ?? 0) - (a.pin?.at.getTime() ?? 0);

/** A category's list: threads pinned now first (newest pin first), then the rest by latest activity. */
export function pinnedFirst(pinnedCandidates: ThreadDocument[], recent: ThreadDocument[]): ThreadDocument[] {
  const now = new Date();
  const pinned = pinnedCandidates.filter((thread) => activePin(thread, now)).sort(byPinnedAt);
  const pinnedIds = new Set(pinned.map((thread) => thread._id.toString()));
  return [...pinned, ...recent.filter((thread) => !pinnedIds.has(thread._id.toString()))];
}

/** Threads pinned for the whole forum that this person may read (few: moderators pin sparingly). */
export async function loadGloballyPinned(actor: Actor): Promise<ThreadDocument[]> {
  const now = new Date();
  const candidates = await Thread.find({ "pin.scope": "global", mergedIntoId: null }).lean();
  return candidates.filter((thread) => activePin(thread, now) && can(actor, "read", "Thread", thread)).sort(byPinnedAt);
}
