import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { Jst } from "../models/Jst.js";
import { Membership } from "../models/Membership.js";
import { Post, type PostDocument } from "../models/Post.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { anyOf } from "../db/anyOf.js";
import { SearchEntry } from "../models/SearchEntry.js";
import { SEARCH_INDEX_STATE_ID, SearchIndexState } from "../models/SearchIndexState.js";
import { SearchPosting } from "../models/SearchPosting.js";
import { SEARCH_ENTRY_COUNT_ID, SearchTermStat } from "../models/SearchTermStat.js";
import { Tag, type TagDocument } from "../models/Tag.js";
import { TagGroup } from "../models/TagGroup.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { eventBus } from "../infra/eventBus.js";
import type { StoredEvent } from "../events/forumEvent.js";
import { JST_TYPE_NAMES } from "../domain/jstTypes.js";
import { isProcessingRestricted, UNRESTRICTED } from "../domain/processingRestriction.js";
import { forumScope, htmlToText, indexedEntry, type IndexedEntry } from "../domain/searchDocuments.js";
import { knownToEveryMember } from "../policies/personPolicy.js";
import { bulkUpdate } from "../db/bulkUpdate.js";

/**
 * Raise when the terms or the entry shape change: the index is then rebuilt at the next start.
 * 2: dictionary lemmas (morfologik-polish) instead of stem truncations; postings with BM25 weights; term counters.
 */
export const SEARCH_FORMAT_VERSION = 2;
const BATCH = 500;
/** Postings per insert: small documents, so more of them to a round trip. */
const POSTING_BATCH = 5000;

type Id = mongoose.Types.ObjectId;
const visiblePost = (post: Pick<PostDocument, "deletedAt" | "hiddenAt">) => !post.deletedAt && !post.hiddenAt;

/** Writes entries and their postings (entries first: a posting never points at nothing for long). */
async function writeIndexed(indexed: IndexedEntry[]): Promise<void> {
  for (let start = 0; start < indexed.length; start += BATCH) {
    await SearchEntry.insertMany(
      indexed.slice(start, start + BATCH).map(({ entry }) => entry),
      { ordered: false },
    );
  }
  const postings = indexed.flatMap(({ postings: ofEntry }) => ofEntry);
  for (let start = 0; start < postings.length; start += POSTING_BATCH) {
    await SearchPosting.insertMany(postings.slice(start, start + POSTING_BATCH), { ordered: false, lean: true });
  }
}

/** Adds to the term counters (SearchTermStat): one bulk of upserting `$inc`s, none for terms whose count holds. */
async function countTerms(delta: Map<string, number>): Promise<void> {
  const changes = [...delta].filter(([, change]) => change !== 0);
  for (let start = 0; start < changes.length; start += POSTING_BATCH) {
    await bulkUpdate(
      SearchTermStat,
      changes.slice(start, start + POSTING_BATCH).map(([term, change]) => ({
        updateOne: { filter: { _id: term }, update: { $inc: { entries: change } }, upsert: true },
      })),
      { ordered: false },
    );
  }
}

/**
 * Adds entries built elsewhere to the index, counters included (the search benchmark fills its index with this;
 * the forum's own entries come from events).
 */
export async function addToSearchIndex(indexed: IndexedEntry[]): Promise<void> {
  const delta = new Map<string, number>([[SEARCH_ENTRY_COUNT_ID, indexed.length]]);
  for (const { entry } of indexed) for (const term of entry.terms) delta.set(term, (delta.get(term) ?? 0) + 1);
  await writeIndexed(indexed);
  await countTerms(delta);
}

/** Replaces the entries matching `filter` (and their postings), keeping the term counters in step. */
async function replaceEntries(filter: Record<string, unknown>, indexed: IndexedEntry[]): Promise<void> {
  const old = await SearchEntry.find(filter, { _id: 1, terms: 1 }).lean();
  const delta = new Map<string, number>([[SEARCH_ENTRY_COUNT_ID, indexed.length - old.length]]);
  for (const entry of old) for (const term of entry.terms) delta.set(term, (delta.get(term) ?? 0) - 1);
  for (const { entry } of indexed) for (const term of entry.terms) delta.set(term, (delta.get(term) ?? 0) + 1);
  if (old.length > 0) {
    const ids = old.map((entry) => entry._id);
    await SearchPosting.deleteMany({ entryId: anyOf(ids) });
    await SearchEntry.deleteMany({ _id: anyOf(ids) });
  }
  await writeIndexed(indexed);
  await countTerms(delta);
}

