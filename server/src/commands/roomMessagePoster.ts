import type mongoose from "mongoose";
import type { Role } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { RoomMessage, type RoomMessageDocument } from "../models/RoomMessage.js";
import { findSentRoomMessage } from "../queries/sentRoomMessages.js";
import type { RequestContext } from "../requestContext.js";
import { recordEvent } from "./recordEvent.js";

export interface RoomMessagePosterProps {
  meeting: MeetingDocument;
  authorId: mongoose.Types.ObjectId;
  authorRole: Role;
  clientId: string;
  text: string;
  /** Who sent it and from where: the socket event's context (realtime/socketContext.ts). */
  context?: RequestContext;
}

/**
 * Stores a chat line exactly once: the room's counter gives it the next number (one order across
 * processes), and the unique (meeting, author, clientId) index turns a racing re-send into the
 * stored message. Answers `created: false` when the message was there already.
 */
export async function roomMessagePoster(
  props: RoomMessagePosterProps,
): Promise<{ message: RoomMessageDocument; created: boolean }> {
  const meetingId = props.meeting._id;
  const sent = await findSentRoomMessage(meetingId, props.authorId, props.clientId);
  if (sent) return { message: sent, created: false };

  const counted = await Meeting.findOneAndUpdate(
    { _id: meetingId, status: "live", "room.dayClosedAt": null },
    { $inc: { "room.lastSeq": 1 } },
    { returnDocument: "after" },
  ).lean();
  if (!counted) throw conflict("Pokój spotkania jest zamknięty.");
  let message: RoomMessageDocument;
  try {
    const created = await RoomMessage.create({
      meetingId,
      seq: counted.room?.lastSeq ?? 1,
      day: counted.room?.day ?? 1,
      authorId: props.authorId,
      clientId: props.clientId,
      text: props.text,
    });
    message = created.toObject() as RoomMessageDocument;
  } catch (error) {
    // The same message arrived twice at once (a re-send over a new connection): the first one wins.
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await findSentRoomMessage(meetingId, props.authorId, props.clientId);
    if (!winner) throw error;
    return { message: winner, created: false };
  }
  await recordEvent({
    name: "roomMessages.create",
    actorId: props.authorId,
    actorRole: props.authorRole,
    subjectType: "RoomMessage",
    subjectId: message._id,
    groupId: props.meeting.groupId,
    data: { meetingId: meetingId.toString(), seq: message.seq },
    context: props.context,
  });
  return { message, created: true };
}
