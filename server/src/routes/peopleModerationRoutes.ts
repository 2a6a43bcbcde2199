import { Router } from "express";
import type mongoose from "mongoose";
import {
  endpoints,
  USERNAME_PATTERN,
  type ApprovalQueue,
  type ModerationHistoryItem,
  type PendingPostView,
  type PersonModerationView,
} from "@forum/shared";
import { pendingPostApprover } from "../commands/pendingPostApprover.js";
import { pendingPostRejecter } from "../commands/pendingPostRejecter.js";
import { userNoteCreator } from "../commands/userNoteCreator.js";
import { userNoteDeleter } from "../commands/userNoteDeleter.js";
import { userSilencer } from "../commands/userSilencer.js";
import { userUnsilencer } from "../commands/userUnsilencer.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import { Event, type EventDocument } from "../models/Event.js";
import { PendingPost, type PendingPostDocument } from "../models/PendingPost.js";
import { Thread } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { UserNote } from "../models/UserNote.js";
import { anyOf } from "../db/anyOf.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { presentPendingPosts } from "../presenters/pendingPostPresenter.js";
import { activeSilence } from "../domain/silenceStatus.js";
import { effectiveStatus } from "../domain/userStatus.js";

const QUEUE_PAGE = 100;
const HISTORY_LIMIT = 100;

/** Events about a person themselves that belong in their moderation history. */
const PERSON_EVENTS = ["users.suspend", "users.unsuspend", "users.silence", "users.unsilence", "users.changeRole"];

/**
 * The person named by the username in the path, for a moderator. Anyone else is answered 404 before
 * the lookup, so an unknown name and a known one look the same to them.
 */
async function moderatedPerson(actor: Actor, usernameParam: string, action: string): Promise<UserDocument> {
  authorize(actor, "list", "User", null);
  const username = usernameParam.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw notFound();
  const user = await User.findOne({ username }).lean();
  if (!user) throw notFound("Nie ma takiego użytkownika.");
  authorize(actor, "moderate", "User", user);
  if (action !== "moderate") authorize(actor, action, "User", user);
  return user;
}

async function pendingItem(actor: Actor, id: mongoose.Types.ObjectId, action: string): Promise<PendingPostDocument> {
  const pending = await PendingPost.findById(id).lean();
  if (!pending) throw notFound();
  authorize(actor, action, "PendingPost", pending);
  return pending;
}

const restriction = (value: { reason?: string | null; until?: Date | null } | null | undefined) =>
  value?.reason ? { reason: value.reason, until: value.until ? value.until.toISOString() : null } : null;

/**
 * A person's moderation history: events about the account itself, and any event whose
 * `data.targetUserId` names them (notes, approvals and rejections, and other moderators' actions
 * on their posts such as hides, which follow the same convention). Two indexed queries, merged.
 */
async function loadHistory(userId: mongoose.Types.ObjectId): Promise<ModerationHistoryItem[]> {
  const [aboutAccount, aboutTheirThings] = await Promise.all([
    Event.find({ subjectId: userId, name: anyOf(PERSON_EVENTS) })
      .sort({ createdAt: -1 })
      .limit(HISTORY_LIMIT)
      .lean(),
    Event.find({ "data.targetUserId": userId.toString() }).sort({ createdAt: -1 }).limit(HISTORY_LIMIT).lean(),
  ]);
  const byId = new Map<string, EventDocument>();
  for (const event of [...aboutAccount, ...aboutTheirThings]) byId.set(event._id.toString(), event);
  // The author's own submissions to the queue are not moderation.
  const events = [...byId.values()]
    .filter((event) => event.name !== "pendingPosts.create")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, HISTORY_LIMIT);
  const actorIds = events.flatMap((event) => (event.actorId ? [event.actorId] : []));
  const actors = actorIds.length ? await User.find({ _id: anyOf(actorIds) }, { name: 1 }).lean() : [];
  const names = new Map(actors.map((actor) => [actor._id.toString(), actor.name]));
  return events.map((event) => {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const after = (data.after ?? {}) as Record<string, unknown>;
    const reason =
      typeof data.reason === "string"
        ? data.reason
        : typeof after.body === "string"
          ? after.body
          : typeof (after.suspension as { reason?: unknown } | undefined)?.reason === "string"
            ? String((after.suspension as { reason: string }).reason)
            : null;
    const actorId = event.actorId?.toString() ?? null;
    return {
      id: event._id.toString(),
      name: event.name,
      actor: actorId ? { id: actorId, name: names.get(actorId) ?? "" } : null,
      createdAt: event.createdAt.toISOString(),
      reason,
      threadId: event.threadId?.toString() ?? null,
    };
  });
}

async function presentPersonModeration(
  actor: Actor,
  user: UserDocument,
): Promise<{ moderation: PersonModerationView }> {
  const [notes, history] = await Promise.all([
    UserNote.find({ userId: user._id }).sort({ createdAt: -1 }).limit(200).lean(),
    loadHistory(user._id),
  ]);
  const authors = notes.length
    ? await User.find({ _id: anyOf(notes.map((note) => note.authorId)) }, { name: 1 }).lean()
    : [];
  const authorNames = new Map(authors.map((author) => [author._id.toString(), author.name]));
  const suspended = effectiveStatus(user) === "suspended";
  const moderation: PersonModerationView = {
    userId: user._id.toString(),
    role: user.role,
    suspension: suspended ? restriction(user.suspension) : null,
    silence: restriction(activeSilence(user)),
    canSuspend: can(actor, "suspend", "User", user),
    canSilence: can(actor, "silence", "User", user),
    notes: notes.map((note) => ({
      id: note._id.toString(),
      body: note.body,
      author: { id: note.authorId.toString(), name: authorNames.get(note.authorId.toString()) ?? "" },
      createdAt: note.createdAt.toISOString(),
      mine: note.authorId.toString() === actor.id,
    })),
    history,
  };
  return { moderation };
}

