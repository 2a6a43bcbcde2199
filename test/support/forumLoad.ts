import { randomUUID } from "node:crypto";
import type { GroupDetail } from "@forum/shared";
import type TestAgent from "supertest/lib/agent.js";
import { anyOf } from "../../server/src/db/anyOf.js";
import { Post } from "../../server/src/models/Post.js";
import { Thread } from "../../server/src/models/Thread.js";
import { signedInAgent } from "./http.js";

/** No answer within this long counts as a hang. */
export const HANG_MS = 8_000;

const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

/** One signed-in member writing into one category and its threads. */
export interface LoadWriter {
  agent: TestAgent;
  categoryId: string;
  /** Threads to reply in; threads the writer starts join the list. */
  threadIds: string[];
}

export interface LoadOutcome {
  request: string;
  /** HTTP status, or "no answer" when the connection failed or timed out. */
  status: number | "no answer";
  ms: number;
  retryable: boolean;
  retryAfter: string | undefined;
  /** The error message shown to the user, if any. */
  message: string | undefined;
}

/** A member of `groupSlug`, signed in, writing into its "dyskusje" category. */
export async function writerIn(baseUrl: string, email: string, groupSlug: string): Promise<LoadWriter> {
  const agent = await signedInAgent(baseUrl, email);
  const detail = (await agent.get(`/api/groups/${groupSlug}`)).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === "dyskusje") ?? detail.categories[0];
  if (!category) throw new Error(`no category in ${groupSlug}`);
  const listed = (await agent.get(`/api/categories/${category.id}/threads`)).body as { threads: { id: string }[] };
  return { agent, categoryId: category.id, threadIds: listed.threads.slice(0, 2).map((thread) => thread.id) };
}

/**
 * Keeps every writer busy until stopped: starting threads, replying, reading thread pages and
 * the category list. Remembers every answer, which writes were acknowledged, and which threads
 * were touched (for the consistency check).
 */
