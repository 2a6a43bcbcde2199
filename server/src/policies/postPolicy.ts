import type mongoose from "mongoose";
import { allow, can, refuse } from "./policy.js";
import { ARCHIVED_GROUP_MESSAGE, inArchivedGroup, isSilenced, isStaff, moderatesGroup } from "./actor.js";
import type { ThreadSubject } from "./threadPolicy.js";

/**
 * A post with what its rules need: who wrote it and the group of its thread. The rules say who
 * may act; the state of the post (deleted, first in its thread) is checked by the routes, which
 * answer 409, and combined with these rules by the presenter's `can`.
 */
export interface PostSubject {
  authorId: mongoose.Types.ObjectId;
  /** The thread's group; null for network-wide threads. */
  groupId: mongoose.Types.ObjectId | null;
  deletedAt?: Date | null;
  hiddenAt?: Date | null;
}

/** Only admins: a purge erases the post for good (moderators hide instead). */
const isAdmin = (actor: { role: string }): boolean => actor.role === "admin";

const readsThread = (actor: Parameters<typeof can>[0], post: PostSubject): boolean =>
  can<ThreadSubject>(actor, "read", "Thread", { groupId: post.groupId });

const isAuthor = (actor: { id: string }, post: PostSubject): boolean => post.authorId.toString() === actor.id;

allow<PostSubject>("Post", ["read"], (actor, post) => readsThread(actor, post));

/** Authors change their own posts; moderators and admins anyone's (the editor is recorded). */
allow<PostSubject>("Post", ["edit", "delete"], (actor, post) => {
  if (!actor || !readsThread(actor, post)) return false;
  if (!isAuthor(actor, post) && !isStaff(actor)) return false;
  return inArchivedGroup(actor, post.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

/** Whoever may read the thread reacts, but not to their own post, nor while silenced. */
allow<PostSubject>("Post", ["react"], (actor, post) => {
  if (!actor) return false;
  if (isAuthor(actor, post)) return refuse("Nie można reagować na własny wpis.");
  if (inArchivedGroup(actor, post.groupId) && readsThread(actor, post)) return refuse(ARCHIVED_GROUP_MESSAGE);
  return !isSilenced(actor) && readsThread(actor, post);
});

/** The history of a deleted or hidden post holds what was removed: moderators and admins see it. */
allow<PostSubject>("Post", ["readRevisions"], (actor, post) => {
  if (!actor || !readsThread(actor, post)) return false;
  if (isStaff(actor)) return true;
  // A hidden post's history holds the hidden text: its author still sees it.
  if (post.hiddenAt) return !post.deletedAt && isAuthor(actor, post);
  return !post.deletedAt;
});

/** Moderators hide and restore posts in any thread they read (every thread); facilitators in their group's. */
allow<PostSubject>("Post", ["hide", "restore"], (actor, post) => {
  if (!actor || !readsThread(actor, post) || !moderatesGroup(actor, post.groupId)) return false;
  return inArchivedGroup(actor, post.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

/** Moderators decide which posts the group's record needs: those outlive their author's account erasure. */
allow<PostSubject>("Post", ["keepForRecord"], (actor, post) => {
  if (!actor || !readsThread(actor, post) || post.deletedAt || !isStaff(actor)) return false;
  return inArchivedGroup(actor, post.groupId) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});

allow<PostSubject>("Post", ["purge"], (actor, post) => {
  if (!actor || !readsThread(actor, post)) return false;
  return isAdmin(actor);
});

/** The text of a hidden post: its author (to see why) and moderators (to review it). */
allow<PostSubject>("Post", ["readHidden"], (actor, post) => {
  if (!actor || !readsThread(actor, post)) return false;
  return isAuthor(actor, post) || isStaff(actor);
});

/** Whoever reads a post may report it, except their own. */
allow<PostSubject>("Post", ["flag"], (actor, post) => {
  if (!actor) return false;
  if (isAuthor(actor, post)) return refuse("Nie można zgłosić własnego wpisu.");
  if (inArchivedGroup(actor, post.groupId) && readsThread(actor, post)) return refuse(ARCHIVED_GROUP_MESSAGE);
  return !isSilenced(actor) && readsThread(actor, post);
});

/** A post waiting for approval: its author and moderators see it; moderators decide on it. */
export interface PendingPostSubject {
  authorId: mongoose.Types.ObjectId;
  /** The group of the thread or category it waits for (null: the network). */
  groupId?: mongoose.Types.ObjectId | null;
}
allow<PendingPostSubject | null>("PendingPost", ["read"], (actor, pending) => {
  if (!actor || !pending) return false;
  return isStaff(actor) || isAuthor(actor, pending as PostSubject);
});
/** Moderators decide on waiting posts everywhere, a group's facilitators on those of their group. */
allow<PendingPostSubject>("PendingPost", ["approve", "reject"], (actor, pending) => {
  if (!actor || !moderatesGroup(actor, pending.groupId ?? null)) return false;
  return inArchivedGroup(actor, pending.groupId ?? null) ? refuse(ARCHIVED_GROUP_MESSAGE) : true;
});
allow<null>("PendingPost", ["list"], (actor) => actor !== null && isStaff(actor));

/** How far a person is into the forum: NEW_MEMBER_APPROVAL_POSTS (the threshold) and their published posts. */
export interface ApprovalSubject {
  publishedPosts: number;
  threshold: number;
}
/** A member's first posts wait for a moderator until `threshold` are published; staff and experts never wait. */
allow<ApprovalSubject>("Post", ["publishWithoutApproval"], (actor, subject) => {
  if (!actor) return false;
  if (actor.role !== "member" || subject.threshold <= 0) return true;
  return subject.publishedPosts >= subject.threshold;
});
