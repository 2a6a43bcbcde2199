import mongoose, { type InferSchemaType } from "mongoose";
import { ROOM_POLL_RESULTS_VISIBILITY, ROOM_POLL_STATUSES } from "@forum/shared";

const pollOptionSchema = new mongoose.Schema({
  text: { type: String, required: true },
  /** Ballots that chose this option ($inc with each ballot, so results need no count over the ballots). */
  votes: { type: Number, default: 0 },
});

/** A live poll: prepared (draft), opened, closed by the moderator; results live or only after closing. */
const roomPollSchema = new mongoose.Schema(
  {
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
    createdById: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    question: { type: String, required: true },
    options: { type: [pollOptionSchema], required: true },
    multiple: { type: Boolean, default: false },
    resultsVisibility: { type: String, enum: ROOM_POLL_RESULTS_VISIBILITY, default: "live" },
    status: { type: String, enum: ROOM_POLL_STATUSES, default: "draft" },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    /** Ballots cast (people, not choices: the base of the percentages in a multiple-choice poll). */
    ballotCount: { type: Number, default: 0 },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
roomPollSchema.index({ meetingId: 1, createdAt: 1 });

export type RoomPollDocument = InferSchemaType<typeof roomPollSchema> & { _id: mongoose.Types.ObjectId };
export const RoomPoll = mongoose.model("RoomPoll", roomPollSchema, "roomPolls");
