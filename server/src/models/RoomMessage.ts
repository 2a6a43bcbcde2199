import mongoose, { type InferSchemaType } from "mongoose";

/**
 * A chat line in a meeting's live room. `seq` orders the room (1, 2, 3 … from Meeting.room.lastSeq);
 * `clientId` is made by the sender's browser, so a message re-sent after a reconnect is stored once.
 */
const roomMessageSchema = new mongoose.Schema(
  {
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
    seq: { type: Number, required: true },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    clientId: { type: String, required: true },
    /** Plain text, shown as typed (escaped). */
    text: { type: String, required: true },
    /** The session's day it was written on (the archive groups the chat by day). */
    day: { type: Number, enum: [1, 2], default: 1 },
    removedAt: { type: Date, default: null },
    removedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
roomMessageSchema.index({ meetingId: 1, seq: 1 }, { unique: true });
roomMessageSchema.index({ meetingId: 1, authorId: 1, clientId: 1 }, { unique: true });

export type RoomMessageDocument = InferSchemaType<typeof roomMessageSchema> & { _id: mongoose.Types.ObjectId };
export const RoomMessage = mongoose.model("RoomMessage", roomMessageSchema, "roomMessages");
