import mongoose, { type InferSchemaType } from "mongoose";

/** One sign-up reminder of a session on one Polish day: the unique index keeps it to one a day. */
const meetingRegistrationReminderSchema = new mongoose.Schema(
  {
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
    /** The Polish calendar day it was sent, "YYYY-MM-DD". */
    day: { type: String, required: true },
    sentById: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    recipientCount: { type: Number, required: true },
  },
  { timestamps: true },
);
meetingRegistrationReminderSchema.index({ meetingId: 1, day: 1 }, { unique: true });

export type MeetingRegistrationReminderDocument = InferSchemaType<typeof meetingRegistrationReminderSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const MeetingRegistrationReminder = mongoose.model(
  "MeetingRegistrationReminder",
  meetingRegistrationReminderSchema,
  "meetingRegistrationReminders",
);
