import type mongoose from "mongoose";
import type { MeetingStatus } from "@forum/shared";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";

export interface MeetingSchedulerProps {
  groupId: mongoose.Types.ObjectId;
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  onlineUrl?: string | null;
  status?: MeetingStatus;
  actorId: mongoose.Types.ObjectId | null;
  ip?: string | null;
}

/** Puts one of the group's sessions in the calendar. */
export async function meetingScheduler(props: MeetingSchedulerProps): Promise<MeetingDocument> {
  const created = await Meeting.create({
    groupId: props.groupId,
    number: props.number,
    title: props.title,
    startsAt: props.startsAt,
    endsAt: props.endsAt,
    venue: props.venue,
    onlineUrl: props.onlineUrl ?? null,
    status: props.status ?? "planned",
  });
  const meeting = created.toObject() as MeetingDocument;
  await recordEvent({
    name: "meetings.schedule",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: meeting._id,
    groupId: meeting.groupId,
    data: { after: { number: meeting.number, title: meeting.title, startsAt: meeting.startsAt.toISOString() } },
    ip: props.ip ?? null,
  });
  return meeting;
}
