import { io, type Socket } from "socket.io-client";
import type { PostView } from "@forum/shared/api";
import type { NotificationView } from "@forum/shared/notifications";
import type {
  ApprovalDecision,
  ClientToServerEvents,
  GroupsChanged,
  ServerToClientEvents,
  SocketAck,
  ThreadActivity,
  ThreadMoved,
  ThreadTypingPayload,
  ThreadUpdate,
} from "@forum/shared/realtime";
import { currentUser } from "./session";

/**
 * Live updates over Socket.IO: one connection per tab, shared by every page that wants them,
 * opened when the first one does and closed shortly after the last one stops. The server is on
 * the same origin and reads the same session cookie, so there is nothing to configure or send.
 */

export type ForumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ThreadHandlers {
  /** A post was stored in the thread (by anyone, this user included: dedupe by id). */
  onPost: (post: PostView) => void;
  /**
   * A post was edited, deleted or reacted to. The pushed post is as everyone sees it: its
   * `can` and reactions' `mine` are not this viewer's, keep the ones already shown.
   */
  onUpdate?: (post: PostView) => void;
  /** An admin erased a post for good: drop it from the page. */
  onRemove?: (postId: string) => void;
  /**
   * The server has just let the socket into the thread's room: on opening the page, and again
   * after every reconnect. Posts written before that moment were not pushed (they may have landed
   * between loading the page and joining, or while the connection was down and the server could
   * not replay them): fetch the posts after the last one shown.
   */
  onJoined?: () => void;
  /** A moderator changed the thread (title, tags, pin, lock, closing, slow mode). */
  onThreadUpdate?: (update: ThreadUpdate) => void;
}

export interface ActivityHandlers {
  /** A post was written in a group (or network-wide category) this user reads. */
  onActivity: (activity: ThreadActivity) => void;
  /** The connection came back without the missed activity replayed: counts may be stale. */
  onGap?: () => void;
}

interface Follower extends ThreadHandlers {
  threadId: string;
  /** The server has let this follower's socket into the thread's room at least once. */
  joined: boolean;
}

/** Long enough to go from one thread to the next without dropping the connection in between. */
const IDLE_DISCONNECT_MS = 2_000;
const JOIN_TIMEOUT_MS = 10_000;

let socket: ForumSocket | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const followers = new Set<Follower>();
const connectListeners = new Set<() => void>();
const typingListeners = new Set<{ threadId: string; onTyping: (user: ThreadTypingPayload["user"]) => void }>();

/** The signed-in person's own notifications, pushed to their user room (the bell). */
export interface NotificationHandlers {
  onCreated: (payload: { notification: NotificationView; unreadCount: number }) => void;
  onRead: (payload: { unreadCount: number }) => void;
  /** The connection came back: what arrived meanwhile was not pushed, ask again. */
  onReconnect: () => void;
}
const notificationListeners = new Set<NotificationHandlers>();
const activityFollowers = new Set<ActivityHandlers>();

/** The approval queue (moderators), decisions on one's own waiting posts, and one's own silence. */
export interface PeopleModerationHandlers {
  onQueueChanged?: (total: number) => void;
  onDecided?: (decision: ApprovalDecision) => void;
  onSilenceChanged?: (silence: { reason: string; until: string | null } | null) => void;
}
const peopleFollowers = new Set<PeopleModerationHandlers>();
/** Moderators' review queue: the number of pending flags, pushed when flags come or are resolved. */
const queueListeners = new Set<(pending: number) => void>();
const threadUpdateListeners = new Set<(update: ThreadUpdate) => void>();
/** Modules that listen on the connection themselves (the live room). */
const directUsers = new Set<object>();
/** Some page still wants live updates: keep the connection. */
const inUse = () =>
  directUsers.size > 0 ||
  followers.size > 0 ||
  notificationListeners.size > 0 ||
  activityFollowers.size > 0 ||
  queueListeners.size > 0 ||
  peopleFollowers.size > 0 ||
  groupFollowers.size > 0 ||
  threadUpdateListeners.size > 0;
/** A connection has been open before: the next "connect" is a reconnect. */
let connectedBefore = false;

function join(target: ForumSocket, follower: Follower): void {
  target
    .timeout(JOIN_TIMEOUT_MS)
    .emit("thread.join", { threadId: follower.threadId }, (timedOut: Error | null, reply: SocketAck) => {
      if (!followers.has(follower)) return;
      if (timedOut || !reply.ok) {
        // The page works without live updates (a reload shows new posts); nothing to show the user.
        console.warn(`Live updates for thread ${follower.threadId} unavailable:`, timedOut?.message ?? reply.error);
        return;
      }
      follower.joined = true;
      follower.onJoined?.();
    });
}

