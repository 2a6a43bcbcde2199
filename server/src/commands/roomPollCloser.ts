import type { RoomPollDocument } from "../models/RoomPoll.js";
import { changeRoomPollStatus, type RoomPollStatusProps } from "./support/roomPollStatusChange.js";

/** Ends the voting; the results become visible to everyone. */
export const roomPollCloser = (props: RoomPollStatusProps): Promise<RoomPollDocument> =>
  changeRoomPollStatus({
    ...props,
    name: "roomPolls.close",
    from: "open",
    to: "closed",
    refusal: "Można zamknąć tylko otwartą ankietę.",
  });
