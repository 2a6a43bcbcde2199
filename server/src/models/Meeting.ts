import mongoose, { type InferSchemaType } from "mongoose";
import { MEETING_STATUSES } from "@forum/shared";

/** One of a GWD group's nine two-day sessions (agenda, live room and attendance come with issue 6). */
const meetingSchema = new mongoose.Schema(
  {
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", required: true },
    /** Session number, 1 to 9. */
    number: { type: Number, required: true, min: 1, max: 9 },
    title: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    venue: { type: String, default: "" },
    onlineUrl: { type: String, default: null },
    status: { type: String, enum: MEETING_STATUSES, default: "planned" },
  },
  { timestamps: true },
);
meetingSchema.index({ groupId: 1, number: 1 }, { unique: true });
meetingSchema.index({ startsAt: 1 });

export type MeetingDocument = InferSchemaType<typeof meetingSchema> & { _id: mongoose.Types.ObjectId };
export const Meeting = mongoose.model("Meeting", meetingSchema, "meetings");
