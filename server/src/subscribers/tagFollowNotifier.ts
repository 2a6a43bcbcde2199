import type mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { anyOf } from "../db/anyOf.js";
import { Analysis } from "../models/Analysis.js";
import type { EventDocument } from "../models/Event.js";
import { Notification } from "../models/Notification.js";
import { Practice } from "../models/Practice.js";
import { Tag } from "../models/Tag.js";
import { TagFollow } from "../models/TagFollow.js";
import { Thread } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { can, loadActor } from "../policies/index.js";
import { eventBus } from "../infra/eventBus.js";
import type { NotificationDelivery } from "./notifier.js";
import { restrictedAmong } from "../domain/processingRestriction.js";
import { readersAmong } from "../queries/threadReaders.js";

/** What got a tag: a new thread, or a practice or analysis just published. */
type Tagged =
  | {
      kind: "thread";
      id: mongoose.Types.ObjectId;
      tags: string[];
      authorId: mongoose.Types.ObjectId;
      groupId: mongoose.Types.ObjectId | null;
    }
  | {
      kind: "practice" | "analysis";
      id: mongoose.Types.ObjectId;
      tags: string[];
      authorId: mongoose.Types.ObjectId;
      status: string;
      isPublic: boolean;
    };

async function taggedBy(event: EventDocument): Promise<Tagged | null> {
  switch (event.name) {
    case "threads.create": {
      const thread = await Thread.findById(event.subjectId, { tags: 1, authorId: 1, groupId: 1 }).lean();
      return thread
        ? {
            kind: "thread",
            id: thread._id,
            tags: thread.tags,
            authorId: thread.authorId,
            groupId: thread.groupId ?? null,
          }
        : null;
    }
    case "practices.publish": {
      const practice = await Practice.findById(event.subjectId, {
        tags: 1,
        authorId: 1,
        status: 1,
        isPublic: 1,
      }).lean();
      return practice ? { kind: "practice", id: practice._id, ...pick(practice) } : null;
    }
    case "analyses.publish": {
      const analysis = await Analysis.findById(event.subjectId, {
        tags: 1,
        authorId: 1,
        status: 1,
        isPublic: 1,
      }).lean();
      return analysis ? { kind: "analysis", id: analysis._id, ...pick(analysis) } : null;
    }
    default:
      return null;
  }
}

const pick = (document: { tags: string[]; authorId: mongoose.Types.ObjectId; status: string; isPublic: boolean }) => ({
  tags: document.tags,
  authorId: document.authorId,
  status: document.status,
  isPublic: document.isPublic,
});

/** Of the followers, those who may read what was tagged (the policies decide, person by person). */
async function readersOf(tagged: Tagged, userIds: mongoose.Types.ObjectId[]): Promise<Set<string>> {
  if (tagged.kind === "thread") return readersAmong(userIds, { groupId: tagged.groupId });
  const users = await User.find({ _id: anyOf(userIds) }).lean();
  const readers = new Set<string>();
  for (const user of users) {
    const actor = await loadActor(user as UserDocument & { _id: mongoose.Types.ObjectId });
    if (can(actor, "read", tagged.kind === "practice" ? "Practice" : "Analysis", tagged)) readers.add(actor.id);
  }
  return readers;
}

/**
 * Tells the followers of a tag about a new thread with it, or a practice or analysis published with it: one
 * notification per person (naming the first of their followed tags), never to the author or whoever acted,
 * and only to people who may read it.
 */
export function startTagFollowNotifier(options: { logger: Logger; deliver: NotificationDelivery }): () => void {
  return eventBus.subscribe((event) => {
    if (!HANDLED.has(event.name)) return;
    notifyFollowers(event, options.deliver).catch((error: unknown) =>
      options.logger.error({ err: error, event: event.name }, "tag follow notifications failed"),
    );
  });
}

const HANDLED = new Set(["threads.create", "practices.publish", "analyses.publish"]);

async function notifyFollowers(event: EventDocument, deliver: NotificationDelivery): Promise<void> {
  const tagged = await taggedBy(event);
  if (!tagged || tagged.tags.length === 0) return;
  const follows = await TagFollow.find({ tagSlug: anyOf(tagged.tags) }, { userId: 1, tagSlug: 1 }).lean();
  const firstTag = new Map<string, { userId: mongoose.Types.ObjectId; slug: string }>();
  const skipped = new Set([tagged.authorId.toString(), event.actorId?.toString()]);
  // In the document's own tag order, so the notification names its first tag the person follows.
  for (const slug of tagged.tags) {
    for (const follow of follows) {
      const key = follow.userId.toString();
      if (follow.tagSlug === slug && !skipped.has(key) && !firstTag.has(key))
        firstTag.set(key, { userId: follow.userId, slug });
    }
  }
  if (firstTag.size === 0) return;
  const readers = await readersOf(
    tagged,
    [...firstTag.values()].map((entry) => entry.userId),
  );
  const names = new Map(
    (await Tag.find({ slug: anyOf(tagged.tags) }, { slug: 1, name: 1 }).lean()).map((tag) => [tag.slug, tag.name]),
  );
  const restricted = await restrictedAmong([...firstTag.keys()]);
  for (const [userId, { slug }] of firstTag) {
    if (!readers.has(userId) || restricted.has(userId)) continue;
    const created = await Notification.create({
      recipientId: userId,
      kind: "followed_tag",
      actorId: event.actorId,
      ...(tagged.kind === "thread" ? { threadId: tagged.id } : { documentKind: tagged.kind, documentId: tagged.id }),
      message: names.get(slug) ?? slug,
    });
    deliver(created.toObject());
  }
}
