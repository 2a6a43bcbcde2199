import type mongoose from "mongoose";
import { collectMentions, collectQuotedPostIds, type MentionTarget } from "@forum/shared";
import { anyOf } from "../../db/anyOf.js";
import { Post } from "../../models/Post.js";
import { Thread } from "../../models/Thread.js";
import { User } from "../../models/User.js";
import type { ThreadSubject } from "../../policies/threadPolicy.js";
import { markdown, renderMarkdown } from "../../infra/markdown.js";
import { mayReadThread, readersAmong } from "../../queries/threadReaders.js";

export interface PreparedPostBody {
  html: string;
  /** People mentioned who may read the thread; only they get a link and a notification. */
  mentionedUserIds: mongoose.Types.ObjectId[];
  /** Posts quoted that the writer may read. */
  quotedPostIds: mongoose.Types.ObjectId[];
}

/** Where a mention links to: the person's card (client route /osoby/[username]). */
export const personPath = (username: string): string => `/osoby/${encodeURIComponent(username)}`;

/**
 * Renders a post's markdown and resolves what it refers to. A mention becomes a link only for
 * someone who may read the thread: for anyone else it stays the text that was typed, so it
 * reveals nothing (not even whether such a username exists).
 */
export async function preparePostBody(props: {
  body: string;
  thread: ThreadSubject;
  authorId: mongoose.Types.ObjectId;
}): Promise<PreparedPostBody> {
  const usernames = collectMentions(markdown, props.body);
  const mentioned = usernames.length
    ? await User.find({ username: anyOf(usernames) }, { name: 1, username: 1 }).lean()
    : [];
  const readers = await readersAmong(
    mentioned.map((user) => user._id),
    props.thread,
  );
  const resolved = mentioned.filter((user) => readers.has(user._id.toString()));
  const mentions = new Map<string, MentionTarget>(
    resolved.map((user) => [user.username, { href: personPath(user.username), name: user.name }]),
  );

  return {
    html: renderMarkdown(props.body, { mentions }),
    mentionedUserIds: resolved.map((user) => user._id),
    quotedPostIds: await readableQuotedPosts(collectQuotedPostIds(markdown, props.body), props.authorId),
  };
}

/** Quotes of posts the writer may not read (or that do not exist) are ignored. */
async function readableQuotedPosts(ids: string[], authorId: mongoose.Types.ObjectId) {
  if (ids.length === 0) return [];
  const [posts, author] = await Promise.all([
    Post.find({ _id: anyOf(ids.slice(0, 20)) }, { threadId: 1 }).lean(),
    User.findById(authorId, { role: 1, status: 1, suspension: 1 }).lean(),
  ]);
  if (!author) return [];
  const threads = new Map(
    (await Thread.find({ _id: anyOf(posts.map((post) => post.threadId)) }, { groupId: 1 }).lean()).map((thread) => [
      thread._id.toString(),
      thread,
    ]),
  );
  const readable: mongoose.Types.ObjectId[] = [];
  for (const post of posts) {
    const thread = threads.get(post.threadId.toString());
    if (thread && (await mayReadThread(author, { groupId: thread.groupId ?? null }))) readable.push(post._id);
  }
  return readable;
}
