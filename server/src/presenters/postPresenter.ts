import {
  REACTIONS,
  type AuthorSummary,
  type PostRevisionView,
  type PostView,
  type TagView,
  type ThreadSummary,
} from "@forum/shared";
import { tagsOf } from "../services/tagDirectory.js";
import type { PostDocument } from "../models/Post.js";
import type { PostRevisionDocument } from "../models/PostRevision.js";
import type { ThreadDocument } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import type { PostSubject } from "../policies/postPolicy.js";

const unknownAuthor = (id: string): AuthorSummary => ({ id, name: "Nieznany autor", jstName: null });

/** Who looks at the post: their abilities and their own reactions are part of what they see. */
export interface PostViewer {
  actor: Actor | null;
  /** The viewer's reactions as `postId:kind` (see services/reactionDirectory.ts). */
  myReactions: ReadonlySet<string>;
}

/** What a live push carries: the post as anyone sees it, with no abilities and no "mine". */
export const EVERYONE: PostViewer = { actor: null, myReactions: new Set() };

export function presentPost(
  post: PostDocument,
  thread: Pick<ThreadDocument, "groupId">,
  authors: Map<string, AuthorSummary>,
  viewer: PostViewer,
): PostView {
  const id = post._id.toString();
  const deleted = Boolean(post.deletedAt);
  const subject: PostSubject = { authorId: post.authorId, groupId: thread.groupId ?? null, deletedAt: post.deletedAt };
  const allowed = (action: string): boolean => viewer.actor !== null && can(viewer.actor, action, "Post", subject);
  return {
    id,
    number: post.number,
    author: authors.get(post.authorId.toString()) ?? unknownAuthor(post.authorId.toString()),
    html: deleted ? "" : post.html,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt ? post.editedAt.toISOString() : null,
    deletedAt: post.deletedAt ? post.deletedAt.toISOString() : null,
    reactions: REACTIONS.map((kind) => ({
      kind,
      count: Math.max(0, post.reactionCounts?.[kind] ?? 0),
      mine: viewer.myReactions.has(`${id}:${kind}`),
    })),
    can: {
      edit: !deleted && allowed("edit"),
      // The first post stands for the thread: removing it is moderation of the thread.
      delete: !deleted && post.number !== 1 && allowed("delete"),
      react: !deleted && allowed("react"),
    },
  };
}

export const presentPostRevision = (
  revision: PostRevisionDocument,
  authors: Map<string, AuthorSummary>,
): PostRevisionView => {
  const editor = authors.get(revision.editorId.toString()) ?? unknownAuthor(revision.editorId.toString());
  return {
    version: revision.version,
    body: revision.body,
    editedAt: revision.createdAt.toISOString(),
    editor: { id: editor.id, name: editor.name },
  };
};

export const presentThreadSummary = (
  thread: ThreadDocument,
  authors: Map<string, AuthorSummary>,
  tags: Map<string, TagView>,
  lastReadNumber = 0,
): ThreadSummary => ({
  id: thread._id.toString(),
  title: thread.title,
  tags: tagsOf(thread.tags, tags),
  author: authors.get(thread.authorId.toString()) ?? unknownAuthor(thread.authorId.toString()),
  postCount: thread.postCount,
  createdAt: thread.createdAt.toISOString(),
  lastPostAt: thread.lastPostAt.toISOString(),
  lastPostNumber: thread.lastPostNumber,
  lastReadNumber,
});
