import { Router, type Request } from "express";
import type mongoose from "mongoose";
import {
  approvalRejectSchema,
  USERNAME_PATTERN,
  userNoteSchema,
  userSilenceSchema,
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
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Category } from "../models/Category.js";
import { Event, type EventDocument } from "../models/Event.js";
import { PendingPost, type PendingPostDocument } from "../models/PendingPost.js";
import { Thread } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { UserNote } from "../models/UserNote.js";
import { anyOf } from "../db/anyOf.js";
import { authorize, can } from "../policies/index.js";
import { presentPendingPosts } from "../presenters/pendingPostPresenter.js";
import { activeSilence } from "../domain/silenceStatus.js";
import { effectiveStatus } from "../domain/userStatus.js";

const QUEUE_PAGE = 100;
const HISTORY_LIMIT = 100;

/** Events about a person themselves that belong in their moderation history. */
const PERSON_EVENTS = ["users.suspend", "users.unsuspend", "users.silence", "users.unsilence", "users.changeRole"];

/** The person named by the username in the path, for a moderator (404 for anyone else, as for an unknown name). */
async function moderatedPerson(req: Request, action: string): Promise<UserDocument> {
  if (!req.actor || !req.user) throw unauthorized();
  const username = String(req.params.username).toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw notFound();
  const user = await User.findOne({ username }).lean();
  if (!user) throw notFound("Nie ma takiego użytkownika.");
  authorize(req.actor, "moderate", "User", user);
  if (action !== "moderate") authorize(req.actor, action, "User", user);
  return user;
}

