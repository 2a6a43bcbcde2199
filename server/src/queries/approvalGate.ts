import { Post } from "../models/Post.js";
import type { Actor } from "../policies/actor.js";

/**
 * Whether this actor's next post waits for a moderator: members (not staff, not experts) with
 * fewer than `threshold` published posts. Only published posts count, so rejected ones do not.
 */
export async function needsApproval(actor: Actor, threshold: number): Promise<boolean> {
  if (threshold <= 0 || actor.role !== "member") return false;
  const published = await Post.find({ authorId: actor.id }, { _id: 1 }).limit(threshold).lean();
  return published.length < threshold;
}
