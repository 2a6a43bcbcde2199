import type { RoomMessageView, RoomParticipant, RoomSnapshot, RoomStateView } from "@forum/shared/meetings";
import type { RoomJoinAck, RoomMessageAck, SocketAck } from "@forum/shared/realtime";
import { draftStore } from "./draftStore";
import { useLiveSocket } from "./realtime";

/** A message the server has not acknowledged yet: kept (also across reloads) and re-sent with the same clientId. */
export interface OutboxItem {
  clientId: string;
  text: string;
  /** The server refused it for good (muted, silenced, closed): shown with the reason until discarded. */
  error: string | null;
  /** Slow mode: not before this moment (ms since epoch). */
  notBefore: number | null;
}

const ACK_TIMEOUT_MS = 10_000;

interface RoomOfUser {
  meetingId: string;
  userId: string;
}

/** Kept across reloads like every draft: what was typed, and what was sent but not yet acknowledged. */
const storedJson = <Value>(key: (room: RoomOfUser) => string, isEmpty: (value: Value) => boolean) =>
  draftStore<RoomOfUser, Value>({
    key,
    decode: (stored) => JSON.parse(stored) as Value,
    encode: (value) => JSON.stringify(value),
    isEmpty,
  });
const outboxes = storedJson<OutboxItem[]>(
  (room) => `forum.room.outbox.${room.meetingId}.${room.userId}`,
  (items) => items.length === 0,
);
const chatDrafts = storedJson<string>(
  (room) => `forum.room.draft.${room.meetingId}.${room.userId}`,
  (text) => !text,
);

/** A fresh, unguessable id for one chat message. */
const newClientId = () => crypto.randomUUID();

export interface LiveRoomEvents {
  /** Someone's presence changed: who came, who left, whose hand went up (for a summarised announcement). */
  onPresenceChange?: (change: { joined: RoomParticipant[]; left: RoomParticipant[]; hands: RoomParticipant[] }) => void;
  onStateChange?: (before: RoomStateView, after: RoomStateView) => void;
  onClosed?: () => void;
}

/**
 * One live room in the browser: joins on every (re)connect asking only for the chat lines after
 * the last one it has, merges them by number (so nothing is shown twice or out of order), and keeps
 * an outbox of messages not yet acknowledged, re-sent with their clientId until the server has them.
 */
export class LiveRoom {
  /** The latest snapshot (a new object after every join: the panels reset from it). */
  snapshot = $state<RoomSnapshot | null>(null);
  /** The chat in the room's order. */
  messages = $state<RoomMessageView[]>([]);
  state = $state<RoomStateView | null>(null);
  participants = $state<RoomParticipant[]>([]);
  outbox = $state<OutboxItem[]>([]);
  connected = $state(false);
  /** Why the room could not be entered (not open, no access); empty when in. */
  joinError = $state("");
  joining = $state(false);
  /** Refused only because a moderator has not opened the room yet. */
  notOpenYet = $state(false);
  closed = $state<{ archiveThreadId: string | null } | null>(null);
  handRaised = $state(false);
  handError = $state("");

  /** The index behind `messages` (which is the reactive state): never read by markup. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #bySeq = new Map<number, RoomMessageView>();
  #lastSeq: number | null = null;
  #flushing = false;
  /** This connection has been let into the room (rooms belong to a connection: false again after a drop). */
  #joined = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #stop: (() => void) | null = null;
  #live: ReturnType<typeof useLiveSocket> | null = null;

  constructor(
    readonly meetingId: string,
    readonly userId: string,
    readonly events: LiveRoomEvents = {},
  ) {
    this.outbox = outboxes.load({ meetingId, userId }) ?? [];
  }

  /** What was being typed (kept while typing, so a reload or a crash loses nothing). */
  get draft(): string {
    return chatDrafts.load(this) ?? "";
  }
  set draft(text: string) {
    chatDrafts.save(this, text);
  }

