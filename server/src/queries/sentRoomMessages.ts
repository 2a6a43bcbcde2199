import type mongoose from "mongoose";
import { RoomMessage, type RoomMessageDocument } from "../models/RoomMessage.js";

/** The message this author already sent with this clientId (a re-send after a lost acknowledgement). */
export const findSentRoomMessage = (
  meetingId: mongoose.Types.ObjectId,
  authorId: mongoose.Types.ObjectId,
  clientId: string,
): Promise<RoomMessageDocument | null> => RoomMessage.findOne({ meetingId, authorId, clientId }).lean();
