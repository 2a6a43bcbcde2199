import mongoose, { type InferSchemaType } from "mongoose";
import { REGISTRATION_MODES } from "@forum/shared";

/** How a member will take part in one day of a session. */
const registrationDaySchema = new mongoose.Schema(
  {
    day: { type: Number, enum: [1, 2], required: true },
    mode: { type: String, enum: REGISTRATION_MODES, required: true },
  },
  { _id: false },
);

/** A member's sign-up for a two-day session: per day on site, online or not coming, with an optional note. */
const meetingRegistrationSchema = new mongoose.Schema(
  {
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    /** The meeting's group, so a group's sign-ups are found without the meeting. */
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", required: true },
    days: { type: [registrationDaySchema], default: [] },
    note: { type: String, default: "" },
  },
  { timestamps: true },
);
meetingRegistrationSchema.index({ meetingId: 1, userId: 1 }, { unique: true });
meetingRegistrationSchema.index({ userId: 1, meetingId: 1 });

export type MeetingRegistrationDocument = InferSchemaType<typeof meetingRegistrationSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const MeetingRegistration = mongoose.model(
  "MeetingRegistration",
  meetingRegistrationSchema,
  "meetingRegistrations",
);
