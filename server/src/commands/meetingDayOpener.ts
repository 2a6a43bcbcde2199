import type mongoose from "mongoose";
import { EARLY_OPEN_CODE, type MeetingDay } from "@forum/shared";
import { notEqual } from "../db/comparisons.js";
import { AppError, conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { lastDayOf, plannedDateInWords, plannedDateOf } from "../domain/meetingDays.js";
import { warsawDay } from "../domain/warsawTime.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MeetingDayOpenerProps {
  /** The meeting as loaded by the route (already authorized). */
  meeting: MeetingDocument;
  day: MeetingDay;
  /** The moderator confirmed opening the day on another date than planned. */
  confirmEarly: boolean;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
  now?: Date;
}

/** Why this day cannot be opened in the meeting's present state (null: it can). */
function refusal(meeting: MeetingDocument, day: MeetingDay): string | null {
  if (meeting.status === "closed") return "Spotkanie już się zakończyło.";
  if (day > lastDayOf(meeting)) return "To spotkanie trwa jeden dzień.";
  const current = meeting.room?.day ?? 1;
  const paused = Boolean(meeting.room?.dayClosedAt);
  if (day === 1) {
    if (meeting.status === "planned") return null;
    return current === 1 && !paused ? "Dzień 1 jest już otwarty." : "Dzień 1 już się odbył.";
  }
  if (meeting.status === "planned") return "Najpierw otwórz i zamknij dzień 1.";
  if (current === 2) return paused ? "Dzień 2 już się odbył." : "Dzień 2 jest już otwarty.";
  return paused ? null : "Najpierw zamknij dzień 1.";
}

/**
 * Opens a day of the session: day 1 makes the planned meeting live, day 2 continues the same room after
 * day 1 was closed. A day opened on another date than planned needs the moderator's confirmation.
 */
export async function meetingDayOpener(props: MeetingDayOpenerProps): Promise<MeetingDocument> {
  const { meeting, day } = props;
  const refused = refusal(meeting, day);
  if (refused) throw conflict(refused);
  const now = props.now ?? new Date();
  const plannedDate = plannedDateOf(meeting, day);
  const offDate = warsawDay(now) !== plannedDate;
  if (offDate && !props.confirmEarly) {
    const when = warsawDay(now) < plannedDate ? "Otwierasz go przed terminem" : "Otwierasz go w innym dniu";
    throw new AppError(
      409,
      EARLY_OPEN_CODE,
      `Dzień ${day} jest zaplanowany na ${plannedDateInWords(plannedDate)}. ${when} — potwierdź, że tak ma być.`,
    );
  }
  const opened =
    day === 1
      ? await Meeting.findOneAndUpdate(
          { _id: meeting._id, status: "planned" },
          {
            $set: {
              status: "live",
              "room.day": 1,
              "room.dayClosedAt": null,
              "room.openedAt": now,
              "room.openedById": props.actorId,
              "room.closedAt": null,
            },
          },
          { returnDocument: "after" },
        ).lean()
      : await Meeting.findOneAndUpdate(
          { _id: meeting._id, status: "live", "room.day": 1, "room.dayClosedAt": notEqual(null) },
          { $set: { "room.day": 2, "room.dayClosedAt": null } },
          { returnDocument: "after" },
        ).lean();
  if (!opened) throw conflict("Stan spotkania właśnie się zmienił. Odśwież stronę.");
  await recordEvent({
    name: "meetings.openDay",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: opened._id,
    groupId: opened.groupId,
    data: { day, plannedDate, offDate },
    context: props.context,
  });
  return opened as MeetingDocument;
}
