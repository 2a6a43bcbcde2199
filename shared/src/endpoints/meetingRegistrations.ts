import type { MeetingRegistrationsView, MeetingRegistrationStatus, RegistrationReminderResult } from "../index.js";
import { registrationInputSchema } from "../schemas/meetingRegistrations.js";
import { defineEndpoints, file, json, objectId } from "./endpoint.js";

/** Signing up for a session (per day on site, online or not coming), the sign-ups panel, and one session's .ics. */
export const meetingRegistrationEndpoints = defineEndpoints("Zapisy na spotkania", {
  register: {
    method: "put",
    path: "/meetings/:id/registration",
    summary: "Mój zapis na spotkanie",
    signedIn: true,
    params: { id: objectId },
    body: registrationInputSchema,
    response: json<{ registration: MeetingRegistrationStatus }>(),
  },
  list: {
    method: "get",
    path: "/meetings/:id/registrations",
    summary: "Zapisy na spotkanie",
    signedIn: true,
    params: { id: objectId },
    response: json<MeetingRegistrationsView>(),
  },
  registerFor: {
    method: "put",
    path: "/meetings/:id/registrations/:userId",
    summary: "Zapis członka grupy przez moderatora",
    signedIn: true,
    params: { id: objectId, userId: objectId },
    body: registrationInputSchema,
    response: json<MeetingRegistrationsView>(),
  },
  remind: {
    method: "post",
    path: "/meetings/:id/registrations/remind",
    summary: "Przypomnienie o zapisach",
    signedIn: true,
    params: { id: objectId },
    response: json<RegistrationReminderResult>(),
  },
  icsFile: {
    method: "get",
    path: "/meetings/:id/meeting.ics",
    summary: "Spotkanie w pliku iCalendar",
    signedIn: true,
    params: { id: objectId },
    response: file("calendar"),
  },
});
