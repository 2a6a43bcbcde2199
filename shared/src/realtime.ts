import type { PostView, TagView, ThreadStateView } from "./api.js";
import type {
  RoomMessageView,
  RoomMinutesView,
  RoomParticipant,
  RoomPollView,
  RoomQuestionView,
  RoomSnapshot,
  RoomStateView,
} from "./meetings.js";
import type { NotificationView } from "./notifications.js";
import type { MeetingStatus } from "./constants.js";

/** Answer to a socket request that needs one (room joins). */
export interface SocketAck {
  ok: boolean;
  error?: string;
  /** The same request may succeed when sent again later (the database was away for a moment). */
  retryable?: boolean;
}

/** Events the browser sends; every one is authorized on the server by the policies. */
export interface ClientToServerEvents {
  "thread.join": (payload: { threadId: string }, ack: (reply: SocketAck) => void) => void;
  "thread.leave": (payload: { threadId: string }) => void;
  /** "I am writing a reply here": sent at most every few seconds while typing; the ack is optional. */
  "thread.typing": (payload: { threadId: string }, ack?: (reply: SocketAck) => void) => void;
  /** Enter a live room; `afterSeq` is the last chat number this client has (null: send the recent backlog). */
  "room.join": (payload: { meetingId: string; afterSeq: number | null }, ack: (reply: RoomJoinAck) => void) => void;
  "room.leave": (payload: { meetingId: string }) => void;
  /** A chat line; re-sent with the same clientId until acknowledged, stored once. */
  "room.message": (payload: RoomMessageInput, ack: (reply: RoomMessageAck) => void) => void;
  "room.hand": (payload: { meetingId: string; raised: boolean }, ack?: (reply: SocketAck) => void) => void;
}

export interface RoomMessageInput {
  meetingId: string;
  clientId: string;
  text: string;
}

export interface RoomJoinAck extends SocketAck {
  snapshot?: RoomSnapshot;
  /** Refused because the room is not live: whether it is still to come or already over (and its archive). */
  meetingStatus?: MeetingStatus;
  archiveThreadId?: string | null;
}

export interface RoomMessageAck extends SocketAck {
  message?: RoomMessageView;
  /** Slow mode: seconds to wait before the next message. */
  retryAfterSeconds?: number;
}

/** Someone (never the receiver) is writing a reply in the thread. */
export interface ThreadTypingPayload {
  threadId: string;
  user: { id: string; name: string };
}