function connection(): ForumSocket {
  if (socket) return socket;
  const created: ForumSocket = io({ transports: ["websocket", "polling"], autoConnect: false });
  // Every connect, the first and each reconnect: rooms belong to a connection, so join again.
  created.on("connect", () => {
    for (const listener of connectListeners) listener();
    // The server puts the socket into its groups' rooms itself; a recovered connection got the
    // missed events replayed, any other reconnect may have missed some.
    if (connectedBefore && !created.recovered) {
      for (const listener of notificationListeners) listener.onReconnect();
      for (const follower of activityFollowers) follower.onGap?.();
    }
    connectedBefore = true;
    for (const follower of followers) join(created, follower);
  });
  created.on("thread.activity", (activity) => {
    for (const follower of activityFollowers) follower.onActivity(activity);
  });
  created.on("post.created", ({ threadId, post }) => {
    for (const follower of followers) {
      if (follower.threadId === threadId) follower.onPost(post);
    }
  });
  created.on("post.updated", ({ threadId, post }) => {
    for (const follower of followers) {
      if (follower.threadId === threadId) follower.onUpdate?.(post);
    }
  });
  created.on("post.removed", ({ threadId, postId }) => {
    for (const follower of followers) {
      if (follower.threadId === threadId) follower.onRemove?.(postId);
    }
  });
  created.on("moderation.queue", ({ pending }) => {
    for (const listener of queueListeners) listener(pending);
  });
  created.on("thread.updated", (update) => {
    for (const follower of followers) {
      if (follower.threadId === update.threadId) follower.onThreadUpdate?.(update);
    }
    for (const listener of threadUpdateListeners) listener(update);
  });
  created.on("thread.moved", (payload) => restructureOf(payload.threadId, (handlers) => handlers.onMoved(payload)));
  created.on("thread.merged", (payload) => restructureOf(payload.threadId, (handlers) => handlers.onMerged(payload)));
  created.on("thread.postsMoved", (payload) =>
    restructureOf(payload.threadId, (handlers) => handlers.onPostsMoved(payload)),
  );
  // A moderator moved threads between spaces: counts and lists are stale, as after a gap.
  created.on("threads.restructured", () => {
    for (const follower of activityFollowers) follower.onGap?.();
  });
  created.on("thread.typing", ({ threadId, user }) => {
    for (const listener of typingListeners) {
      if (listener.threadId === threadId) listener.onTyping(user);
    }
  });
  created.on("notification.created", (payload) => {
    for (const listener of notificationListeners) listener.onCreated(payload);
  });
  created.on("approval.changed", ({ total }) => {
    for (const follower of peopleFollowers) follower.onQueueChanged?.(total);
  });
  created.on("approval.decided", (decision) => {
    for (const follower of peopleFollowers) follower.onDecided?.(decision);
  });
  created.on("silence.changed", ({ silence }) => {
    for (const follower of peopleFollowers) follower.onSilenceChanged?.(silence);
  });
  created.on("groups.changed", (change) => {
    for (const follower of groupFollowers) follower.onGroupsChanged?.(change);
  });
  created.on("group.archived", (payload) => {
    for (const follower of groupFollowers) follower.onArchived?.(payload);
  });
  created.on("notification.read", (payload) => {
    for (const listener of notificationListeners) listener.onRead(payload);
  });
  socket = created;
  return created;
}

/** Calls `listener` each time the live connection is (re)established: the server is reachable again. */
export function onConnected(listener: () => void): () => void {
  connectListeners.add(listener);
  return () => connectListeners.delete(listener);
}

/**
 * "Someone is writing a reply here": the others in the thread's room are told (the server checks
 * that this person may reply). Callers send it at most every few seconds while typing.
 */
export function sendTyping(threadId: string): void {
  if (socket?.connected) socket.emit("thread.typing", { threadId });
}

/** Calls `onTyping` whenever someone else is writing in the thread (while the page follows it). */
export function onThreadTyping(threadId: string, onTyping: (user: ThreadTypingPayload["user"]) => void): () => void {
  const listener = { threadId, onTyping };
  typingListeners.add(listener);
  return () => typingListeners.delete(listener);
}

/**
 * Receives the thread's new posts until the returned function is called (on leaving the page
 * or opening another thread).
 */
export function followThread(threadId: string, handlers: ThreadHandlers): () => void {
  clearTimeout(idleTimer);
  const follower: Follower = { ...handlers, threadId, joined: false };
  followers.add(follower);
  const live = connection();
  if (live.connected) join(live, follower);
  else if (!live.active) live.connect();

  return () => {
    if (!followers.delete(follower)) return;
    const stillFollowed = [...followers].some((other) => other.threadId === threadId);
    if (!stillFollowed && live.connected) live.emit("thread.leave", { threadId });
    closeWhenIdle(live);
  };
}

