import type mongoose from "mongoose";
import type { MeetingDocument } from "../models/Meeting.js";
import { changeRoomState, type RoomStateActor } from "./support/roomStateChange.js";

/** The participant may listen but no longer write in this room's chat (or may write again). */
export const roomParticipantMuter = (
  props: RoomStateActor & { userId: mongoose.Types.ObjectId; muted: boolean },
): Promise<MeetingDocument> =>
  changeRoomState({
    ...props,
    name: props.muted ? "meetings.mute" : "meetings.unmute",
    update: props.muted
      ? { $addToSet: { "room.mutedUserIds": props.userId } }
      : { $pull: { "room.mutedUserIds": props.userId } },
    data: { userId: props.userId.toString() },
  });
