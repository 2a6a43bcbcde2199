import type { MeetingDocument } from "../models/Meeting.js";
import { changeRoomState, type RoomStateActor } from "./support/roomStateChange.js";

/** Minimum seconds between one participant's chat messages (0 = off); moderators are exempt. */
export const roomSlowModeSetter = (props: RoomStateActor & { seconds: number }): Promise<MeetingDocument> =>
  changeRoomState({
    ...props,
    name: "meetings.setSlowMode",
    update: { $set: { "room.slowModeSeconds": props.seconds } },
    data: { before: props.meeting.room?.slowModeSeconds ?? 0, after: props.seconds },
  });
