import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { notFound } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { sessionNumberTaken } from "./meetingScheduler.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MeetingPlan {
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  onlineUrl: string | null;
  description: string;
  registrationClosesAt: Date | null;
}

export interface MeetingUpdaterProps {
  /** The meeting as loaded (already authorized). */
  meeting: MeetingDocument;
  /** The whole plan as the edit form sends it. */
  plan: MeetingPlan;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

const described = (
  meeting: Omit<MeetingPlan, "description" | "onlineUrl" | "registrationClosesAt"> & { onlineUrl?: string | null },
) => ({
  number: meeting.number,
  title: meeting.title,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  venue: meeting.venue,
  onlineUrl: meeting.onlineUrl ?? null,
});

/** Changes a session's plan (number, title, dates, place, description). */
export async function meetingUpdater(props: MeetingUpdaterProps): Promise<MeetingDocument> {
  let updated: MeetingDocument | null;
  try {
    updated = await Meeting.findOneAndUpdate(
      { _id: props.meeting._id },
      { $set: props.plan },
      { returnDocument: "after" },
    ).lean();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw sessionNumberTaken(props.plan.number);
    throw error;
  }
  if (!updated) throw notFound();
  await recordEvent({
    name: "meetings.update",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: updated._id,
    groupId: updated.groupId,
    data: {
      before: described(props.meeting),
      after: described(props.plan),
    },
    context: props.context,
  });
  return updated;
}
