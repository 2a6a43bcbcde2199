import type mongoose from "mongoose";
import type { RoomPollView } from "@forum/shared";
import type { Actor } from "../policies/index.js";

/** The room's polls as this person may see them (results only when allowed), oldest first. */
export async function presentRoomPolls(
  meetingId: mongoose.Types.ObjectId,
  actor: Actor | null,
): Promise<RoomPollView[]> {
  // Built by the polls module; the snapshot already asks for it.
  void meetingId;
  void actor;
  return [];
}
