import type { PendingPostView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Category } from "../models/Category.js";
import type { PendingPostDocument } from "../models/PendingPost.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";
import { loadAuthors } from "../queries/authorDirectory.js";

/** Waiting posts with their context (thread, category, author and JST), in one query per kind of thing. */
export async function presentPendingPosts(items: PendingPostDocument[]): Promise<PendingPostView[]> {
  if (items.length === 0) return [];
  const threadIds = items.flatMap((item) => (item.threadId ? [item.threadId] : []));
  const [threads, categories, users, authors] = await Promise.all([
    threadIds.length ? Thread.find({ _id: anyOf(threadIds) }, { title: 1 }).lean() : [],
    Category.find({ _id: anyOf(items.map((item) => item.categoryId)) }, { name: 1 }).lean(),
    User.find({ _id: anyOf(items.map((item) => item.authorId)) }, { username: 1 }).lean(),
    loadAuthors(items.map((item) => item.authorId)),
  ]);
  const titles = new Map(threads.map((thread) => [thread._id.toString(), thread.title]));
  const categoryNames = new Map(categories.map((category) => [category._id.toString(), category.name]));
  const usernames = new Map(users.map((user) => [user._id.toString(), user.username]));
  return items.map((item) => {
    const authorId = item.authorId.toString();
    const author = authors.get(authorId);
    const threadId = item.kind === "reply" ? (item.threadId?.toString() ?? null) : null;
    const categoryId = item.categoryId.toString();
    return {
      id: item._id.toString(),
      kind: item.kind as PendingPostView["kind"],
      thread: threadId ? { id: threadId, title: titles.get(threadId) ?? "" } : null,
      title: item.title ?? null,
      category: categoryNames.has(categoryId) ? { id: categoryId, name: categoryNames.get(categoryId) ?? "" } : null,
      author: {
        id: authorId,
        name: author?.name ?? "",
        username: usernames.get(authorId) ?? "",
        jstName: author?.jstName ?? null,
      },
      html: item.html,
      body: item.body,
      createdAt: item.createdAt.toISOString(),
      status: item.status === "rejected" ? "rejected" : "pending",
      rejectionMessage: item.rejectionMessage ?? null,
    };
  });
}

/** One waiting post (the answer to a post or thread that went to the approval queue). */
export async function presentPendingPost(item: PendingPostDocument): Promise<PendingPostView> {
  const [view] = await presentPendingPosts([item]);
  if (!view) throw new Error(`pending post ${item._id.toString()} could not be presented`);
  return view;
}