function threadEntries(thread: ThreadDocument, posts: PostDocument[]): IndexedEntry[] {
  const scope = forumScope(thread.groupId ?? null);
  const entries: IndexedEntry[] = [];
  for (const post of posts) {
    if (!visiblePost(post)) continue;
    const opening = post.number === 1;
    entries.push(
      indexedEntry({
        kind: opening ? "thread" : "post",
        refId: opening ? thread._id : post._id,
        threadId: thread._id,
        // A reply is found by its own words; the thread's title only labels it.
        title: thread.title,
        text: htmlToText(post.html),
        ...scope,
        tags: thread.tags,
        authorId: post.authorId,
        slug: null,
        date: post.createdAt as Date,
        titleIndexed: opening,
      }),
    );
  }
  if (!posts.some((post) => post.number === 1 && visiblePost(post))) {
    // The opening post is hidden or deleted: the thread is still found by its title.
    entries.push(
      indexedEntry({
        kind: "thread",
        refId: thread._id,
        threadId: thread._id,
        title: thread.title,
        text: "",
        ...scope,
        tags: thread.tags,
        authorId: thread.authorId,
        slug: null,
        date: thread.createdAt as Date,
      }),
    );
  }
  return entries;
}

/** A thread and its posts, replaced as a whole (moves, merges, splits, title and tag edits change them all). */
export async function reindexThread(threadId: Id): Promise<void> {
  const thread = await Thread.findById(threadId).lean<ThreadDocument>();
  if (!thread || thread.mergedIntoId) return replaceEntries({ threadId }, []);
  const posts = await Post.find({ threadId }).sort({ number: 1 }).lean<PostDocument[]>();
  await replaceEntries({ threadId }, threadEntries(thread, posts));
}

/** One post changed: only its entry (or the thread's, for the opening post) is rewritten. */
export async function reindexPost(postId: Id, threadId: Id | null): Promise<void> {
  const post = await Post.findById(postId).lean<PostDocument>();
  if (!post) return replaceEntries({ kind: "post", refId: postId }, []);
  if (post.number === 1 || (threadId && !post.threadId.equals(threadId))) return reindexThread(post.threadId);
  const thread = await Thread.findById(post.threadId).lean<ThreadDocument>();
  const shown = thread && !thread.mergedIntoId && visiblePost(post);
  const entries = shown ? threadEntries(thread, [post]).filter(({ entry }) => entry.kind === "post") : [];
  await replaceEntries({ kind: "post", refId: postId }, entries);
}

function practiceEntry(practice: PracticeDocument): IndexedEntry {
  const parts = [
    practice.summary,
    htmlToText(practice.context?.html ?? ""),
    htmlToText(practice.actions?.html ?? ""),
    htmlToText(practice.results?.html ?? ""),
    htmlToText(practice.costs?.html ?? ""),
    practice.fundingSources,
    practice.timeFrame,
    practice.contact?.name ?? "",
  ];
  return indexedEntry({
    kind: "practice",
    refId: practice._id,
    threadId: null,
    title: practice.title,
    text: parts.filter(Boolean).join("\n"),
    visibility: practice.isPublic ? "public" : "members",
    groupIds: [],
    groupId: practice.groupId ?? null,
    tags: practice.tags,
    authorId: practice.authorId,
    slug: null,
    date: practice.publishedAt ?? (practice.updatedAt as Date),
  });
}

/** Only published practices are found (drafts and reviews are reached from "Moje praktyki"). */
export async function reindexPractice(practiceId: Id): Promise<void> {
  const practice = await Practice.findById(practiceId).lean<PracticeDocument>();
  const entries = practice && practice.status === "published" ? [practiceEntry(practice)] : [];
  await replaceEntries({ kind: "practice", refId: practiceId }, entries);
}

function analysisEntry(analysis: AnalysisDocument): IndexedEntry {
  const sections = analysis.sections.map((section) => `${section.heading}\n${htmlToText(section.html)}`);
  return indexedEntry({
    kind: "analysis",
    refId: analysis._id,
    threadId: null,
    title: analysis.title,
    text: [analysis.summary, ...sections].filter(Boolean).join("\n"),
    visibility: analysis.isPublic ? "public" : "members",
    groupIds: [],
    groupId: null,
    tags: analysis.tags,
    authorId: analysis.authorId,
    slug: null,
    date: analysis.publishedAt ?? (analysis.updatedAt as Date),
  });
}

export async function reindexAnalysis(analysisId: Id): Promise<void> {
  const analysis = await Analysis.findById(analysisId).lean<AnalysisDocument>();
  const entries = analysis && analysis.status === "published" ? [analysisEntry(analysis)] : [];
  await replaceEntries({ kind: "analysis", refId: analysisId }, entries);
}

