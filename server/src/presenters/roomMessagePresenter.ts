import type mongoose from "mongoose";
import type { RoomMessageView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { RoomMessage, type RoomMessageDocument } from "../models/RoomMessage.js";
import { User } from "../models/User.js";

/** A chat line as everyone sees it: a removed one keeps its number and loses its text. */
export function presentRoomMessage(message: RoomMessageDocument, authorName: string): RoomMessageView {
  const removed = Boolean(message.removedAt);
  return {
    id: message._id.toString(),
    meetingId: message.meetingId.toString(),
    seq: message.seq,
    clientId: message.clientId,
    author: { id: message.authorId.toString(), name: authorName },
    text: removed ? "" : message.text,
    removed,
    createdAt: (message as { createdAt?: Date }).createdAt?.toISOString() ?? new Date().toISOString(),
  };
}

/** Several chat lines with their authors' names, in the order given. */
export async function presentRoomMessages(messages: RoomMessageDocument[]): Promise<RoomMessageView[]> {
  const authorIds = [...new Set(messages.map((message) => message.authorId.toString()))];
  const authors = authorIds.length ? await User.find({ _id: anyOf(authorIds) }, { name: 1 }).lean() : [];
  const names = new Map(authors.map((author) => [author._id.toString(), author.name]));
  return messages.map((message) => presentRoomMessage(message, names.get(message.authorId.toString()) ?? ""));
}

/** One chat line by id, presented (null when it does not exist in that meeting). */
export async function presentRoomMessageById(
  meetingId: mongoose.Types.ObjectId,
  messageId: mongoose.Types.ObjectId | null,
): Promise<RoomMessageView | null> {
  if (!messageId) return null;
  const message = await RoomMessage.findOne({ _id: messageId, meetingId }).lean();
  if (!message) return null;
  const [view] = await presentRoomMessages([message]);
  return view ?? null;
}
