import type { RoomParticipant } from "@forum/shared";
import type { Logger } from "../logger.js";
import { Meeting } from "../models/Meeting.js";
import { meetingRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

/** Who a socket in a live room is, kept in socket.data (plain JSON, so other processes can read it). */
export interface RoomProfile {
  userId: string;
  name: string;
  jst: string | null;
  role: RoomParticipant["role"];
  /** Present (true) only for whoever runs the room, as in RoomParticipant. */
  moderatesRoom?: true;
}

/** At most one presence push per room in this long: joins in a burst become one list. */
const PRESENCE_INTERVAL_MS = 1_000;
const ROLE_ORDER: Record<RoomParticipant["role"], number> = { moderator: 0, expert: 1, member: 2 };
const byName = new Intl.Collator("pl");

/** Everyone in the room now (across processes), one entry per person however many tabs they have open. */
export async function roomParticipants(
  io: ForumIo,
  meetingId: string,
  mutedUserIds: readonly string[],
): Promise<RoomParticipant[]> {
  const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
  const people = new Map<string, RoomParticipant>();
  for (const socket of sockets) {
    const profile = socket.data.roomProfile;
    if (!profile) continue;
    const handRaised = socket.data.roomHands?.[meetingId] ?? false;
    const known = people.get(profile.userId);
    if (known) {
      known.handRaised ||= handRaised;
      continue;
    }
    people.set(profile.userId, { ...profile, handRaised, muted: mutedUserIds.includes(profile.userId) });
  }
  return [...people.values()].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || byName.compare(a.name, b.name));
}

const lastPushAt = new Map<string, number>();
const pending = new Map<string, ReturnType<typeof setTimeout>>();

async function pushPresence(io: ForumIo, meetingId: string): Promise<void> {
  const meeting = await Meeting.findById(meetingId, { room: 1 }).lean();
  if (!meeting) return;
  const muted = (meeting.room?.mutedUserIds ?? []).map((id) => id.toString());
  const participants = await roomParticipants(io, meetingId, muted);
  io.to(meetingRoom(meetingId)).emit("room.presence", { meetingId, participants });
}

/** The room's presence list is pushed soon (at most about once a second per room). */
export function schedulePresence(io: ForumIo, meetingId: string, logger: Logger): void {
  if (pending.has(meetingId)) return;
  const wait = Math.max(0, (lastPushAt.get(meetingId) ?? 0) + PRESENCE_INTERVAL_MS - Date.now());
  const timer = setTimeout(() => {
    pending.delete(meetingId);
    lastPushAt.set(meetingId, Date.now());
    pushPresence(io, meetingId).catch((error: unknown) =>
      logger.error({ err: error, meetingId }, "presence push failed"),
    );
  }, wait);
  timer.unref();
  pending.set(meetingId, timer);
}
