import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, type GroupMeetingsView, type MeetingExpertsView, type MeetingView } from "@forum/shared";
import { agendaSetter } from "../commands/agendaSetter.js";
import { meetingDeleter } from "../commands/meetingDeleter.js";
import { meetingScheduler } from "../commands/meetingScheduler.js";
import { meetingUpdater } from "../commands/meetingUpdater.js";
import { roomExpertsInviter } from "../commands/roomExpertsInviter.js";
import { badRequest, notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { User } from "../models/User.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { presentMeeting } from "../presenters/meetingPresenter.js";
import { loadMeetingMaterials, presentMeetingView } from "../presenters/meetingViewPresenter.js";
import { meetingPlanFrom } from "../domain/meetingPlan.js";
import { MeetingRegistration } from "../models/MeetingRegistration.js";
import { presentMyRegistration, presentRegistrationStatus } from "../presenters/meetingRegistrationPresenter.js";
import { myRegistrations } from "../queries/meetingRegistrations.js";
import { sessionCountOf } from "../queries/cohortMeetings.js";

/** The group named in the URL, if the actor may read it. */
async function loadReadableGroup(actor: Actor, slug: string): Promise<GroupDocument> {
  const group = await Group.findOne({ slug }).lean();
  if (!group) throw notFound();
  authorize(actor, "read", "Group", group);
  return group;
}

interface LoadedMeeting {
  meeting: MeetingDocument;
  group: GroupDocument;
}

/** The meeting named in the URL with its group, after checking the actor may do `action` with it. */
async function loadMeeting(actor: Actor, id: mongoose.Types.ObjectId, action: string): Promise<LoadedMeeting> {
  const meeting = await Meeting.findById(id).lean();
  if (!meeting) throw notFound();
  authorize(actor, action, "Meeting", meeting);
  const group = await Group.findById(meeting.groupId).lean();
  if (!group) throw notFound();
  return { meeting, group };
}

/** Session numbers run 1…the group's number of sessions (its cohort's; 9 without a cohort). */
async function checkSessionNumber(group: GroupDocument, number: number): Promise<void> {
  const sessions = await sessionCountOf(group);
  if (number <= sessions) return;
  const message = `Podaj numer spotkania od 1 do ${sessions}.`;
  throw badRequest(message, { number: message });
}

async function meetingView(meeting: MeetingDocument, group: GroupDocument, actor: Actor): Promise<MeetingView> {
  const [view, sessionCount, mine] = await Promise.all([
    loadMeetingMaterials(meeting).then((materials) => presentMeetingView(meeting, group, actor, materials)),
    sessionCountOf(group),
    MeetingRegistration.findOne({ meetingId: meeting._id, userId: actor.id }).lean(),
  ]);
  return { ...view, sessionCount, registration: presentRegistrationStatus(meeting, actor, mine) };
}

export function meetingRoutes(): Router {
  const router = Router();

  route(router, endpoints.meetings.groupMeetings, async ({ actor, params }): Promise<GroupMeetingsView> => {
    const group = await loadReadableGroup(actor, params.slug);
    const meetings = await Meeting.find({ groupId: group._id }).sort({ startsAt: 1 }).lean();
    const mine = await myRegistrations(
      actor.id,
      meetings.map((meeting) => meeting._id),
    );
    const now = new Date();
    const summary = (meeting: MeetingDocument) => {
      const registration = mine.get(meeting._id.toString());
      const shown = presentMeeting(meeting, { slug: group.slug, name: group.name });
      // Only the group's own people sign up: others (experts, ZMP) see no status.
      if (!actor.groups.has(group._id.toString())) return shown;
      return { ...shown, myRegistration: registration ? presentMyRegistration(registration) : null };
    };
    // A session stays "upcoming" until it is closed or its second day is over.
    const isPast = (meeting: MeetingDocument) => meeting.status === "closed" || meeting.endsAt < now;
    return {
      upcoming: meetings.filter((meeting) => !isPast(meeting)).map(summary),
      past: meetings.filter(isPast).reverse().map(summary),
      canSchedule: can(actor, "manage", "Meeting", { groupId: group._id, status: "planned" }),
      sessionCount: await sessionCountOf(group),
    };
  });

  route(router, endpoints.meetings.schedule, async ({ actor, user, params, body, context }) => {
    const group = await loadReadableGroup(actor, params.slug);
    authorize(actor, "manage", "Meeting", { groupId: group._id, status: "planned" });
    const input = body();
    await checkSessionNumber(group, input.number);
    const plan = meetingPlanFrom(input);
    const meeting = await meetingScheduler({ groupId: group._id, ...plan, actorId: user._id, context });
    return { meeting: await meetingView(meeting, group, actor) };
  });

  route(router, endpoints.meetings.detail, async ({ actor, params }) => {
    const { meeting, group } = await loadMeeting(actor, params.id, "read");
    return { meeting: await meetingView(meeting, group, actor) };
  });

  route(router, endpoints.meetings.update, async ({ actor, user, params, body, context }) => {
    const { meeting, group } = await loadMeeting(actor, params.id, "manage");
    const input = body();
    await checkSessionNumber(group, input.number);
    const plan = meetingPlanFrom(input);
    const updated = await meetingUpdater({ meeting, plan, actorId: user._id, context });
    return { meeting: await meetingView(updated, group, actor) };
  });

  route(router, endpoints.meetings.cancel, async ({ actor, user, params, context }) => {
    const { meeting } = await loadMeeting(actor, params.id, "manage");
    await meetingDeleter({ meeting, actorId: user._id, context });
  });

  route(router, endpoints.meetings.setAgenda, async ({ actor, user, params, body, context }) => {
    const { meeting, group } = await loadMeeting(actor, params.id, "manage");
    const { items } = body();
    const updated = await agendaSetter({ meeting, items, actorId: user._id, context });
    return { meeting: await meetingView(updated, group, actor) };
  });

  route(router, endpoints.meetings.experts, async ({ actor, params }): Promise<MeetingExpertsView> => {
    const { meeting } = await loadMeeting(actor, params.id, "manage");
    const experts = await User.find({ role: "expert", status: "active" }, { name: 1 }).sort({ name: 1 }).lean();
    return {
      experts: experts.map((expert) => ({ id: expert._id.toString(), name: expert.name })),
      invitedExpertIds: (meeting.room?.invitedExpertIds ?? []).map((id) => id.toString()),
    };
  });

  route(router, endpoints.meetings.inviteExperts, async ({ actor, user, params, body, context }) => {
    const { meeting, group } = await loadMeeting(actor, params.id, "manage");
    const { expertIds } = body();
    const updated = await roomExpertsInviter({ meeting, expertIds, actorId: user._id, context });
    return {
      meeting: await meetingView(updated, group, actor),
      invitedExpertIds: (updated.room?.invitedExpertIds ?? []).map((id) => id.toString()),
    };
  });

  return router;
}
