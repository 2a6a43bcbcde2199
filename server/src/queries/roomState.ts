import type { RoomStateView } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";
import { presentRoomMessageById } from "../presenters/roomMessagePresenter.js";
import { presentRoomState } from "../presenters/roomStatePresenter.js";

/** The room's shared state with its pinned message resolved. */
export async function loadRoomState(meeting: MeetingDocument): Promise<RoomStateView> {
  return presentRoomState(meeting, await presentRoomMessageById(meeting._id, meeting.room?.pinnedMessageId ?? null));
}
