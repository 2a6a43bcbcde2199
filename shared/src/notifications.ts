import type { MailSubscription, NotificationDocumentKind, NotificationKind, WatchLevel } from "./constants.js";

/** One in-app notification as its recipient sees it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Who caused it (null for the system). */
  actor: { id: string; name: string } | null;
  /** What it is about and where it links: a thread (and `postId`), a good practice or a thematic analysis. */
  target: { kind: "thread" | NotificationDocumentKind; id: string; title: string };
  /** The post to open; null for notifications about the thread as a whole. */
  postId: string | null;
  /** How many times it happened while unread (repeated reactions collapse into one). */
  count: number;
  /** For reactions: which one (the latest). */
  reaction: string | null;
  /** Moderation: the reason, the outcome of a flag or a moderator's message, as written. */
  message: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  notifications: NotificationView[];
  unreadCount: number;
  /** Pass as `before` for the next page; null at the end. */
  nextCursor: string | null;
}

/** A person who may be mentioned in a thread (only those who may read it). */
export interface MentionCandidate {
  id: string;
  name: string;
  username: string;
  jstName: string | null;
}

/** The viewer's own watch level of a thread or category; null = the default (not set). */
export interface WatchState {
  level: WatchLevel | null;
}

/** GET /api/unsubscribe/:token — what one click on the page will stop. */
export interface UnsubscribeView {
  kind: MailSubscription;
  /** Already off: the page says so instead of offering the button. */
  alreadyOff: boolean;
}

/** GET /api/people/:username — the card a mention links to. */
export interface PersonView {
  id: string;
  name: string;
  username: string;
  jstName: string | null;
  position: string | null;
}
