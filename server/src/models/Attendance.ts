import mongoose, { type InferSchemaType } from "mongoose";

/**
 * One stay in a live room: from joining to leaving (one per connection). `seenAt` is refreshed while
 * the connection lives, so a stay cut short by a crashed process ends at its last sign of life.
 */
const attendanceSchema = new mongoose.Schema({
  meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", required: true },
  userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
  /** The person's JST when they joined (attendance lists are reported per JST). */
  jstId: { type: mongoose.Schema.Types.ObjectId, ref: "Jst", default: null },
  /** The session's day (1 or 2) the room was running when they joined; attendance lists are per day. */
  day: { type: Number, enum: [1, 2], default: 1 },
  connectionId: { type: String, required: true },
  joinedAt: { type: Date, required: true },
  leftAt: { type: Date, default: null },
  seenAt: { type: Date, required: true },
});
attendanceSchema.index({ meetingId: 1, joinedAt: 1 });
attendanceSchema.index({ connectionId: 1 });
/** Stays a crashed process left open, found by the startup and periodic sweep. */
attendanceSchema.index({ leftAt: 1, seenAt: 1 });

export type AttendanceDocument = InferSchemaType<typeof attendanceSchema> & { _id: mongoose.Types.ObjectId };
export const Attendance = mongoose.model("Attendance", attendanceSchema, "attendance");
