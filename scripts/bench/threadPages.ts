/**
 * Benchmark of thread pagination: builds a database of many posts and times the page queries
 * (first, last, around, after, before, at) for random places, printing p50/p95/p99 in ms.
 *
 *   npm run bench:thread-pages                    # 1,000,000 posts in 10 threads
 *   BENCH_POSTS=100000 BENCH_THREADS=4 BENCH_SAMPLES=300 npm run bench:thread-pages
 *   node --import tsx scripts/bench/threadPages.ts 50000   # the post count as an argument
 *
 * It uses MONGODB_URI when set, else the chain the server uses (embedded MongoDB, then FerretDB),
 * always in a database of its own (BENCH_DB, default forum_bench_thread_pages) that it drops
 * before and after (BENCH_KEEP=1 keeps it).
 */
import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import mongoose from "mongoose";
import type { ThreadPostsQuery } from "@forum/shared";
import { POSTS_PAGE_DEFAULT } from "@forum/shared";
import { connectDatabase, disconnectDatabase, redactUri } from "../../server/src/db/connectDatabase.js";
import { findDatabase } from "../../server/src/db/findDatabase.js";
import "../../server/src/models/index.js";
import { Thread } from "../../server/src/models/Thread.js";
import { insertThreadPosts } from "../../server/src/seed/bulkThreadPosts.js";
import { loadPostsPage, type NumberedThread } from "../../server/src/queries/threadPages.js";

const positiveInt = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

const TOTAL = positiveInt(process.argv[2] ?? process.env.BENCH_POSTS, 1_000_000);
const THREADS = Math.min(TOTAL, positiveInt(process.env.BENCH_THREADS, 10));
const SAMPLES = positiveInt(process.env.BENCH_SAMPLES, 200);
const DB_NAME = process.env.BENCH_DB ?? "forum_bench_thread_pages";
const KINDS = ["first", "last", "around", "after", "before", "at"] as const;
type Kind = (typeof KINDS)[number];

const say = (message: string) => console.log(message);
const randomInt = (max: number) => Math.floor(Math.random() * max);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function build(): Promise<Array<{ thread: NumberedThread; posts: number; firstAt: Date }>> {
  const authorIds = Array.from({ length: 20 }, () => new mongoose.Types.ObjectId());
  const categoryId = new mongoose.Types.ObjectId();
  const threads = [];
  const startedAt = Date.now();
  let stored = 0;
  for (let index = 0; index < THREADS; index += 1) {
    const posts = Math.floor(TOTAL / THREADS) + (index < TOTAL % THREADS ? 1 : 0);
    const firstAt = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000);
    const thread = await Thread.create({
      categoryId,
      groupId: null,
      title: `Wątek testowy ${index + 1}`,
      authorId: authorIds[0],
      lastPostAt: firstAt,
    });
    await insertThreadPosts({
      threadId: thread._id,
      authorIds,
      count: posts,
      firstAt,
      stepMs: 60_000,
      batchSize: 2_000,
      progress: (done) => {
        if ((stored + done) % 100_000 < 2_000) {
          const seconds = (Date.now() - startedAt) / 1000;
          say(`  ${stored + done} / ${TOTAL} wpisów (${seconds.toFixed(0)} s)`);
        }
      },
    });
    stored += posts;
    threads.push({ thread: { _id: thread._id, lastPostNumber: posts }, posts, firstAt });
  }
  say(`Zbudowano ${TOTAL} wpisów w ${THREADS} wątkach w ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
  return threads;
}

function queryFor(kind: Kind, posts: number, firstAt: Date): ThreadPostsQuery {
  const limit = POSTS_PAGE_DEFAULT;
  const somewhere = 1 + randomInt(posts);
  switch (kind) {
    case "first":
      return { limit };
    case "last":
      return { last: "1", limit };
    case "around":
      return { around: somewhere, limit };
    case "after":
      return { after: somewhere, limit };
    case "before":
      return { before: somewhere, limit };
    case "at":
      return { at: new Date(firstAt.getTime() + somewhere * 60_000), limit };
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-bench-"));
  const database = await findDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    purpose: "test",
    dataDir,
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: say,
  });
  say(`Baza: ${database.kind} (${redactUri(database.uri)}), baza danych ${DB_NAME}`);
  try {
    await connectDatabase(database.uri, { dbName: DB_NAME, ...database.clientOptions });
    // A leftover from an interrupted run would skew the figures: start empty, with the indexes.
    await mongoose.connection.db?.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
    const threads = await build();

    say(`Pomiar: ${SAMPLES} zapytań każdego rodzaju, strona po ${POSTS_PAGE_DEFAULT} wpisów.`);
    say(`\nrodzaj       p50     p95     p99   (ms, ${TOTAL} wpisów, ${database.kind})`);
    for (const kind of KINDS) {
      const times: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        const thread = threads[randomInt(threads.length)];
        if (!thread) continue;
        const started = process.hrtime.bigint();
        const page = await loadPostsPage(thread.thread, queryFor(kind, thread.posts, thread.firstAt));
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (page.posts.length === 0 && kind !== "after") throw new Error(`empty ${kind} page`);
      }
      times.sort((a, b) => a - b);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(1).padStart(8));
      say(`${kind.padEnd(8)}${p50}${p95}${p99}`);
    }
  } finally {
    if (process.env.BENCH_KEEP !== "1") await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
