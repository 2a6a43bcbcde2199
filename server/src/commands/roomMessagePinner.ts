import type mongoose from "mongoose";
import type { MeetingDocument } from "../models/Meeting.js";
import { changeRoomState, type RoomStateActor } from "./support/roomStateChange.js";

/** Shows one chat message above the chat for everyone (null takes the pin away). */
export const roomMessagePinner = (
  props: RoomStateActor & { messageId: mongoose.Types.ObjectId | null },
): Promise<MeetingDocument> =>
  changeRoomState({
    ...props,
    name: "meetings.pinMessage",
    update: { $set: { "room.pinnedMessageId": props.messageId } },
    data: {
      before: props.meeting.room?.pinnedMessageId?.toString() ?? null,
      after: props.messageId?.toString() ?? null,
    },
  });