  start(): void {
    const live = useLiveSocket();
    this.#live = live;
    const { socket } = live;
    const onConnect = () => {
      this.connected = true;
      this.#join();
    };
    const onDisconnect = () => {
      this.connected = false;
      this.#joined = false;
    };
    const onMessage = (message: RoomMessageView) => {
      if (message.meetingId === this.meetingId) this.#merge([message]);
    };
    const onRemoved = ({ meetingId, seq }: { meetingId: string; messageId: string; seq: number }) => {
      if (meetingId !== this.meetingId) return;
      const known = this.#bySeq.get(seq);
      if (known) this.#merge([{ ...known, text: "", removed: true }], true);
    };
    const onPresence = ({ meetingId, participants }: { meetingId: string; participants: RoomParticipant[] }) => {
      if (meetingId === this.meetingId) this.#setParticipants(participants);
    };
    const onState = (state: RoomStateView) => {
      if (state.meetingId !== this.meetingId) return;
      const before = this.state;
      this.state = state;
      if (before) this.events.onStateChange?.(before, state);
      // Unmuted (or slow mode changed): refused messages may go now.
      void this.#flush();
    };
    const onClosed = ({ meetingId, archiveThreadId }: { meetingId: string; archiveThreadId: string | null }) => {
      if (meetingId !== this.meetingId) return;
      this.closed = { archiveThreadId };
      this.events.onClosed?.();
    };
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("room.message", onMessage);
    socket.on("room.messageRemoved", onRemoved);
    socket.on("room.presence", onPresence);
    socket.on("room.state", onState);
    socket.on("room.closed", onClosed);
    if (socket.connected) onConnect();
    this.#stop = () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("room.message", onMessage);
      socket.off("room.messageRemoved", onRemoved);
      socket.off("room.presence", onPresence);
      socket.off("room.state", onState);
      socket.off("room.closed", onClosed);
      if (socket.connected) socket.emit("room.leave", { meetingId: this.meetingId });
      clearTimeout(this.#retryTimer);
      live.release();
    };
  }

  stop(): void {
    this.#stop?.();
    this.#stop = null;
    this.#live = null;
  }

