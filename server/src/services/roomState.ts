import type { RoomMessageView, RoomStateView } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { User } from "../models/User.js";
import { presentRoomState } from "../presenters/roomStatePresenter.js";

/** The pinned chat line as everyone sees it (a removed one keeps its number, not its text). */
async function pinnedMessage(meeting: MeetingDocument): Promise<RoomMessageView | null> {
  const id = meeting.room?.pinnedMessageId;
  if (!id) return null;
  const message = await RoomMessage.findOne({ _id: id, meetingId: meeting._id }).lean();
  if (!message) return null;
  const author = await User.findById(message.authorId, { name: 1 }).lean();
  const removed = Boolean(message.removedAt);
  return {
    id: message._id.toString(),
    meetingId: meeting._id.toString(),
    seq: message.seq,
    clientId: message.clientId,
    author: { id: message.authorId.toString(), name: author?.name ?? "—" },
    text: removed ? "" : message.text,
    removed,
    createdAt: message.createdAt.toISOString(),
  };
}

/** The room's shared state with its pinned message resolved. */
export async function loadRoomState(meeting: MeetingDocument): Promise<RoomStateView> {
  return presentRoomState(meeting, await pinnedMessage(meeting));
}
