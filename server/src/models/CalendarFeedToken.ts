import mongoose, { type InferSchemaType } from "mongoose";

/**
 * The secret in a person's private iCal feed URLs. Only its SHA-256 is kept; making a new one
 * replaces this document, so the old URLs stop working at once.
 */
const calendarFeedTokenSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true, unique: true },
    tokenHash: { type: String, required: true, unique: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export type CalendarFeedTokenDocument = InferSchemaType<typeof calendarFeedTokenSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const CalendarFeedToken = mongoose.model("CalendarFeedToken", calendarFeedTokenSchema, "calendarFeedTokens");