/** New members' approval queue, silences, notes and moderation history of people. */
export function peopleModerationRoutes(): Router {
  const router = Router();

  route(router, endpoints.moderation.approvals, async ({ actor }): Promise<ApprovalQueue> => {
    authorize(actor, "list", "PendingPost", null);
    const [items, total] = await Promise.all([
      PendingPost.find({ status: "pending" }).sort({ createdAt: 1 }).limit(QUEUE_PAGE).lean(),
      PendingPost.countDocuments({ status: "pending" }),
    ]);
    return { items: await presentPendingPosts(items), total };
  });

  route(router, endpoints.moderation.approve, async ({ actor, user, params, context }) => {
    const pending = await pendingItem(actor, params.id, "approve");
    const post = await pendingPostApprover({ pending, moderatorId: user._id, context });
    return { postId: post._id.toString(), threadId: post.threadId.toString(), number: post.number };
  });

  route(router, endpoints.moderation.reject, async ({ actor, user, params, body, context }) => {
    const pending = await pendingItem(actor, params.id, "reject");
    const { message } = body();
    await pendingPostRejecter({ pending, moderatorId: user._id, message, context });
  });

  /** The viewer's own waiting (and turned down) posts in a thread; moderators see everyone's waiting ones. */
  route(router, endpoints.moderation.threadPending, async ({ actor, user, params }) => {
    const thread = await Thread.findById(params.id, { groupId: 1 }).lean();
    if (!thread) throw notFound();
    authorize(actor, "read", "Thread", thread);
    const staff = can(actor, "list", "PendingPost", null);
    const items = await PendingPost.find(
      staff
        ? { threadId: thread._id, status: anyOf(["pending", "rejected"]) }
        : { threadId: thread._id, status: anyOf(["pending", "rejected"]), authorId: user._id },
    )
      .sort({ createdAt: 1 })
      .limit(QUEUE_PAGE)
      .lean();
    // Moderators do not need others' rejected posts in the thread; authors keep seeing why theirs was turned down.
    const visible = items.filter((item) => item.status === "pending" || item.authorId.equals(user._id));
    const body: { items: PendingPostView[] } = { items: await presentPendingPosts(visible) };
    return body;
  });

  /** New threads waiting in a category: the viewer's own (also turned down ones, with why); moderators see all waiting. */
  route(router, endpoints.moderation.categoryPending, async ({ actor, user, params }) => {
    const category = await Category.findById(params.id, { groupId: 1, kind: 1 }).lean();
    if (!category) throw notFound();
    authorize(actor, "read", "Category", category);
    const staff = can(actor, "list", "PendingPost", null);
    const items = await PendingPost.find(
      staff
        ? { categoryId: category._id, kind: "thread", status: anyOf(["pending", "rejected"]) }
        : { categoryId: category._id, kind: "thread", status: anyOf(["pending", "rejected"]), authorId: user._id },
    )
      .sort({ createdAt: 1 })
      .limit(QUEUE_PAGE)
      .lean();
    const visible = items.filter((item) => item.status === "pending" || item.authorId.equals(user._id));
    const body: { items: PendingPostView[] } = { items: await presentPendingPosts(visible) };
    return body;
  });

  route(router, endpoints.moderation.person, async ({ actor, params }) =>
    presentPersonModeration(actor, await moderatedPerson(actor, params.username, "moderate")),
  );

  route(router, endpoints.moderation.silence, async ({ actor, user: signedIn, params, body, context }) => {
    const user = await moderatedPerson(actor, params.username, "silence");
    const input = body();
    const updated = await userSilencer({
      user,
      reason: input.reason,
      until: input.until ? new Date(input.until) : null,
      actorId: signedIn._id,
      context,
    });
    return presentPersonModeration(actor, updated);
  });

  route(router, endpoints.moderation.unsilence, async ({ actor, user: signedIn, params, context }) => {
    const user = await moderatedPerson(actor, params.username, "silence");
    const updated = await userUnsilencer({ user, actorId: signedIn._id, context });
    return presentPersonModeration(actor, updated);
  });

  route(router, endpoints.moderation.addNote, async ({ actor, user: signedIn, params, body, context }) => {
    const user = await moderatedPerson(actor, params.username, "note");
    const { body: text } = body();
    await userNoteCreator({ userId: user._id, authorId: signedIn._id, body: text, context });
    return presentPersonModeration(actor, user);
  });

  route(router, endpoints.moderation.deleteNote, async ({ actor, user: signedIn, params, context }) => {
    const user = await moderatedPerson(actor, params.username, "note");
    const note = await UserNote.findOne({ _id: params.noteId, userId: user._id }).lean();
    if (!note) throw notFound("Nie ma takiej notatki.");
    authorize(actor, "delete", "UserNote", note);
    await userNoteDeleter({ note, actorId: signedIn._id, context });
    return presentPersonModeration(actor, user);
  });

  return router;
}
