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

/**
 * Whether there is more on the far side of a page needs no query: numbers start at 1 (the opening
 * post, never removed: deletion is soft) and end at thread.lastPostNumber.
 */
export interface NumberedThread {
  _id: mongoose.Types.ObjectId;
  lastPostNumber: number;
}

async function ascending(
  threadId: mongoose.Types.ObjectId,
  condition: Record<string, number> | undefined,
  limit: number,
) {
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

async function after(thread: NumberedThread, number: number, limit: number): Promise<PostsPageDocuments> {
  const found = await ascending(thread._id, number > 0 ? { $gt: number } : undefined, limit + 1);
  const posts = found.slice(0, limit);
  const first = posts[0]?.number ?? number + 1;
  return { posts, hasAfter: found.length > limit, hasBefore: first > 1, anchor: null };
}

async function before(thread: NumberedThread, number: number, limit: number): Promise<PostsPageDocuments> {
  const found = await descending(thread._id, { $lt: number }, limit + 1);
  const posts = found.slice(found.length > limit ? 1 : 0);
  const last = posts.at(-1)?.number ?? number - 1;
  return { posts, hasBefore: found.length > limit, hasAfter: last < thread.lastPostNumber, anchor: null };
}

async function last(thread: NumberedThread, limit: number): Promise<PostsPageDocuments> {
  const found = await descending(thread._id, undefined, limit + 1);
  const posts = found.slice(found.length > limit ? 1 : 0);
  return { posts, hasBefore: found.length > limit, hasAfter: false, anchor: posts.at(-1)?.number ?? null };
}

/** About half the page before the post, the rest from it on; near either end the page fills from the other side. */
async function around(thread: NumberedThread, number: number, limit: number): Promise<PostsPageDocuments> {
  const [earlier, later] = await Promise.all([
    descending(thread._id, { $lt: number }, limit + 1),
    ascending(thread._id, { $gte: number }, limit + 1),
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

async function at(thread: NumberedThread, moment: Date, limit: number): Promise<PostsPageDocuments> {
  const first = await Post.findOne(
    { threadId: thread._id, createdAt: mongoose.trusted({ $gte: moment }) },
    { number: 1 },
  )
    .sort({ createdAt: 1, number: 1 })
    .lean();
  return first ? around(thread, first.number, limit) : last(thread, limit);
}

/** One page of a thread's posts, as the query asks (see threadPostsQuerySchema). */
export function loadPostsPage(thread: NumberedThread, query: ThreadPostsQuery): Promise<PostsPageDocuments> {
  if (query.before !== undefined) return before(thread, query.before, query.limit);
  if (query.around !== undefined) return around(thread, query.around, query.limit);
  if (query.at !== undefined) return at(thread, query.at, query.limit);
  if (query.last !== undefined) return last(thread, query.limit);
  return after(thread, query.after ?? 0, query.limit);
}

/**
 * Where a reader starts: the first unread post, the top if they never opened the thread, the
 * last post if they read everything.
 */
export async function loadOpeningPage(
  thread: NumberedThread,
  lastReadNumber: number,
  limit: number,
): Promise<PostsPageDocuments> {
  if (lastReadNumber <= 0) return after(thread, 0, limit);
  if (lastReadNumber >= thread.lastPostNumber) return last(thread, limit);
  return around(thread, lastReadNumber + 1, limit);
}
