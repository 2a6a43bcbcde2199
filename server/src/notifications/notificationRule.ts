import mongoose from "mongoose";
import type { NotificationKind } from "@forum/shared";
import { Post, type PostDocument } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import type { EventHandlers } from "../events/eventHandlers.js";
import type { PublishedEvent } from "../events/forumEvent.js";
import type { AnalysisSubject } from "../policies/analysisPolicy.js";
import type { PracticeSubject } from "../policies/practicePolicy.js";

type Id = mongoose.Types.ObjectId;

export type ThreadFacts = Pick<ThreadDocument, "_id" | "groupId" | "categoryId" | "title">;
export type PostFacts = Pick<PostDocument, "_id" | "authorId" | "number">;

/**
 * What a notification is about, and so what the filter asks the policies whether each person may read: a thread
 * (and one of its posts), a good practice or a thematic analysis.
 */
export type NotificationTopic =
  | { kind: "thread"; thread: ThreadFacts; postId: Id | null }
  | { kind: "practice"; id: Id; document: PracticeSubject }
  | { kind: "analysis"; id: Id; document: AnalysisSubject };

/** One person a rule thinks should hear of the event; `message` when it differs person by person. */
export interface Listener {
  userId: Id;
  message?: string | null;
}

/** A rule's answer for one event: who should hear of it, about what, and what the notification says. */
export interface Audience {
  topic: NotificationTopic;
  listeners: Listener[];
  /** The text the notification carries (a hide reason, a flag's outcome, a status), unless a listener has their own. */
  message?: string | null;
  /** For reactions: which one. */
  reaction?: string | null;
}

/** Looked up at most once per event, whichever rules ask (most post events concern the same post and thread). */
export interface EventFacts {
  thread(): Promise<ThreadFacts | null>;
  post(): Promise<PostFacts | null>;
}

/**
 * One kind of notification: for each event it reacts to, who should hear of it and why. Whether each of them may
 * and wants to hear of it now is decided afterwards, in one place for every kind (recipientFilter.ts), and so is
 * how it reaches them (delivery.ts). Adding a kind of notification is adding one rule to notificationRules.ts.
 */
export interface NotificationRule {
  kind: NotificationKind;
  /** Whether muting the thread (or its category) silences this kind: what moderators did always arrives. */
  mutable: boolean;
  on: EventHandlers<EventFacts, Promise<Audience | null>>;
}

/** The event's thread and its subject post, each looked up once, when a rule first asks (exec: a query runs once). */
export function eventFacts(event: PublishedEvent): EventFacts {
  let thread: Promise<ThreadFacts | null> | undefined;
  let post: Promise<PostFacts | null> | undefined;
  return {
    thread: () =>
      (thread ??= event.threadId
        ? Thread.findById(event.threadId, { groupId: 1, categoryId: 1, title: 1 }).lean().exec()
        : Promise.resolve(null)),
    post: () =>
      (post ??=
        event.subjectType === "Post"
          ? Post.findById(event.subjectId, { authorId: 1, number: 1 }).lean().exec()
          : Promise.resolve(null)),
  };
}

/** Ids as stored in event data (strings), skipping anything that is not one. */
export const objectIds = (values: readonly (string | Id | null | undefined)[]): Id[] =>
  values.flatMap((value) =>
    typeof value === "string"
      ? mongoose.isObjectIdOrHexString(value)
        ? [new mongoose.Types.ObjectId(value)]
        : []
      : value
        ? [value]
        : [],
  );

export const listenersOf = (values: readonly (string | Id | null | undefined)[]): Listener[] =>
  objectIds(values).map((userId) => ({ userId }));
