import type { CalendarMonthView, GroupMeetingsView, MeetingExpertsView, MeetingView } from "../index.js";
import {
  agendaInputSchema,
  calendarMonthSchema,
  meetingExpertsInputSchema,
  meetingInputSchema,
} from "../schemas/meetings.js";
import { defineEndpoints, file, json, noContent, objectId } from "./endpoint.js";

const meeting = json<{ meeting: MeetingView }>();

/** Groups' meetings (sessions): planning, the calendar, and its iCalendar feeds. */
export const meetingEndpoints = defineEndpoints("Spotkania", {
  groupMeetings: {
    method: "get",
    path: "/groups/:slug/meetings",
    summary: "Spotkania grupy",
    signedIn: true,
    response: json<GroupMeetingsView>(),
  },
  schedule: {
    method: "post",
    path: "/groups/:slug/meetings",
    summary: "Nowe spotkanie",
    signedIn: true,
    body: meetingInputSchema,
    status: 201,
    response: meeting,
  },
  detail: {
    method: "get",
    path: "/meetings/:id",
    summary: "Spotkanie",
    signedIn: true,
    params: { id: objectId },
    response: meeting,
  },
  update: {
    method: "patch",
    path: "/meetings/:id",
    summary: "Zmiana spotkania",
    signedIn: true,
    params: { id: objectId },
    body: meetingInputSchema,
    response: meeting,
  },
  cancel: {
    method: "delete",
    path: "/meetings/:id",
    summary: "Odwołanie spotkania",
    signedIn: true,
    params: { id: objectId },
    response: noContent(),
  },
  setAgenda: {
    method: "put",
    path: "/meetings/:id/agenda",
    summary: "Program spotkania",
    signedIn: true,
    params: { id: objectId },
    body: agendaInputSchema,
    response: meeting,
  },
  experts: {
    method: "get",
    path: "/meetings/:id/experts",
    summary: "Eksperci spotkania",
    signedIn: true,
    params: { id: objectId },
    response: json<MeetingExpertsView>(),
  },
  inviteExperts: {
    method: "put",
    path: "/meetings/:id/experts",
    summary: "Zaproszenie ekspertów",
    signedIn: true,
    params: { id: objectId },
    body: meetingExpertsInputSchema,
    response: json<{ meeting: MeetingView; invitedExpertIds: string[] }>(),
  },
  calendar: {
    method: "get",
    path: "/calendar",
    summary: "Kalendarz miesiąca",
    signedIn: true,
    query: calendarMonthSchema,
    response: json<CalendarMonthView>(),
  },
  /** The feeds need no session: the secret token in the address is the credential. */
  calendarFeed: {
    method: "get",
    path: "/calendar/feeds/:token.ics",
    summary: "Kalendarz iCalendar",
    signedIn: false,
    response: file("calendar"),
  },
  groupCalendarFeed: {
    method: "get",
    path: "/calendar/feeds/:token/groups/:slug.ics",
    summary: "Kalendarz grupy iCalendar",
    signedIn: false,
    response: file("calendar"),
  },
});