export class ForumLoad {
  readonly outcomes: LoadOutcome[] = [];
  /** clientIds of the posts (first posts included) answered with 2xx. */
  readonly acknowledged = new Set<string>();
  readonly touchedThreadIds = new Set<string>();
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(writers: LoadWriter[]) {
    for (const writer of writers) for (const id of writer.threadIds) this.touchedThreadIds.add(id);
    this.loops = writers.flatMap((writer) => [this.loop(writer), this.readLoop(writer)]);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Answers since `index` (an earlier outcomes.length). */
  since(index: number): LoadOutcome[] {
    return this.outcomes.slice(index);
  }

  private async loop(writer: LoadWriter): Promise<void> {
    for (let step = 0; this.running; step += 1) {
      const threadId = writer.threadIds[step % writer.threadIds.length] ?? "";
      const answered = await (step % 3 === 0 ? this.startThread(writer) : this.reply(writer, threadId));
      // A refused connection answers at once: do not spin while the server is down.
      if (!answered) await pause();
    }
  }

  /** The same member reading meanwhile, in another tab. */
  private async readLoop(writer: LoadWriter): Promise<void> {
    for (let step = 0; this.running; step += 1) {
      const threadId = writer.threadIds[step % writer.threadIds.length] ?? "";
      if (!(await this.read(writer, threadId))) await pause();
      await pause();
    }
  }

  private async startThread(writer: LoadWriter): Promise<boolean> {
    const clientId = randomUUID();
    const response = await this.send("POST new thread", () =>
      writer.agent
        .post(`/api/categories/${writer.categoryId}/threads`)
        .send({ title: `Wątek pod obciążeniem ${clientId.slice(0, 8)}`, body: "Pierwszy wpis.", clientId }),
    );
    const threadId = (response?.body as { thread?: { id?: string } } | undefined)?.thread?.id;
    if (response && response.status < 300 && threadId) {
      this.acknowledged.add(clientId);
      this.touchedThreadIds.add(threadId);
      writer.threadIds.push(threadId);
    }
    return response !== null;
  }

  private async reply(writer: LoadWriter, threadId: string): Promise<boolean> {
    const clientId = randomUUID();
    const response = await this.send("POST reply", () =>
      writer.agent.post(`/api/threads/${threadId}/posts`).send({ body: `Odpowiedź ${clientId.slice(0, 8)}`, clientId }),
    );
    if (response && response.status < 300) this.acknowledged.add(clientId);
    return response !== null;
  }

  private async read(writer: LoadWriter, threadId: string): Promise<boolean> {
    const thread = await this.send("GET thread", () => writer.agent.get(`/api/threads/${threadId}`));
    const list = await this.send("GET category", () =>
      writer.agent.get(`/api/categories/${writer.categoryId}/threads`),
    );
    return thread !== null && list !== null;
  }

  private async send(
    request: string,
    make: () => ReturnType<TestAgent["get"]>,
  ): Promise<{ status: number; body: unknown } | null> {
    const startedAt = Date.now();
    try {
      const response = await make().timeout({ response: HANG_MS, deadline: HANG_MS + 2_000 });
      const error = (response.body as { error?: { retryable?: boolean; message?: string } } | undefined)?.error;
      this.outcomes.push({
        request,
        status: response.status,
        ms: Date.now() - startedAt,
        retryable: error?.retryable === true,
        retryAfter: response.headers["retry-after"] as string | undefined,
        message: error?.message,
      });
      return response;
    } catch {
      const ms = Date.now() - startedAt;
      this.outcomes.push({
        request,
        status: "no answer",
        ms,
        retryable: false,
        retryAfter: undefined,
        message: undefined,
      });
      return null;
    }
  }
}

/** Answers that break the promise "2xx, or 503 retryable with Retry-After, within HANG_MS". */
export function unexpectedOutcomes(outcomes: LoadOutcome[]): LoadOutcome[] {
  return outcomes.filter((outcome) => {
    if (outcome.status === "no answer" || outcome.ms > HANG_MS) return true;
    if (outcome.status < 300) return false;
    return !(outcome.status === 503 && outcome.retryable && outcome.retryAfter !== undefined);
  });
}

/**
 * What a half-done write would leave behind, as readable lines (empty when all is well): an
 * acknowledged post missing or stored twice, a thread without its first post or whose count or
 * last-post pointers disagree with its posts, a post whose thread is missing.
 */
export async function halfDoneWrites(load: ForumLoad): Promise<string[]> {
  const problems: string[] = [];
  const acknowledged = [...load.acknowledged];
  const stored = await Post.find({ clientId: anyOf(acknowledged) }, { clientId: 1 }).lean();
  const storedTimes = new Map<string, number>();
  for (const post of stored) storedTimes.set(post.clientId, (storedTimes.get(post.clientId) ?? 0) + 1);
  for (const clientId of acknowledged) {
    const times = storedTimes.get(clientId) ?? 0;
    if (times !== 1) problems.push(`acknowledged post ${clientId} stored ${times} times`);
  }

  const posts = await Post.find({}, { threadId: 1, number: 1, createdAt: 1 }).lean();
  const threads = await Thread.find({}, { postCount: 1, lastPostNumber: 1, lastPostAt: 1, mergedIntoId: 1 }).lean();
  const threadIds = new Set(threads.map((thread) => thread._id.toString()));
  const postsOf = new Map<string, typeof posts>();
  for (const post of posts) {
    const key = post.threadId.toString();
    if (!threadIds.has(key)) problems.push(`post ${post._id.toString()} has no thread ${key}`);
    postsOf.set(key, [...(postsOf.get(key) ?? []), post]);
  }
  for (const thread of threads) {
    if (thread.mergedIntoId) continue;
    const key = thread._id.toString();
    const own = postsOf.get(key) ?? [];
    if (!own.some((post) => post.number === 1)) problems.push(`thread ${key} has no first post`);
    if (thread.postCount !== own.length)
      problems.push(`thread ${key} counts ${thread.postCount} posts of ${own.length}`);
    if (!load.touchedThreadIds.has(key)) continue;
    const newest = Math.max(...own.map((post) => post.createdAt.getTime()));
    if (thread.lastPostAt.getTime() !== newest) problems.push(`thread ${key} lastPostAt is not its newest post's`);
    if (thread.lastPostNumber < Math.max(...own.map((post) => post.number)))
      problems.push(`thread ${key} lastPostNumber is below a post's number`);
  }
  return problems;
}

/** Polls `halfDoneWrites` until it is empty (the recovery pass runs in the background) or time runs out. */
export async function waitForConsistency(load: ForumLoad, ms: number): Promise<string[]> {
  const end = Date.now() + ms;
  for (;;) {
    const problems = await halfDoneWrites(load);
    if (problems.length === 0 || Date.now() > end) return problems;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
