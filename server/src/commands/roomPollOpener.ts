import type { RoomPollDocument } from "../models/RoomPoll.js";
import { changeRoomPollStatus, type RoomPollStatusProps } from "./support/roomPollStatusChange.js";

/** Opens a prepared poll for votes; everyone in the room sees it from now on. */
export const roomPollOpener = (props: RoomPollStatusProps): Promise<RoomPollDocument> =>
  changeRoomPollStatus({
    ...props,
    name: "roomPolls.open",
    from: "draft",
    to: "open",
    refusal: "Tę ankietę już otwarto.",
  });
