import { Post } from "../models/Post.js";
import type { Actor } from "../policies/actor.js";
import { can } from "../policies/index.js";

/**
 * Whether this actor's next post waits for a moderator (the policy `Post:publishWithoutApproval` decides: members
 * with fewer than `threshold` published posts wait). Only published posts count, so rejected ones do not; they are
 * counted only for someone the rule could hold back (a count of none is asked first).
 */
export async function needsApproval(actor: Actor, threshold: number): Promise<boolean> {
  if (can(actor, "publishWithoutApproval", "Post", { publishedPosts: 0, threshold })) return false;
  const published = await Post.find({ authorId: actor.id }, { _id: 1 }).limit(threshold).lean();
  return !can(actor, "publishWithoutApproval", "Post", { publishedPosts: published.length, threshold });
}
