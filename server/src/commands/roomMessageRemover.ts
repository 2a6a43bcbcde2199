import type mongoose from "mongoose";
import { conflict, notFound } from "../errors/AppError.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { changeRoomState, type RoomStateActor } from "./support/roomStateChange.js";

/**
 * A moderator takes a chat message down: its text is gone for everyone, its number stays (so
 * nobody's resync skips or repeats). A pinned message is unpinned with it.
 */
export async function roomMessageRemover(
  props: RoomStateActor & { messageId: mongoose.Types.ObjectId },
): Promise<MeetingDocument> {
  if (props.meeting.status !== "live") throw conflict("Pokój spotkania nie jest otwarty.");
  const message = await RoomMessage.findOneAndUpdate(
    { _id: props.messageId, meetingId: props.meeting._id },
    { $set: { removedAt: new Date(), removedById: props.actorId } },
    { returnDocument: "after" },
  ).lean();
  if (!message) throw notFound("Nie znaleziono wiadomości.");
  const wasPinned = props.meeting.room?.pinnedMessageId?.toString() === message._id.toString();
  return changeRoomState({
    ...props,
    name: "meetings.removeMessage",
    update: wasPinned ? { $set: { "room.pinnedMessageId": null } } : null,
    data: {
      messageId: message._id.toString(),
      seq: message.seq,
      authorId: message.authorId.toString(),
      unpinned: wasPinned,
    },
  });
}
