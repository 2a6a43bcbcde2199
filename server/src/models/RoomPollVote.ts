import mongoose, { type InferSchemaType } from "mongoose";

/** One person's ballot in a poll (the unique index makes it one per person). */
const roomPollVoteSchema = new mongoose.Schema(
  {
    pollId: { type: mongoose.Schema.Types.ObjectId, ref: "RoomPoll", required: true },
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    optionIds: { type: [mongoose.Schema.Types.ObjectId], required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
roomPollVoteSchema.index({ pollId: 1, userId: 1 }, { unique: true });

export type RoomPollVoteDocument = InferSchemaType<typeof roomPollVoteSchema> & { _id: mongoose.Types.ObjectId };
export const RoomPollVote = mongoose.model("RoomPollVote", roomPollVoteSchema, "roomPollVotes");
