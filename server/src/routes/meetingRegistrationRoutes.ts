import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, type MeetingRegistrationsView } from "@forum/shared";
import { registrationReminder } from "../commands/registrationReminder.js";
import { registrationSetter } from "../commands/registrationSetter.js";
import type { Config } from "../config.js";
import { registrationClosedReason, SESSION_OVER_MESSAGE, sessionIsOver } from "../domain/registrationWindow.js";
import { conflict, notFound } from "../errors/AppError.js";
import { route, sent } from "../http/declareRoute.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { MeetingRegistrationReminder } from "../models/MeetingRegistrationReminder.js";
import { Membership } from "../models/Membership.js";
import { authorize, type Actor } from "../policies/index.js";
import { presentRegistrations, presentRegistrationStatus } from "../presenters/meetingRegistrationPresenter.js";
import { groupRoster, registrationsOf } from "../queries/meetingRegistrations.js";
import { meetingsCalendar } from "../queries/meetingCalendar.js";
import { baseUrlOf } from "./calendarRoutes.js";

/** The meeting named in the URL, after checking the actor may do `action` with its sign-up. */
async function loadMeeting(actor: Actor, id: mongoose.Types.ObjectId, action: string): Promise<MeetingDocument> {
  const meeting = await Meeting.findById(id).lean();
  if (!meeting) throw notFound();
  authorize(actor, action, "MeetingRegistration", meeting);
  return meeting;
}

async function registrationsView(meeting: MeetingDocument): Promise<MeetingRegistrationsView> {
  const [roster, registrations, lastReminder] = await Promise.all([
    groupRoster(meeting.groupId),
    registrationsOf(meeting._id),
    MeetingRegistrationReminder.findOne({ meetingId: meeting._id }, { day: 1 }).sort({ day: -1 }).lean(),
  ]);
  return presentRegistrations(meeting, roster, registrations, lastReminder?.day ?? null);
}

export function meetingRegistrationRoutes(config: Config): Router {
  const router = Router();

  route(router, endpoints.meetingRegistrations.register, async ({ actor, user, params, body, context }) => {
    const meeting = await loadMeeting(actor, params.id, "register");
    const input = body();
    const closed = registrationClosedReason(meeting);
    if (closed) throw conflict(closed);
    const stored = await registrationSetter({ meeting, userId: user._id, input, actorId: user._id, context });
    return { registration: presentRegistrationStatus(meeting, actor, stored) };
  });

  route(router, endpoints.meetingRegistrations.list, async ({ actor, params }) =>
    registrationsView(await loadMeeting(actor, params.id, "manage")),
  );

  route(router, endpoints.meetingRegistrations.registerFor, async ({ actor, user, params, body, context }) => {
    const meeting = await loadMeeting(actor, params.id, "manage");
    const input = body();
    const member = await Membership.findOne({ groupId: meeting.groupId, userId: params.userId }, { _id: 1 }).lean();
    if (!member) throw notFound("Ta osoba nie należy do grupy, która organizuje spotkanie.");
    if (sessionIsOver(meeting)) throw conflict(SESSION_OVER_MESSAGE);
    await registrationSetter({ meeting, userId: params.userId, input, actorId: user._id, context });
    return registrationsView(meeting);
  });

  route(router, endpoints.meetingRegistrations.remind, async ({ actor, user, params, context }) => {
    const meeting = await loadMeeting(actor, params.id, "manage");
    if (sessionIsOver(meeting)) throw conflict(SESSION_OVER_MESSAGE);
    return registrationReminder({ meeting, actorId: user._id, context });
  });

  route(router, endpoints.meetingRegistrations.icsFile, async ({ actor, params }, req, res) => {
    const meeting = await Meeting.findById(params.id).lean();
    if (!meeting) throw notFound();
    authorize(actor, "read", "Meeting", meeting);
    const group = await Group.findById(meeting.groupId).lean();
    if (!group) throw notFound();
    const calendar = meetingsCalendar([meeting], new Map([[group._id.toString(), group]]), {
      baseUrl: baseUrlOf(config, req),
      name: `Forum Współpracy JST – ${group.name}`,
    });
    res.setHeader("Cache-Control", "private, no-store");
    // Only the number goes into the header: nothing a title or a group name holds can reach it.
    res.setHeader("Content-Disposition", `attachment; filename="spotkanie-${meeting.number}.ics"`);
    return sent(res.type("text/calendar; charset=utf-8").send(calendar));
  });

  return router;
}
