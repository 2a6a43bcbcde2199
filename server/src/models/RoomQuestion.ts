import mongoose, { type InferSchemaType } from "mongoose";
import { ROOM_QUESTION_STATUSES } from "@forum/shared";

/** A question asked in a live room; others upvote it (one vote each), the moderator answers or hides it. */
const roomQuestionSchema = new mongoose.Schema(
  {
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    text: { type: String, required: true },
    voterIds: { type: [mongoose.Schema.Types.ObjectId], default: [] },
    voteCount: { type: Number, default: 0 },
    status: { type: String, enum: ROOM_QUESTION_STATUSES, default: "open" },
    /** What the moderator noted as the answer (optional). */
    answer: { type: String, default: "" },
    decidedAt: { type: Date, default: null },
    decidedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
roomQuestionSchema.index({ meetingId: 1, createdAt: 1 });

export type RoomQuestionDocument = InferSchemaType<typeof roomQuestionSchema> & { _id: mongoose.Types.ObjectId };
export const RoomQuestion = mongoose.model("RoomQuestion", roomQuestionSchema, "roomQuestions");
