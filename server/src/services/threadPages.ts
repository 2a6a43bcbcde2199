import mongoose from "mongoose";
import type { ThreadPostsQuery } from "@forum/shared";
import { Post, type PostDocument } from "../models/Post.js";

export interface PostsPageDocuments {
  posts: PostDocument[];
  hasBefore: boolean;
  hasAfter: boolean;
  anchor: number | null;
}

/** Every query walks the unique {threadId, number} index (or {threadId, createdAt} for `at`). */
const numbered = (threadId: mongoose.Types.ObjectId, condition?: Record<string, number>) =>
  condition ? { threadId, number: mongoose.trusted(condition) } : { threadId };

/** The HTML is what is shown; the markdown source is fetched only for editing. */
const SHOWN = { body: 0 } as const;

async function exists(threadId: mongoose.Types.ObjectId, condition: Record<string, number>): Promise<boolean> {
  return (await Post.exists(numbered(threadId, condition))) !== null;
}

async function ascending(threadId: mongoose.Types.ObjectId, condition: Record<string, number>, limit: number) {
  return Post.find(numbered(threadId, condition), SHOWN).sort({ number: 1 }).limit(limit).lean<PostDocument[]>();
}

async function descending(
  threadId: mongoose.Types.ObjectId,
  condition: Record<string, number> | undefined,
  limit: number,
) {
  const posts = await Post.find(numbered(threadId, condition), SHOWN)
    .sort({ number: -1 })
    .limit(limit)
    .lean<PostDocument[]>();
  return posts.reverse();
}

async function after(threadId: mongoose.Types.ObjectId, number: number, limit: number): Promise<PostsPageDocuments> {
  const found = await ascending(threadId, { $gt: number }, limit + 1);
  const posts = found.slice(0, limit);
  const first = posts[0]?.number ?? number + 1;
  return { posts, hasAfter: found.length > limit, hasBefore: await exists(threadId, { $lt: first }), anchor: null };
}

async function before(threadId: mongoose.Types.ObjectId, number: number, limit: number): Promise<PostsPageDocuments> {
  const found = await descending(threadId, { $lt: number }, limit + 1);
  const posts = found.slice(found.length > limit ? 1 : 0);
  const last = posts.at(-1)?.number ?? number - 1;
  return { posts, hasBefore: found.length > limit, hasAfter: await exists(threadId, { $gt: last }), anchor: null };
}

async function last(threadId: mongoose.Types.ObjectId, limit: number): Promise<PostsPageDocuments> {
  const found = await descending(threadId, undefined, limit + 1);
  const posts = found.slice(found.length > limit ? 1 : 0);
  return { posts, hasBefore: found.length > limit, hasAfter: false, anchor: posts.at(-1)?.number ?? null };
}

/** About half the page before the post, the rest from it on; near either end the page fills from the other side. */
async function around(threadId: mongoose.Types.ObjectId, number: number, limit: number): Promise<PostsPageDocuments> {
  const [earlier, later] = await Promise.all([
    descending(threadId, { $lt: number }, limit + 1),
    ascending(threadId, { $gte: number }, limit + 1),
  ]);
  const half = Math.floor(limit / 3);
  const laterCount = Math.min(later.length, limit - Math.min(earlier.length, half));
  const earlierCount = Math.min(earlier.length, limit - laterCount);
  return {
    posts: [...earlier.slice(earlier.length - earlierCount), ...later.slice(0, laterCount)],
    hasBefore: earlier.length > earlierCount,
    hasAfter: later.length > laterCount,
    // Past the end, the reader lands on the last post.
    anchor: later[0]?.number ?? earlier.at(-1)?.number ?? null,
  };
}

async function at(threadId: mongoose.Types.ObjectId, moment: Date, limit: number): Promise<PostsPageDocuments> {
  const first = await Post.findOne({ threadId, createdAt: mongoose.trusted({ $gte: moment }) }, { number: 1 })
    .sort({ createdAt: 1, number: 1 })
    .lean();
  return first ? around(threadId, first.number, limit) : last(threadId, limit);
}

/** One page of a thread's posts, as the query asks (see threadPostsQuerySchema). */
export function loadPostsPage(threadId: mongoose.Types.ObjectId, query: ThreadPostsQuery): Promise<PostsPageDocuments> {
  if (query.before !== undefined) return before(threadId, query.before, query.limit);
  if (query.around !== undefined) return around(threadId, query.around, query.limit);
  if (query.at !== undefined) return at(threadId, query.at, query.limit);
  if (query.last !== undefined) return last(threadId, query.limit);
  return after(threadId, query.after ?? 0, query.limit);
}

/**
 * Where a reader starts: the first unread post, the top if they never opened the thread, the
 * last post if they read everything.
 */
export async function loadOpeningPage(
  threadId: mongoose.Types.ObjectId,
  lastReadNumber: number,
  lastPostNumber: number,
  limit: number,
): Promise<PostsPageDocuments> {
  if (lastReadNumber <= 0) return after(threadId, 0, limit);
  if (lastReadNumber >= lastPostNumber) return last(threadId, limit);
  return around(threadId, lastReadNumber + 1, limit);
}