async function personEntry(user: UserDocument): Promise<IndexedEntry> {
  const [memberships, jst] = await Promise.all([
    Membership.find({ userId: user._id }, { groupId: 1 }).lean(),
    user.jstId ? Jst.findById(user.jstId, { name: 1, type: 1 }).lean() : null,
  ]);
  // Listed people and staff are known to everyone signed in, others to their groups (the Person read policy).
  const everyone = knownToEveryMember({
    id: user._id.toString(),
    role: user.role,
    groupIds: memberships.map((membership) => membership.groupId.toString()),
    directoryListing: user.consents?.directoryListing === true,
  });
  return indexedEntry({
    kind: "person",
    refId: user._id,
    threadId: null,
    title: user.name,
    // The local government with its type, as people ask for it ("gmina Wieliczka", "powiat tatrzański").
    text: [user.username, user.position ?? "", jst ? `${jst.name} (${JST_TYPE_NAMES[jst.type]})` : "", user.bio]
      .filter(Boolean)
      .join("\n"),
    visibility: everyone ? "members" : "groups",
    groupIds: everyone ? [] : memberships.map((membership) => membership.groupId),
    groupId: null,
    tags: user.expertise,
    authorId: null,
    slug: user.username,
    date: null,
  });
}

export async function reindexPerson(userId: Id): Promise<void> {
  const user = await User.findById(userId).lean<UserDocument & { _id: Id }>();
  const entries = user && user.status === "active" && !isProcessingRestricted(user) ? [await personEntry(user)] : [];
  await replaceEntries({ kind: "person", refId: userId }, entries);
}

async function tagEntry(tag: TagDocument, groupName: string): Promise<IndexedEntry> {
  return indexedEntry({
    kind: "tag",
    refId: tag._id,
    threadId: null,
    title: tag.name,
    text: groupName,
    visibility: "members",
    groupIds: [],
    groupId: null,
    tags: [tag.slug],
    authorId: null,
    slug: tag.slug,
    date: null,
  });
}

export async function reindexTag(tagId: Id): Promise<void> {
  const tag = await Tag.findById(tagId).lean<TagDocument>();
  const group = tag ? await TagGroup.findById(tag.tagGroupId, { name: 1 }).lean() : null;
  await replaceEntries({ kind: "tag", refId: tagId }, tag ? [await tagEntry(tag, group?.name ?? "")] : []);
}

const THREAD_EVENTS_WITHOUT_TEXT = new Set([
  "threads.pin",
  "threads.unpin",
  "threads.lock",
  "threads.unlock",
  "threads.scheduleClose",
  "threads.setSlowMode",
]);
const ignoredPostEvents = new Set(["posts.react", "posts.unreact"]);

const objectId = (value: unknown): Id | null =>
  typeof value === "string" && mongoose.isValidObjectId(value) ? new mongoose.Types.ObjectId(value) : null;

/** Applies one forum event to the index. */
export async function indexEvent(event: StoredEvent): Promise<void> {
  const [area] = event.name.split(".");
  if (area === "posts" && !ignoredPostEvents.has(event.name)) {
    if (event.subjectType === "Post") return reindexPost(event.subjectId, event.threadId ?? null);
    if (event.threadId) return reindexThread(event.threadId);
  } else if (area === "threads" && !THREAD_EVENTS_WITHOUT_TEXT.has(event.name)) {
    // A merge or split also changes the thread the posts went to.
    const movedTo = event.name === "threads.merge" || event.name === "threads.split" ? event.data.after.threadId : null;
    const threadIds = new Map<string, Id>();
    for (const id of [event.subjectId, event.threadId, objectId(movedTo)]) if (id) threadIds.set(id.toString(), id);
    for (const id of threadIds.values()) await reindexThread(id);
  } else if (event.name === "categories.move") {
    const threads = await Thread.find({ categoryId: event.subjectId }, { _id: 1 }).lean();
    for (const thread of threads) await reindexThread(thread._id);
  } else if (area === "practices") {
    return reindexPractice(event.subjectId);
  } else if (area === "analyses") {
    return reindexAnalysis(event.subjectId);
  } else if (area === "tags") {
    if (event.subjectType === "Tag") return reindexTag(event.subjectId);
    if (event.subjectType === "TagGroup") {
      const tags = await Tag.find({ tagGroupId: event.subjectId }, { _id: 1 }).lean();
      for (const tag of tags) await reindexTag(tag._id);
    }
  } else if (area === "users" && event.subjectType === "User") {
    // An erasure rewrote mentions and quotes of the person in these threads.
    const threadIds = event.name === "users.erase" ? event.data.threadIds.map(objectId) : [];
    for (const threadId of threadIds) if (threadId) await reindexThread(threadId);
    return reindexPerson(event.subjectId);
  } else if (
    event.name === "groups.addMember" ||
    event.name === "groups.removeMember" ||
    event.name === "groups.moveMember"
  ) {
    // Membership decides who finds a person who is not in the directory.
    const userId = objectId(event.data.targetUserId ?? event.data.userId);
    if (userId) return reindexPerson(userId);
  }
}

