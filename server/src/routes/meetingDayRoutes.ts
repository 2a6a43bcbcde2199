import { Router } from "express";
import { endpoints, type MeetingDay, type MeetingView } from "@forum/shared";
import { meetingDayCloser } from "../commands/meetingDayCloser.js";
import { meetingDayOpener } from "../commands/meetingDayOpener.js";
import { meetingEnder } from "../commands/meetingEnder.js";
import { meetingReopener } from "../commands/meetingReopener.js";
import { notFound } from "../errors/AppError.js";
import { route, type SignedInRequest } from "../http/declareRoute.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { authorize, type Actor } from "../policies/index.js";
import { loadMeetingMaterials, presentMeetingView } from "../presenters/meetingViewPresenter.js";

/** The meeting in the path, once the policy allows `action` (404 when its group is unreadable, 403 else). */
async function meetingFor({ actor, user, params, context }: SignedInRequest, action: string) {
  const meeting = await Meeting.findById(params.id).lean();
  if (!meeting) throw notFound();
  authorize(actor, action, "Meeting", meeting);
  return { meeting, actorId: user._id, context };
}

async function meetingView(meeting: MeetingDocument, actor: Actor): Promise<MeetingView> {
  const [group, materials] = await Promise.all([
    Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean(),
    loadMeetingMaterials(meeting),
  ]);
  return presentMeetingView(meeting, group ?? { _id: meeting.groupId, slug: "", name: "" }, actor, materials);
}

const dayOf = (value: string): MeetingDay => (value === "2" ? 2 : 1);

/** A session's room day by day: opening and closing each day, ending the session, and an admin's reopening. */
export function meetingDayRoutes(): Router {
  const router = Router();

  route(router, endpoints.meetingDays.openDay, async (request) => {
    const target = await meetingFor(request, "manage");
    const { confirmEarly } = request.body();
    const meeting = await meetingDayOpener({
      ...target,
      day: dayOf(request.params.day),
      confirmEarly: confirmEarly === true,
    });
    return { meeting: await meetingView(meeting, request.actor) };
  });

  route(router, endpoints.meetingDays.closeDay, async (request) => {
    const meeting = await meetingDayCloser({
      ...(await meetingFor(request, "manage")),
      day: dayOf(request.params.day),
    });
    return { meeting: await meetingView(meeting, request.actor) };
  });

  route(router, endpoints.meetingDays.end, async (request) => {
    const { meeting, thread } = await meetingEnder(await meetingFor(request, "moderateRoom"));
    return { meeting: await meetingView(meeting, request.actor), archiveThreadId: thread._id.toString() };
  });

  route(router, endpoints.meetingDays.reopen, async (request) => {
    const target = await meetingFor(request, "reopen");
    const { reason } = request.body();
    const meeting = await meetingReopener({ ...target, reason });
    return { meeting: await meetingView(meeting, request.actor) };
  });

  return router;
}