  /** Puts a message in the outbox (shown at once as "sending…") and sends it when the connection allows. */
  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.#setOutbox([...this.outbox, { clientId: newClientId(), text: trimmed, error: null, notBefore: null }]);
    void this.#flush();
  }

  /** Drops a message the server refused (the person decided not to send it). */
  discard(clientId: string): void {
    this.#setOutbox(this.outbox.filter((item) => item.clientId !== clientId));
  }

  /** Tries a refused message again (e.g. after being unmuted). */
  retry(clientId: string): void {
    this.#setOutbox(this.outbox.map((item) => (item.clientId === clientId ? { ...item, error: null } : item)));
    void this.#flush();
  }

  async setHand(raised: boolean): Promise<boolean> {
    const socket = this.#live?.socket;
    if (!socket?.connected) return false;
    const reply = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("room.hand", { meetingId: this.meetingId, raised })
      .catch((): SocketAck => ({ ok: false, error: "" }));
    this.handError = reply.ok ? "" : (reply.error ?? "");
    if (reply.ok) this.handRaised = raised;
    return reply.ok;
  }

  #join(afterSeq = this.#lastSeq): void {
    const socket = this.#live?.socket;
    if (!socket) return;
    this.joining = true;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit("room.join", { meetingId: this.meetingId, afterSeq }, (timedOut: Error | null, reply: RoomJoinAck) => {
        if (!this.#live) return;
        this.joining = false;
        if (timedOut) {
          // The server is busy or restarting: the next connect joins again; meanwhile try once more.
          if (socket.connected) this.#join();
          return;
        }
        if (!reply.ok || !reply.snapshot) {
          this.joinError = reply.error ?? "";
          this.notOpenYet = reply.meetingStatus === "planned";
          if (reply.meetingStatus === "closed") this.closed = { archiveThreadId: reply.archiveThreadId ?? null };
          return;
        }
        const snapshot = reply.snapshot;
        this.joinError = "";
        this.notOpenYet = false;
        this.#joined = true;
        this.#merge(snapshot.messages);
        this.state = snapshot.state;
        this.#setParticipants(snapshot.participants);
        this.snapshot = snapshot;
        if (snapshot.meeting.status === "closed") this.closed = { archiveThreadId: snapshot.meeting.archiveThreadId };
        // A long absence: fetch the rest before anything else.
        if (snapshot.hasMoreMessages) return this.#join();
        // A raised hand belonged to the old connection: raise it again on this one.
        if (this.handRaised) void this.setHand(true);
        void this.#flush();
      });
  }

  #merge(incoming: RoomMessageView[], replace = false): void {
    let changed = false;
    for (const message of incoming) {
      const known = this.#bySeq.get(message.seq);
      // A removal is final: a late push of the original text must not bring it back.
      if (known && !replace && (known.removed || !message.removed)) continue;
      this.#bySeq.set(message.seq, message);
      if (this.#lastSeq === null || message.seq > this.#lastSeq) this.#lastSeq = message.seq;
      changed = true;
    }
    if (!changed) return;
    this.messages = [...this.#bySeq.values()].sort((a, b) => a.seq - b.seq);
    // Our own message arrived (pushed or in a snapshot): it is stored, the outbox can let go of it.
    const stored = incoming.filter((message) => message.author.id === this.userId).map((m) => m.clientId);
    if (stored.length && this.outbox.some((item) => stored.includes(item.clientId)))
      this.#setOutbox(this.outbox.filter((item) => !stored.includes(item.clientId)));
  }

  #setParticipants(participants: RoomParticipant[]): void {
    const before: Record<string, RoomParticipant> = Object.fromEntries(
      this.participants.map((person) => [person.userId, person]),
    );
    const present = participants.map((person) => person.userId);
    const joined = participants.filter((person) => !before[person.userId]);
    const left = this.participants.filter((person) => !present.includes(person.userId));
    const hands = participants.filter((person) => person.handRaised && before[person.userId]?.handRaised === false);
    this.participants = participants;
    if (joined.length || left.length || hands.length) this.events.onPresenceChange?.({ joined, left, hands });
  }

  #setOutbox(items: OutboxItem[]): void {
    this.outbox = items;
    outboxes.save(this, items);
  }

  /** Sends the outbox in order, one at a time, so the room stores them in the order they were written. */
  async #flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      for (;;) {
        const socket = this.#live?.socket;
        if (!socket?.connected || !this.#joined) return;
        const next = this.outbox.find((item) => !item.error);
        if (!next) return;
        if (next.notBefore && next.notBefore > Date.now()) {
          clearTimeout(this.#retryTimer);
          this.#retryTimer = setTimeout(() => void this.#flush(), next.notBefore - Date.now());
          return;
        }
        const reply = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck("room.message", { meetingId: this.meetingId, clientId: next.clientId, text: next.text })
          .catch((): RoomMessageAck | null => null);
        // No answer: the connection dropped or the server restarts. Once connected and joined again,
        // the same clientId goes again (the server keeps one copy); until then the next join flushes.
        if (!reply) {
          if (this.#live?.socket.connected && this.#joined) continue;
          return;
        }
        if (reply.ok && reply.message) {
          this.#merge([reply.message]);
          this.#setOutbox(this.outbox.filter((item) => item.clientId !== next.clientId));
        } else if (reply.retryAfterSeconds) {
          const notBefore = Date.now() + reply.retryAfterSeconds * 1000;
          this.#setOutbox(this.outbox.map((item) => (item.clientId === next.clientId ? { ...item, notBefore } : item)));
        } else {
          const error = reply.error ?? "";
          this.#setOutbox(this.outbox.map((item) => (item.clientId === next.clientId ? { ...item, error } : item)));
        }
      }
    } finally {
      this.#flushing = false;
    }
  }
}
