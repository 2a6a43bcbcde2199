import {
  REACTIONS,
  type AuthorSummary,
  type PostRevisionView,
  type PostView,
  type TagView,
  type ThreadSummary,
} from "@forum/shared";
import { tagsOf } from "../queries/tagDirectory.js";
import type { PostDocument } from "../models/Post.js";
import type { PostRevisionDocument } from "../models/PostRevision.js";
import type { ThreadDocument } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import type { PostSubject } from "../policies/postPolicy.js";

const unknownAuthor = (id: string): AuthorSummary => ({ id, name: "Nieznany autor", jstName: null });

/** Who looks at the post: their abilities and their own reactions are part of what they see. */
export interface PostViewer {
  actor: Actor | null;
  /** The viewer's reactions as `postId:kind` (see queries/reactionDirectory.ts). */
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
  const subject: PostSubject = {
    authorId: post.authorId,
    groupId: thread.groupId ?? null,
    deletedAt: post.deletedAt,
    hiddenAt: post.hiddenAt,
  };
  const allowed = (action: string): boolean => viewer.actor !== null && can(viewer.actor, action, "Post", subject);
  const hidden = Boolean(post.hiddenAt);
  // Everyone else gets a placeholder: neither the text nor the reason leaves the server.
  const revealed = !hidden || allowed("readHidden");
  const authorId = post.authorId.toString();
  const editorId = post.editedById?.toString() ?? null;
  const moderatorEditor = editorId && editorId !== authorId ? authors.get(editorId) : undefined;
  return {
    id,
    number: post.number,
    author: authors.get(authorId) ?? unknownAuthor(authorId),
    html: deleted || !revealed ? "" : post.html,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt ? post.editedAt.toISOString() : null,
    deletedAt: post.deletedAt ? post.deletedAt.toISOString() : null,
    hidden: hidden ? { reason: revealed ? (post.hiddenReason ?? "") : null, auto: Boolean(post.hiddenAuto) } : null,
    editedByModerator: moderatorEditor ? { id: moderatorEditor.id, name: moderatorEditor.name } : null,
    reactions: REACTIONS.map((kind) => ({
      kind,
      count: Math.max(0, post.reactionCounts?.[kind] ?? 0),
      mine: viewer.myReactions.has(`${id}:${kind}`),
    })),
    can: {
      edit: !deleted && revealed && allowed("edit"),
      // The first post stands for the thread: removing it is moderation of the thread.
      delete: !deleted && post.number !== 1 && allowed("delete"),
      react: !deleted && !hidden && allowed("react"),
      flag: !deleted && !hidden && allowed("flag"),
      hide: !deleted && (!hidden || Boolean(post.hiddenAuto)) && allowed("hide"),
      restore: hidden && allowed("restore"),
      purge: post.number !== 1 && allowed("purge"),
      // Only when true: the field is optional, and older clients and tests compare `can` as a whole.
      ...(allowed("keepForRecord") ? { keepForRecord: true } : {}),
    },
    ...(post.keptForRecord ? { keptForRecord: true } : {}),
  };
}

/** Who else than the author a presented post names: the moderator of its last edit. */
export const peopleOfPost = (post: Pick<PostDocument, "authorId" | "editedById">) =>
  post.editedById ? [post.authorId, post.editedById] : [post.authorId];

export const presentPostRevision = (
  revision: PostRevisionDocument,
  authors: Map<string, AuthorSummary>,
  postAuthorId: string,
): PostRevisionView => {
  const editor = authors.get(revision.editorId.toString()) ?? unknownAuthor(revision.editorId.toString());
  return {
    version: revision.version,
    body: revision.body,
    editedAt: revision.createdAt.toISOString(),
    editor: { id: editor.id, name: editor.name },
    byModerator: editor.id !== postAuthorId,
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
