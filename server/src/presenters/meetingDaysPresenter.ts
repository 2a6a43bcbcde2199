import type { MeetingDay, MeetingDaysView } from "@forum/shared";
import { lastDayOf, plannedDates } from "../domain/meetingDays.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { can, type Actor } from "../policies/index.js";

/** The day control the session's state allows next (the commands refuse the others). */
function nextDayControls(meeting: MeetingDocument): { openDay: MeetingDay | null; closeDay: MeetingDay | null } {
  const current: MeetingDay = meeting.room?.day === 2 ? 2 : 1;
  if (meeting.status === "planned") return { openDay: 1, closeDay: null };
  if (meeting.status !== "live") return { openDay: null, closeDay: null };
  if (!meeting.room?.dayClosedAt) return { openDay: null, closeDay: current };
  return { openDay: current < lastDayOf(meeting) ? 2 : null, closeDay: null };
}

/** Where the session's room is, day by day, and the day controls this person may use now. */
export function presentMeetingDays(meeting: MeetingDocument, actor: Actor | null): MeetingDaysView {
  const manages = can(actor, "manage", "Meeting", meeting);
  const controls = manages ? nextDayControls(meeting) : { openDay: null, closeDay: null };
  const lastDay = lastDayOf(meeting);
  return {
    current: meeting.room?.day === 2 ? 2 : 1,
    dayClosedAt: meeting.room?.dayClosedAt?.toISOString() ?? null,
    lastDay,
    plannedDates: plannedDates(meeting),
    can: {
      ...controls,
      end:
        meeting.status === "live" &&
        (meeting.room?.day ?? 1) >= lastDay &&
        can(actor, "moderateRoom", "Meeting", meeting),
      reopen: meeting.status === "closed" && can(actor, "reopen", "Meeting", meeting),
    },
  };
}
