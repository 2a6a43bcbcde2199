import { randomUUID } from "node:crypto";
import type { RoomJoinAck, RoomMessageAck, RoomMessageView, ServerToClientEvents, SocketAck } from "@forum/shared";
import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { DEMO, signedInAgent } from "./http.js";
import type { ForumClient } from "./sockets.js";

/** A planned meeting of the group (the n-th of those still planned), straight from the test's database. */
export async function plannedMeetingOf(groupSlug: string, index = 0): Promise<string> {
  const group = await Group.findOne({ slug: groupSlug }).lean();
  const meetings = await Meeting.find({ groupId: group?._id, status: "planned" }).sort({ number: 1 }).lean();
  const meeting = meetings[index];
  if (!meeting) throw new Error(`no planned meeting #${index} in ${groupSlug}`);
  return meeting._id.toString();
}

/** Opens the meeting's live room as the demo moderator, through the API. */
export async function openRoom(baseUrl: string, meetingId: string): Promise<void> {
  const moderator = await signedInAgent(baseUrl, DEMO.moderator);
  const response = await moderator.post(`/api/meetings/${meetingId}/room/open`);
  if (response.status !== 200) throw new Error(`open room: ${response.status} ${JSON.stringify(response.body)}`);
}

export const joinRoom = (
  socket: ForumClient,
  meetingId: string,
  afterSeq: number | null = null,
): Promise<RoomJoinAck> => new Promise((resolve) => socket.emit("room.join", { meetingId, afterSeq }, resolve));

export const sendChat = (
  socket: ForumClient,
  meetingId: string,
  text: string,
  clientId: string = randomUUID(),
): Promise<RoomMessageAck> =>
  new Promise((resolve) => socket.emit("room.message", { meetingId, clientId, text }, resolve));

export const raiseHand = (socket: ForumClient, meetingId: string, raised: boolean): Promise<SocketAck> =>
  new Promise((resolve) => socket.emit("room.hand", { meetingId, raised }, resolve));

/** The next push of one event that satisfies `match` (rejects after `ms`). */
export function nextPush<Event extends keyof ServerToClientEvents>(
  socket: ForumClient,
  event: Event,
  match: (payload: Parameters<ServerToClientEvents[Event]>[0]) => boolean = () => true,
  ms = 5_000,
): Promise<Parameters<ServerToClientEvents[Event]>[0]> {
  return new Promise((resolve, reject) => {
    const listener = (payload: Parameters<ServerToClientEvents[Event]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    socket.on(event, listener as never);
  });
}

/** A client's view of the chat: every line it got (pushed or in a snapshot), by seq, each once. */
export class ChatLog {
  readonly bySeq = new Map<number, RoomMessageView>();
  /** How many times a seq arrived in total (pushes and snapshots may overlap; the log keeps one). */
  arrivals = 0;
  add(messages: RoomMessageView[]): void {
    for (const message of messages) {
      this.arrivals += 1;
      this.bySeq.set(message.seq, message);
    }
  }
  get lastSeq(): number | null {
    return this.bySeq.size ? Math.max(...this.bySeq.keys()) : null;
  }
  ordered(): RoomMessageView[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}

/**
 * What the room page does with its connection: on every connect (the first and each reconnect)
 * join with the last chat number it has, and keep every line it gets, pushed or in a snapshot.
 */
export function followRoom(socket: ForumClient, meetingId: string, log: ChatLog): { joins: number } {
  const stats = { joins: 0 };
  const join = () =>
    socket.emit("room.join", { meetingId, afterSeq: log.lastSeq }, (ack: RoomJoinAck) => {
      if (!ack.ok || !ack.snapshot) throw new Error(`join refused: ${ack.error}`);
      stats.joins += 1;
      log.add(ack.snapshot.messages);
    });
  socket.on("connect", join);
  socket.on("room.message", (message) => log.add([message]));
  join();
  return stats;
}

/** Sends until acknowledged, with the same clientId each time (at-least-once from the client, as the outbox does). */
export async function sendUntilStored(
  socket: ForumClient,
  meetingId: string,
  text: string,
  clientId: string,
  attempts = 50,
): Promise<RoomMessageAck> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (!socket.connected) await new Promise((resolve) => socket.once("connect", () => setTimeout(resolve, 200)));
    const ack = await socket
      .timeout(2_000)
      .emitWithAck("room.message", { meetingId, clientId, text })
      .catch(() => null);
    if (ack?.ok) return ack;
    // Not joined yet on this connection (the join is on its way), or the server is going down: again shortly.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${text} was never acknowledged`);
}

/** Waits until `condition` holds (polling), failing after `ms`. */
export async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
