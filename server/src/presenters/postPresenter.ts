import type { AuthorSummary, PostView, ThreadSummary } from "@forum/shared";
import type { PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";

const unknownAuthor = (id: string): AuthorSummary => ({ id, name: "Nieznany autor", jstName: null });

export const presentPost = (post: PostDocument, authors: Map<string, AuthorSummary>): PostView => ({
  id: post._id.toString(),
  author: authors.get(post.authorId.toString()) ?? unknownAuthor(post.authorId.toString()),
  html: post.html,
  createdAt: post.createdAt.toISOString(),
});

export const presentThreadSummary = (thread: ThreadDocument, authors: Map<string, AuthorSummary>): ThreadSummary => ({
  id: thread._id.toString(),
  title: thread.title,
  author: authors.get(thread.authorId.toString()) ?? unknownAuthor(thread.authorId.toString()),
  postCount: thread.postCount,
  createdAt: thread.createdAt.toISOString(),
  lastPostAt: thread.lastPostAt.toISOString(),
});
