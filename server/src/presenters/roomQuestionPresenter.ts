import type mongoose from "mongoose";
import type { RoomQuestionView } from "@forum/shared";
import type { Actor } from "../policies/index.js";

/** The room's questions as this person may see them (hidden ones only for moderators), most votes first. */
export async function presentRoomQuestions(
  meetingId: mongoose.Types.ObjectId,
  actor: Actor | null,
): Promise<RoomQuestionView[]> {
  // Built by the questions module; the snapshot already asks for it.
  void meetingId;
  void actor;
  return [];
}
