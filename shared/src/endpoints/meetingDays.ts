import type { MeetingView } from "../index.js";
import { meetingDayParamSchema, openMeetingDaySchema, reopenMeetingSchema } from "../schemas/meetingDays.js";
import { defineEndpoints, json, lookup, objectId } from "./endpoint.js";

const meeting = json<{ meeting: MeetingView }>();
/** A day the session does not have (3) names nothing: 404. */
const meetingDay = { id: objectId, day: lookup(meetingDayParamSchema) };

/** A two-day session's room, day by day: opened, paused for the night, ended, reopened by an admin. */
export const meetingDayEndpoints = defineEndpoints("Dni spotkania", {
  openDay: {
    method: "post",
    path: "/meetings/:id/days/:day/open",
    summary: "Otwarcie dnia spotkania",
    signedIn: true,
    params: meetingDay,
    body: openMeetingDaySchema,
    bodyOptional: true,
    response: meeting,
  },
  closeDay: {
    method: "post",
    path: "/meetings/:id/days/:day/close",
    summary: "Zamknięcie dnia spotkania",
    signedIn: true,
    params: meetingDay,
    response: meeting,
  },
  end: {
    method: "post",
    path: "/meetings/:id/end",
    summary: "Zakończenie spotkania",
    signedIn: true,
    params: { id: objectId },
    response: json<{ meeting: MeetingView; archiveThreadId: string }>(),
  },
  reopen: {
    method: "post",
    path: "/meetings/:id/reopen",
    summary: "Wznowienie zakończonego spotkania",
    signedIn: true,
    params: { id: objectId },
    body: reopenMeetingSchema,
    response: meeting,
  },
});
