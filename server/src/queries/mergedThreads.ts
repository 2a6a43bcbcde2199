import type mongoose from "mongoose";
import type { ThreadRedirect } from "@forum/shared";
import { notFound } from "../errors/AppError.js";
import { Thread } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";

/**
 * Where a merged thread's readers go: the thread it was merged into (following a chain of
 * merges), if they may read it; otherwise the old thread is simply gone for them.
 */
export async function mergedThreadRedirect(
  actor: Actor | null,
  mergedIntoId: mongoose.Types.ObjectId,
): Promise<ThreadRedirect> {
  let targetId = mergedIntoId;
  for (let hops = 0; hops < 10; hops += 1) {
    const target = await Thread.findById(targetId, { groupId: 1, mergedIntoId: 1 }).lean();
    if (!target || !can(actor, "read", "Thread", target)) throw notFound();
    if (!target.mergedIntoId) return { redirect: { threadId: target._id.toString() } };
    targetId = target.mergedIntoId;
  }
  throw notFound();
}
