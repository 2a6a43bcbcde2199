import { randomUUID } from "node:crypto";
import mongoose from "mongoose";
import { Post } from "../models/Post.js";
import { Thread } from "../models/Thread.js";

const bodyOf = (number: string) => `Wpis numer ${number}: doświadczenia z **naszej** gminy.`;
/**
 * What infra/markdown.ts renders for bodyOf(); written out because rendering a million posts
 * would take longer than storing them, and because jsdom cannot load inside Jest.
 */
const htmlOf = (number: string) => `<p>Wpis numer ${number}: doświadczenia z <strong>naszej</strong> gminy.</p>\n`;

export interface BulkThreadPostsOptions {
  threadId: mongoose.Types.ObjectId;
  /** Authors take turns, in this order. */
  authorIds: mongoose.Types.ObjectId[];
  count: number;
  /** Written at `firstAt`, then one every `stepMs`. */
  firstAt: Date;
  stepMs: number;
  /** Posts per insertMany. */
  batchSize?: number;
  /** Called after each batch with how many are stored so far. */
  progress?: (stored: number) => void;
}

/**
 * Appends many posts to a thread straight into the collection (no commands, no events): for
 * benchmarks and tests of very long threads, where going through the API would take hours.
 * Numbers continue after the thread's last one; the thread's counters are set to match.
 */
export async function insertThreadPosts(options: BulkThreadPostsOptions): Promise<void> {
  const thread = await Thread.findById(options.threadId, { lastPostNumber: 1 }).lean();
  if (!thread) throw new Error("no such thread");
  const batchSize = options.batchSize ?? 1_000;
  const start = thread.lastPostNumber + 1;
  const end = thread.lastPostNumber + options.count;
  let lastAt = options.firstAt;
  for (let from = start; from <= end; from += batchSize) {
    const documents = [];
    for (let number = from; number <= Math.min(end, from + batchSize - 1); number += 1) {
      const body = bodyOf(String(number));
      const authorId = options.authorIds[number % options.authorIds.length];
      lastAt = new Date(options.firstAt.getTime() + (number - start) * options.stepMs);
      documents.push({
        _id: new mongoose.Types.ObjectId(),
        threadId: options.threadId,
        number,
        authorId,
        body,
        html: htmlOf(String(number)),
        clientId: randomUUID(),
        editedAt: null,
        editedById: null,
        deletedAt: null,
        deletedById: null,
        reactionCounts: { like: 0, thanks: 0, idea: 0, question: 0 },
        createdAt: lastAt,
        updatedAt: lastAt,
      });
    }
    await Post.collection.insertMany(documents, { ordered: false });
    options.progress?.(Math.min(end, from + batchSize - 1) - start + 1);
  }
  await Thread.updateOne(
    { _id: options.threadId },
    { $set: { lastPostNumber: end, lastPostAt: lastAt }, $inc: { postCount: options.count } },
  );
}