let queue = Promise.resolve();

/** Resolves once every event published so far is in the index (tests and the benchmark wait for it). */
export const searchIndexIdle = (): Promise<void> => queue;

/** Keeps the index in step with the forum; a failure is logged and never reaches the command that acted. */
export function startSearchIndexer(logger: Pick<Logger, "error">): () => void {
  return eventBus.subscribe((event) => {
    // One at a time, in event order: a hide right after an edit must not be overtaken by it.
    queue = queue.then(() =>
      indexEvent(event).catch((error: unknown) =>
        logger.error({ err: error, event: event.name }, "search indexing failed"),
      ),
    );
  });
}

/** Rebuilds the whole index from the forum's data. */
export async function rebuildSearchIndex(log: (message: string) => void = () => {}): Promise<number> {
  // Indexes of an older format (the terms index of version 1) go, this format's are made.
  await Promise.all([SearchEntry.syncIndexes(), SearchPosting.syncIndexes(), SearchTermStat.syncIndexes()]);
  await Promise.all([SearchEntry.deleteMany({}), SearchPosting.deleteMany({}), SearchTermStat.deleteMany({})]);
  let written = 0;
  let batch: IndexedEntry[] = [];
  // Counted here and written once at the end: a rebuild does not `$inc` per entry.
  const termCounts = new Map<string, number>();
  const flush = async () => {
    if (batch.length === 0) return;
    await writeIndexed(batch);
    for (const { entry } of batch)
      for (const term of entry.terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    written += batch.length;
    batch = [];
  };
  const add = async (entries: IndexedEntry[]) => {
    batch.push(...entries);
    if (batch.length >= BATCH) await flush();
  };
  // Posts in one pass in thread order (the unique index {threadId, number}), not one query per thread: FerretDB
  // reads the whole collection for each query.
  const threads = new Map<string, ThreadDocument>();
  for await (const thread of Thread.find({ mergedIntoId: null }).lean<ThreadDocument[]>().cursor()) {
    threads.set(thread._id.toString(), thread);
  }
  let current: { thread: ThreadDocument; posts: PostDocument[] } | null = null;
  const finishThread = async () => {
    if (current) await add(threadEntries(current.thread, current.posts));
    current = null;
  };
  for await (const post of Post.find({}).sort({ threadId: 1, number: 1 }).lean<PostDocument[]>().cursor()) {
    const key = post.threadId.toString();
    if (current?.thread._id.toString() !== key) {
      await finishThread();
      const thread = threads.get(key);
      threads.delete(key);
      if (thread) current = { thread, posts: [] };
    }
    current?.posts.push(post);
  }
  await finishThread();
  for (const thread of threads.values()) await add(threadEntries(thread, []));
  for await (const practice of Practice.find({ status: "published" }).lean<PracticeDocument[]>().cursor()) {
    await add([practiceEntry(practice)]);
  }
  for await (const analysis of Analysis.find({ status: "published" }).lean<AnalysisDocument[]>().cursor()) {
    await add([analysisEntry(analysis)]);
  }
  for await (const user of User.find({ status: "active", ...UNRESTRICTED })
    .lean<(UserDocument & { _id: Id })[]>()
    .cursor()) {
    await add([await personEntry(user)]);
  }
  const tagGroups = new Map(
    (await TagGroup.find({}, { name: 1 }).lean()).map((group) => [group._id.toString(), group.name]),
  );
  for await (const tag of Tag.find({}).lean<TagDocument[]>().cursor()) {
    await add([await tagEntry(tag, tagGroups.get(tag.tagGroupId.toString()) ?? "")]);
  }
  await flush();
  termCounts.set(SEARCH_ENTRY_COUNT_ID, written);
  const stats = [...termCounts].map(([term, entries]) => ({ _id: term, entries }));
  for (let start = 0; start < stats.length; start += POSTING_BATCH) {
    await SearchTermStat.insertMany(stats.slice(start, start + POSTING_BATCH), { ordered: false, lean: true });
  }
  await SearchIndexState.updateOne(
    { _id: SEARCH_INDEX_STATE_ID },
    { $set: { formatVersion: SEARCH_FORMAT_VERSION, builtAt: new Date() } },
    { upsert: true },
  );
  log(`Indeks wyszukiwania: zapisano ${written} wpisów.`);
  return written;
}

/** At start: rebuild when the index was never built or was built in an older format. */
export async function ensureSearchIndex(log: (message: string) => void): Promise<void> {
  const state = await SearchIndexState.findById(SEARCH_INDEX_STATE_ID).lean();
  if (state?.formatVersion === SEARCH_FORMAT_VERSION && (await SearchEntry.estimatedDocumentCount()) > 0) return;
  log("Budowanie indeksu wyszukiwania…");
  await rebuildSearchIndex(log);
}