/** Receives the signed-in person's notifications until the returned function is called. */
export function followNotifications(handlers: NotificationHandlers): () => void {
  clearTimeout(idleTimer);
  notificationListeners.add(handlers);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return () => {
    if (notificationListeners.delete(handlers)) closeWhenIdle(live);
  };
}

/** Receives activity in the user's groups (for unread counts) until the returned function is called. */
export function followActivity(handlers: ActivityHandlers): () => void {
  clearTimeout(idleTimer);
  const follower = { ...handlers };
  activityFollowers.add(follower);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return () => {
    if (activityFollowers.delete(follower)) closeWhenIdle(live);
  };
}

/** The person's own groups (added, removed, moved, another role) and their groups being archived or restored. */
export interface GroupChangeHandlers {
  onGroupsChanged?: (change: GroupsChanged) => void;
  onArchived?: (payload: { groupId: string; slug: string; archived: boolean }) => void;
}
const groupFollowers = new Set<GroupChangeHandlers>();

/** Receives changes to the person's groups until the returned function is called. */
export function followGroupChanges(handlers: GroupChangeHandlers): () => void {
  clearTimeout(idleTimer);
  const follower = { ...handlers };
  groupFollowers.add(follower);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return () => {
    if (groupFollowers.delete(follower)) closeWhenIdle(live);
  };
}

/** A moderator's review queue hears of new and resolved flags until the returned function is called. */
export function followModerationQueue(listener: (pending: number) => void): () => void {
  clearTimeout(idleTimer);
  queueListeners.add(listener);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return () => {
    if (queueListeners.delete(listener)) closeWhenIdle(live);
  };
}

/** Receives approval-queue changes, decisions on own waiting posts and own silence until the returned function is called. */
export function followPeopleModeration(handlers: PeopleModerationHandlers): () => void {
  clearTimeout(idleTimer);
  const follower = { ...handlers };
  peopleFollowers.add(follower);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return () => {
    if (peopleFollowers.delete(follower)) closeWhenIdle(live);
  };
}

/**
 * Moderators' changes to threads the user may read (pins, locks, titles): lists re-sort and relabel.
 * Pushed to the user's group rooms, which the server joins on connecting.
 */
export function followThreadUpdates(onUpdate: (update: ThreadUpdate) => void): () => void {
  clearTimeout(idleTimer);
  const listener = (update: ThreadUpdate) => onUpdate(update);
  threadUpdateListeners.add(listener);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return () => {
    if (threadUpdateListeners.delete(listener)) closeWhenIdle(live);
  };
}

/**
 * The shared connection itself, for modules with their own protocol (the live room adds its
 * listeners and emits with acks). It stays open until `release` is called; listeners added
 * must be removed by the caller before releasing.
 */
export function useLiveSocket(): { socket: ForumSocket; release: () => void } {
  clearTimeout(idleTimer);
  const user = {};
  directUsers.add(user);
  const live = connection();
  if (!live.connected && !live.active) live.connect();
  return {
    socket: live,
    release: () => {
      if (directUsers.delete(user)) closeWhenIdle(live);
    },
  };
}

function closeWhenIdle(live: ForumSocket): void {
  if (inUse()) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (!inUse()) {
      live.disconnect();
      connectedBefore = false;
    }
  }, IDLE_DISCONNECT_MS);
}

// Signing in or out changes who the server thinks the socket belongs to, and it decides that
// once per connection: start a fresh one (the "connect" handler joins the rooms again).
let knownUserId: string | null | undefined;
currentUser.subscribe((user) => {
  const userId = user?.id ?? null;
  const changed = knownUserId !== undefined && userId !== knownUserId;
  knownUserId = userId;
  if (!changed || !socket) return;
  socket.disconnect();
  connectedBefore = false;
  if (inUse()) socket.connect();
});

/** A moderator moved, merged or split the open thread (the page follows the thread already). */
export interface RestructureHandlers {
  onMoved: (moved: ThreadMoved) => void;
  onMerged: (merged: { targetThreadId: string | null }) => void;
  onPostsMoved: (moved: { direction: "in" | "out"; postIds: string[] }) => void;
}

const restructureListeners = new Set<{ threadId: string; handlers: RestructureHandlers }>();

function restructureOf(threadId: string, call: (handlers: RestructureHandlers) => void): void {
  for (const listener of restructureListeners) if (listener.threadId === threadId) call(listener.handlers);
}

/** Hears moderators restructuring a thread the page follows (followThread), until the returned function is called. */
export function followThreadRestructure(threadId: string, handlers: RestructureHandlers): () => void {
  const listener = { threadId, handlers };
  restructureListeners.add(listener);
  return () => restructureListeners.delete(listener);
}
