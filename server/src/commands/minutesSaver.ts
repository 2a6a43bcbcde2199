import type mongoose from "mongoose";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { User } from "../models/User.js";
import { renderMarkdown } from "../infra/markdown.js";
import { roomNotLive } from "./roomAgendaSetter.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MinutesSaverProps {
  /** The meeting as loaded by the route (already authorized to edit the minutes). */
  meeting: MeetingDocument;
  markdown: string;
  /** The version the editor started from. */
  baseVersion: number;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Saved (the new version), or refused because someone saved a newer version first (the current one). */
export type MinutesSaverResult = { saved: true; meeting: MeetingDocument } | { saved: false; meeting: MeetingDocument };

/**
 * Saves the live minutes (protokół), rendered once like a post. A save based on an older version
 * than the stored one is refused, so two editors never silently overwrite each other.
 */
export async function minutesSaver(props: MinutesSaverProps): Promise<MinutesSaverResult> {
  const editor = await User.findById(props.actorId, { name: 1 }).lean();
  const updated = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id, status: "live", "minutes.version": props.baseVersion },
    {
      $set: {
        minutes: {
          markdown: props.markdown,
          html: renderMarkdown(props.markdown),
          version: props.baseVersion + 1,
          updatedAt: new Date(),
          updatedById: props.actorId,
          updatedByName: editor?.name ?? "",
        },
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    const current = await Meeting.findById(props.meeting._id).lean();
    if (!current || current.status !== "live") throw roomNotLive();
    return { saved: false, meeting: current };
  }
  await recordEvent({
    name: "meetings.saveMinutes",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: updated._id,
    groupId: updated.groupId,
    // The text itself stays in the meeting: autosave would otherwise copy it into every event.
    data: { version: updated.minutes?.version ?? 0, length: props.markdown.length },
    context: props.context,
  });
  return { saved: true, meeting: updated };
}
