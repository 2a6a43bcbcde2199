import type mongoose from "mongoose";
import type { RegistrationInput, RegistrationSummary } from "@forum/shared";
import { MeetingRegistration, type MeetingRegistrationDocument } from "../models/MeetingRegistration.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RegistrationSetterProps {
  /** The meeting as loaded (already authorized, and open for this change). */
  meeting: MeetingDocument;
  /** Whose answer it is: the actor's own, or a member's a moderator sets. */
  userId: mongoose.Types.ObjectId;
  input: RegistrationInput;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

const summary = (registration: Pick<MeetingRegistrationDocument, "days" | "note">): RegistrationSummary => ({
  days: registration.days.map((day) => ({ day: day.day === 2 ? 2 : 1, mode: day.mode })),
  note: registration.note ?? "",
});

/** Stores a person's answer to a session's sign-up (one per person and session), replacing an earlier one. */
export async function registrationSetter(props: RegistrationSetterProps): Promise<MeetingRegistrationDocument> {
  const days = [...props.input.days].sort((a, b) => a.day - b.day);
  const before = await MeetingRegistration.findOneAndUpdate(
    { meetingId: props.meeting._id, userId: props.userId },
    {
      $set: { days, note: props.input.note, groupId: props.meeting.groupId },
      $setOnInsert: { meetingId: props.meeting._id, userId: props.userId },
    },
    { upsert: true, returnDocument: "before" },
  ).lean();
  const after = { days, note: props.input.note };
  await recordEvent({
    name: "meetings.register",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: props.meeting._id,
    groupId: props.meeting.groupId,
    data: { userId: props.userId.toString(), before: before ? summary(before) : null, after },
    context: props.context,
  });
  const stored = await MeetingRegistration.findOne({ meetingId: props.meeting._id, userId: props.userId }).lean();
  if (!stored) throw new Error("registration not stored");
  return stored;
}
