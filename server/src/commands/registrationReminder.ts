import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { warsawDay } from "../domain/warsawTime.js";
import { conflict } from "../errors/AppError.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { MeetingRegistrationReminder } from "../models/MeetingRegistrationReminder.js";
import { groupRoster, notAnsweredOf, registrationsOf } from "../queries/meetingRegistrations.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RegistrationReminderProps {
  /** The meeting as loaded (already authorized, not over). */
  meeting: MeetingDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
  now?: Date;
}

export const REMINDED_TODAY_MESSAGE =
  "Przypomnienie o zapisach na to spotkanie zostało już dziś wysłane. Kolejne można wysłać jutro.";

/** Reminds the group members who have not answered the sign-up (the e-mails follow from the event), once a Polish day. */
export async function registrationReminder(
  props: RegistrationReminderProps,
): Promise<{ sent: number; remindedOn: string }> {
  const remindedOn = warsawDay(props.now ?? new Date());
  const [roster, registrations] = await Promise.all([
    groupRoster(props.meeting.groupId),
    registrationsOf(props.meeting._id),
  ]);
  const recipients = notAnsweredOf(roster, registrations);
  if (recipients.length === 0) throw conflict("Wszyscy członkowie grupy już odpowiedzieli: nie ma komu przypominać.");
  try {
    await MeetingRegistrationReminder.create({
      meetingId: props.meeting._id,
      day: remindedOn,
      sentById: props.actorId,
      recipientCount: recipients.length,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(REMINDED_TODAY_MESSAGE);
    throw error;
  }
  await recordEvent({
    name: "meetings.remindRegistrations",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: props.meeting._id,
    groupId: props.meeting.groupId,
    data: { remindedOn, recipientIds: recipients.map((person) => person._id.toString()) },
    context: props.context,
  });
  return { sent: recipients.length, remindedOn };
}
