import mongoose from "mongoose";
import { anyOf } from "../../db/anyOf.js";
import { Post } from "../../models/Post.js";
import { Thread } from "../../models/Thread.js";
import { bulkUpdate } from "../../db/bulkUpdate.js";

/** A post as a restructuring sees it: where it was and under which number. */
export interface PlacedPost {
  _id: mongoose.Types.ObjectId;
  threadId: mongoose.Types.ObjectId;
  number: number;
  authorId: mongoose.Types.ObjectId;
  createdAt: Date;
}

const PLACED = { _id: 1, threadId: 1, number: 1, authorId: 1, createdAt: 1 } as const;

/** The posts of the given threads and/or with the given ids, as stored now. */
export async function loadPlacedPosts(
  threadIds: mongoose.Types.ObjectId[],
  postIds: mongoose.Types.ObjectId[] = [],
): Promise<PlacedPost[]> {
  const [inThreads, byId] = await Promise.all([
    threadIds.length ? Post.find({ threadId: anyOf(threadIds) }, PLACED).lean() : [],
    postIds.length ? Post.find({ _id: anyOf(postIds) }, PLACED).lean() : [],
  ]);
  const unique = new Map<string, PlacedPost>();
  for (const post of [...inThreads, ...byId]) unique.set(post._id.toString(), post);
  return [...unique.values()];
}

/** Time order (ties by id, which is time order too): the order numbers must follow. */
export const inTimeOrder = (posts: PlacedPost[]): PlacedPost[] =>
  [...posts].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.toString().localeCompare(b._id.toString()),
  );

/**
 * Puts `posts` (in time order) into `threadId` numbered 1…n and sets the thread's counters.
 *
 * Without transactions the unique (threadId, number) index must hold after every single write, so
 * the posts first get negative numbers below any left by an interrupted earlier run, then their
 * final ones. Every step sets absolute values, so running it again after a crash finishes the job;
 * meanwhile a reader may see a post twice-numbered or missing, never lost.
 */
export async function renumberInto(threadId: mongoose.Types.ObjectId, posts: PlacedPost[]): Promise<void> {
  const lowest = await Post.findOne({ threadId, number: mongoose.trusted({ $lt: 0 }) }, { number: 1 })
    .sort({ number: 1 })
    .lean();
  const leftovers = Math.min(0, lowest?.number ?? 0, ...posts.map((post) => post.number));
  if (posts.length > 0) {
    await bulkUpdate(
      Post,
      posts.map((post, index) => ({
        updateOne: { filter: { _id: post._id }, update: { $set: { threadId, number: leftovers - index - 1 } } },
      })),
      { ordered: true },
    );
    await bulkUpdate(
      Post,
      posts.map((post, index) => ({
        updateOne: { filter: { _id: post._id }, update: { $set: { number: index + 1 } } },
      })),
      { ordered: true },
    );
  }
  const last = posts.at(-1);
  await Thread.updateOne(
    { _id: threadId },
    {
      $set: {
        lastPostNumber: posts.length,
        postCount: posts.length,
        ...(last ? { lastPostAt: last.createdAt } : {}),
      },
    },
  );
}