async function pendingItem(req: Request, action: string): Promise<PendingPostDocument> {
  if (!req.actor || !req.user) throw unauthorized();
  const pending = await PendingPost.findById(parseObjectId(req.params.id)).lean();
  if (!pending) throw notFound();
  authorize(req.actor, action, "PendingPost", pending);
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

async function presentPersonModeration(req: Request, user: UserDocument): Promise<PersonModerationView> {
  const [notes, history] = await Promise.all([
    UserNote.find({ userId: user._id }).sort({ createdAt: -1 }).limit(200).lean(),
    loadHistory(user._id),
  ]);
  const authors = notes.length
    ? await User.find({ _id: anyOf(notes.map((note) => note.authorId)) }, { name: 1 }).lean()
    : [];
  const authorNames = new Map(authors.map((author) => [author._id.toString(), author.name]));
  const suspended = effectiveStatus(user) === "suspended";
  return {
    userId: user._id.toString(),
    role: user.role,
    suspension: suspended ? restriction(user.suspension) : null,
    silence: restriction(activeSilence(user)),
    canSuspend: can(req.actor ?? null, "suspend", "User", user),
    canSilence: can(req.actor ?? null, "silence", "User", user),
    notes: notes.map((note) => ({
      id: note._id.toString(),
      body: note.body,
      author: { id: note.authorId.toString(), name: authorNames.get(note.authorId.toString()) ?? "" },
      createdAt: note.createdAt.toISOString(),
      mine: note.authorId.toString() === req.actor?.id,
    })),
    history,
  };
}

/** New members' approval queue, silences, notes and moderation history of people. */
export function peopleModerationRoutes(): Router {
  const router = Router();

  router.get("/moderation/approvals", async (req, res) => {
    if (!req.actor) throw unauthorized();
    authorize(req.actor, "list", "PendingPost", null);
    const [items, total] = await Promise.all([
      PendingPost.find({ status: "pending" }).sort({ createdAt: 1 }).limit(QUEUE_PAGE).lean(),
      PendingPost.countDocuments({ status: "pending" }),
    ]);
    const body: ApprovalQueue = { items: await presentPendingPosts(items), total };
    res.json(body);
  });

  router.post("/moderation/approvals/:id/approve", async (req, res) => {
    const pending = await pendingItem(req, "approve");
    const post = await pendingPostApprover({ pending, moderatorId: req.user!._id, context: req.context });
    res.json({ postId: post._id.toString(), threadId: post.threadId.toString(), number: post.number });
  });

  router.post("/moderation/approvals/:id/reject", async (req, res) => {
    const pending = await pendingItem(req, "reject");
    const { message } = parseInput(approvalRejectSchema, req.body);
    await pendingPostRejecter({ pending, moderatorId: req.user!._id, message, context: req.context });
    res.status(204).end();
  });

  /** The viewer's own waiting (and turned down) posts in a thread; moderators see everyone's waiting ones. */
  router.get("/threads/:id/pending", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const thread = await Thread.findById(parseObjectId(req.params.id), { groupId: 1 }).lean();
    if (!thread) throw notFound();
    authorize(req.actor, "read", "Thread", thread);
    const staff = can(req.actor, "list", "PendingPost", null);
    const items = await PendingPost.find(
      staff
        ? { threadId: thread._id, status: anyOf(["pending", "rejected"]) }
        : { threadId: thread._id, status: anyOf(["pending", "rejected"]), authorId: req.user._id },
    )
      .sort({ createdAt: 1 })
      .limit(QUEUE_PAGE)
      .lean();
    // Moderators do not need others' rejected posts in the thread; authors keep seeing why theirs was turned down.
    const visible = items.filter((item) => item.status === "pending" || item.authorId.equals(req.user!._id));
    const body: { items: PendingPostView[] } = { items: await presentPendingPosts(visible) };
    res.json(body);
  });

  /** New threads waiting in a category: the viewer's own (also turned down ones, with why); moderators see all waiting. */
  router.get("/categories/:id/pending", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const category = await Category.findById(parseObjectId(req.params.id), { groupId: 1, kind: 1 }).lean();
    if (!category) throw notFound();
    authorize(req.actor, "read", "Category", category);
    const staff = can(req.actor, "list", "PendingPost", null);
    const items = await PendingPost.find(
      staff
        ? { categoryId: category._id, kind: "thread", status: anyOf(["pending", "rejected"]) }
        : { categoryId: category._id, kind: "thread", status: anyOf(["pending", "rejected"]), authorId: req.user._id },
    )
      .sort({ createdAt: 1 })
      .limit(QUEUE_PAGE)
      .lean();
    const visible = items.filter((item) => item.status === "pending" || item.authorId.equals(req.user!._id));
    const body: { items: PendingPostView[] } = { items: await presentPendingPosts(visible) };
    res.json(body);
  });

  router.get("/people/:username/moderation", async (req, res) => {
    const user = await moderatedPerson(req, "moderate");
    res.json({ moderation: await presentPersonModeration(req, user) });
  });

  router.put("/people/:username/silence", async (req, res) => {
    const user = await moderatedPerson(req, "silence");
    const input = parseInput(userSilenceSchema, req.body);
    const updated = await userSilencer({
      user,
      reason: input.reason,
      until: input.until ? new Date(input.until) : null,
      actorId: req.user!._id,
      context: req.context,
    });
    res.json({ moderation: await presentPersonModeration(req, updated) });
  });

  router.delete("/people/:username/silence", async (req, res) => {
    const user = await moderatedPerson(req, "silence");
    const updated = await userUnsilencer({ user, actorId: req.user!._id, context: req.context });
    res.json({ moderation: await presentPersonModeration(req, updated) });
  });

  router.post("/people/:username/notes", async (req, res) => {
    const user = await moderatedPerson(req, "note");
    const { body } = parseInput(userNoteSchema, req.body);
    await userNoteCreator({ userId: user._id, authorId: req.user!._id, body, context: req.context });
    res.status(201).json({ moderation: await presentPersonModeration(req, user) });
  });

  router.delete("/people/:username/notes/:noteId", async (req, res) => {
    const user = await moderatedPerson(req, "note");
    const note = await UserNote.findOne({ _id: parseObjectId(req.params.noteId), userId: user._id }).lean();
    if (!note) throw notFound("Nie ma takiej notatki.");
    authorize(req.actor, "delete", "UserNote", note);
    await userNoteDeleter({ note, actorId: req.user!._id, context: req.context });
    res.json({ moderation: await presentPersonModeration(req, user) });
  });

  return router;
}
