import type mongoose from "mongoose";
import type { MeetingStatus } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MeetingSchedulerProps {
  groupId: mongoose.Types.ObjectId;
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  onlineUrl?: string | null;
  description?: string;
  registrationClosesAt?: Date | null;
  status?: MeetingStatus;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** The 409 for a session number the group already has (numbers 1–9 are unique per group). */
export const sessionNumberTaken = (number: number) =>
  conflict(`Ta grupa ma już spotkanie nr ${number}. Wybierz inny numer albo edytuj istniejące spotkanie.`);

/** Puts one of the group's sessions in the calendar. */
export async function meetingScheduler(props: MeetingSchedulerProps): Promise<MeetingDocument> {
  let meeting: MeetingDocument;
  try {
    const created = await Meeting.create({
      groupId: props.groupId,
      number: props.number,
      title: props.title,
      startsAt: props.startsAt,
      endsAt: props.endsAt,
      venue: props.venue,
      onlineUrl: props.onlineUrl ?? null,
      description: props.description ?? "",
      registrationClosesAt: props.registrationClosesAt ?? null,
      status: props.status ?? "planned",
    });
    meeting = created.toObject() as MeetingDocument;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw sessionNumberTaken(props.number);
    throw error;
  }
  await recordEvent({
    name: "meetings.schedule",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: meeting._id,
    groupId: meeting.groupId,
    data: { after: { number: meeting.number, title: meeting.title, startsAt: meeting.startsAt.toISOString() } },
    context: props.context,
  });
  return meeting;
}