/** Events the server pushes to rooms the socket was allowed to join. */
export interface ServerToClientEvents {
  "post.created": (payload: { threadId: string; post: PostView }) => void;
  /** An edit, a deletion or a change of reactions: the post as everyone sees it (`can` and `mine` are false; refetch for the viewer's own). */
  "post.updated": (payload: { threadId: string; post: PostView }) => void;
  "thread.typing": (payload: ThreadTypingPayload) => void;
  /** To the recipient's own room only: a new (or collapsed, updated) notification and the unread count. */
  "notification.created": (payload: { notification: NotificationView; unreadCount: number }) => void;
  /** To the person's own room: notifications were marked read (in this or another tab). */
  "notification.read": (payload: { unreadCount: number }) => void;
  /** A post was written somewhere the socket may read (its group's room, or the network room). */
  "thread.activity": (payload: ThreadActivity) => void;
  /** An admin erased the post for good (its number stays a gap). */
  "post.removed": (payload: { threadId: string; postId: string }) => void;
  /** To moderators' own rooms: flags were added or resolved; `pending` is the number of pending flags. */
  "moderation.queue": (payload: { pending: number }) => void;
  /** To moderators: the approval queue changed (an item arrived or was decided); how many wait now. */
  "approval.changed": (payload: { total: number }) => void;
  /** To the author: a moderator decided on their waiting post (an approved one also arrives as post.created). */
  "approval.decided": (payload: ApprovalDecision) => void;
  /** To the person: they were silenced or unsilenced (null), so the composer changes at once. */
  "silence.changed": (payload: { silence: { reason: string; until: string | null } | null }) => void;
  /** A moderator changed a thread (pin, lock, closing, slow mode, title, tags): to its room and its group's room. */
  "thread.updated": (payload: ThreadUpdate) => void;
  /** A moderator moved the open thread to another category (readable: false when the viewer lost access). */
  "thread.moved": (payload: ThreadMoved) => void;
  /** A moderator merged the open thread into another (targetThreadId null when the viewer may not read it). */
  "thread.merged": (payload: { threadId: string; targetThreadId: string | null }) => void;
  /** Posts left the open thread ("out") or came into it ("in"), so its numbering changed. */
  "thread.postsMoved": (payload: { threadId: string; direction: "in" | "out"; postIds: string[] }) => void;
  /** To the rooms of the spaces a move, merge or split touched: their thread lists and counts changed. */
  "threads.restructured": (payload: { threadId: string }) => void;
  /** Live room (to the room `meeting_<id>`): a new chat line. */
  "room.message": (payload: RoomMessageView) => void;
  /** A moderator removed a chat line (its number stays, its text goes). */
  "room.messageRemoved": (payload: { meetingId: string; messageId: string; seq: number }) => void;
  /** Who is in the room now (the whole list, sent at most about once a second). */
  "room.presence": (payload: { meetingId: string; participants: RoomParticipant[] }) => void;
  /** The room's shared state changed (agenda item, slow mode, pin, mutes, note-taker, status). */
  "room.state": (payload: RoomStateView) => void;
  /** A question was asked, voted, answered or hidden (hidden ones reach moderators only). */
  "room.question": (payload: { meetingId: string; question: RoomQuestionView }) => void;
  /** A hidden question leaves the lists of those who may not see it. */
  "room.questionRemoved": (payload: { meetingId: string; questionId: string }) => void;
  /** A poll was created, opened, voted in or closed (results as the receivers may see them). */
  "room.poll": (payload: { meetingId: string; poll: RoomPollView }) => void;
  /** The minutes were saved (live editing by the moderator or the note-taker). */
  "room.minutes": (payload: { meetingId: string; minutes: RoomMinutesView }) => void;
  /** The moderator ended the room; it was archived into this thread. */
  "room.closed": (payload: { meetingId: string; archiveThreadId: string | null }) => void;
  /** To the person: they were added to a group, removed from one, moved or given another role there. */
  "groups.changed": (payload: GroupsChanged) => void;
  /** To the group's room: the group was archived (read-only) or restored from the archive. */
  "group.archived": (payload: { groupId: string; slug: string; archived: boolean }) => void;
}

/** What changed in the person's own groups (the client reloads its list; a page of a lost group says so). */
export interface GroupsChanged {
  joined: { slug: string; name: string } | null;
  left: { slug: string; name: string } | null;
}

export interface ApprovalDecision {
  pendingId: string;
  status: "approved" | "rejected";
  /** The thread the post is in now (new threads get one at approval); null when rejected. */
  threadId: string | null;
  /** The moderator's message to the author, for a rejection. */
  message: string | null;
}

/** A thread's new title, tags and moderation state, as everyone who may read it sees them. */
export interface ThreadUpdate {
  threadId: string;
  categoryId: string;
  /** null for network-wide categories. */
  groupId: string | null;
  title: string;
  tags: TagView[];
  state: ThreadStateView;
}

export interface ThreadMoved {
  threadId: string;
  readable: boolean;
  /** Where it is now; only for those who still read it. */
  category?: { id: string; name: string };
  group?: { slug: string; name: string };
}

/** Enough to update unread counts without asking the server: no content, only where and how far. */
export interface ThreadActivity {
  threadId: string;
  title: string;
  categoryId: string;
  /** null for network-wide categories. */
  groupId: string | null;
  lastPostNumber: number;
  lastPostAt: string;
  authorId: string;
}
