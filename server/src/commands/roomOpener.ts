import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** A moderator opens the meeting's live room: planned → live (only once; a closed room stays closed). */
export async function roomOpener(props: {
  meeting: MeetingDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}): Promise<MeetingDocument> {
  const now = new Date();
  const opened = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id, status: "planned" },
    { $set: { status: "live", "room.openedAt": now, "room.openedById": props.actorId, "room.closedAt": null } },
    { returnDocument: "after" },
  ).lean();
  if (!opened) {
    throw conflict(
      props.meeting.status === "live" ? "Pokój spotkania jest już otwarty." : "Spotkanie już się zakończyło.",
    );
  }
  await recordEvent({
    name: "meetings.openRoom",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: opened._id,
    groupId: opened.groupId,
    data: { before: { status: props.meeting.status }, after: { status: opened.status } },
    context: props.context,
  });
  return opened as MeetingDocument;
}
