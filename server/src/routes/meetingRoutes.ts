import { Router, type Request } from "express";
import type mongoose from "mongoose";
import type { GroupMeetingsView, MeetingExpertsView, MeetingView } from "@forum/shared";
import { agendaInputSchema, meetingExpertsInputSchema, meetingInputSchema } from "@forum/shared";
import { agendaSetter } from "../commands/agendaSetter.js";
import { meetingDeleter } from "../commands/meetingDeleter.js";
import { meetingScheduler } from "../commands/meetingScheduler.js";
import { meetingUpdater } from "../commands/meetingUpdater.js";
import { roomExpertsInviter } from "../commands/roomExpertsInviter.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { User } from "../models/User.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { presentMeeting } from "../presenters/meetingPresenter.js";
import { loadMeetingMaterials, presentMeetingView } from "../presenters/meetingViewPresenter.js";
import { meetingPlanFrom } from "../domain/meetingPlan.js";

/** The group named in the URL, if the actor may read it. */
async function loadReadableGroup(req: Request): Promise<GroupDocument> {
  const group = await Group.findOne({ slug: String(req.params.slug) }).lean();
  if (!group) throw req.actor ? notFound() : unauthorized();
  authorize(req.actor, "read", "Group", group);
  return group;
}

interface LoadedMeeting {
  meeting: MeetingDocument;
  group: GroupDocument;
  actor: Actor;
  userId: mongoose.Types.ObjectId;
}

/** The meeting named in the URL with its group, after checking the actor may do `action` with it. */
async function loadMeeting(req: Request, action: string): Promise<LoadedMeeting> {
  if (!req.actor || !req.user) throw unauthorized();
  const meeting = await Meeting.findById(parseObjectId(req.params.id)).lean();
  if (!meeting) throw notFound();
  authorize(req.actor, action, "Meeting", meeting);
  const group = await Group.findById(meeting.groupId).lean();
  if (!group) throw notFound();
  return { meeting, group, actor: req.actor, userId: req.user._id };
}

async function meetingView(meeting: MeetingDocument, group: GroupDocument, actor: Actor): Promise<MeetingView> {
  return presentMeetingView(meeting, group, actor, await loadMeetingMaterials(meeting));
}

export function meetingRoutes(): Router {
  const router = Router();

  router.get("/groups/:slug/meetings", async (req, res) => {
    const group = await loadReadableGroup(req);
    const meetings = await Meeting.find({ groupId: group._id }).sort({ startsAt: 1 }).lean();
    const now = new Date();
    const summary = (meeting: MeetingDocument) => presentMeeting(meeting, { slug: group.slug, name: group.name });
    // A session stays "upcoming" until it is closed or its second day is over.
    const isPast = (meeting: MeetingDocument) => meeting.status === "closed" || meeting.endsAt < now;
    const body: GroupMeetingsView = {
      upcoming: meetings.filter((meeting) => !isPast(meeting)).map(summary),
      past: meetings.filter(isPast).reverse().map(summary),
      canSchedule: can(req.actor, "manage", "Meeting", { groupId: group._id, status: "planned" }),
    };
    res.json(body);
  });

  router.post("/groups/:slug/meetings", async (req, res) => {
    const group = await loadReadableGroup(req);
    if (!req.actor || !req.user) throw unauthorized();
    authorize(req.actor, "manage", "Meeting", { groupId: group._id, status: "planned" });
    const plan = meetingPlanFrom(parseInput(meetingInputSchema, req.body));
    const meeting = await meetingScheduler({
      groupId: group._id,
      ...plan,
      actorId: req.user._id,
      context: req.context,
    });
    res.status(201).json({ meeting: await meetingView(meeting, group, req.actor) });
  });

  router.get("/meetings/:id", async (req, res) => {
    const { meeting, group, actor } = await loadMeeting(req, "read");
    res.json({ meeting: await meetingView(meeting, group, actor) });
  });

  router.patch("/meetings/:id", async (req, res) => {
    const { meeting, group, actor, userId } = await loadMeeting(req, "manage");
    const plan = meetingPlanFrom(parseInput(meetingInputSchema, req.body));
    const updated = await meetingUpdater({ meeting, plan, actorId: userId, context: req.context });
    res.json({ meeting: await meetingView(updated, group, actor) });
  });

  router.delete("/meetings/:id", async (req, res) => {
    const { meeting, userId } = await loadMeeting(req, "manage");
    await meetingDeleter({ meeting, actorId: userId, context: req.context });
    res.status(204).end();
  });

  router.put("/meetings/:id/agenda", async (req, res) => {
    const { meeting, group, actor, userId } = await loadMeeting(req, "manage");
    const { items } = parseInput(agendaInputSchema, req.body);
    const updated = await agendaSetter({ meeting, items, actorId: userId, context: req.context });
    res.json({ meeting: await meetingView(updated, group, actor) });
  });

  router.get("/meetings/:id/experts", async (req, res) => {
    const { meeting } = await loadMeeting(req, "manage");
    const experts = await User.find({ role: "expert", status: "active" }, { name: 1 }).sort({ name: 1 }).lean();
    const body: MeetingExpertsView = {
      experts: experts.map((expert) => ({ id: expert._id.toString(), name: expert.name })),
      invitedExpertIds: (meeting.room?.invitedExpertIds ?? []).map((id) => id.toString()),
    };
    res.json(body);
  });

  router.put("/meetings/:id/experts", async (req, res) => {
    const { meeting, group, actor, userId } = await loadMeeting(req, "manage");
    const { expertIds } = parseInput(meetingExpertsInputSchema, req.body);
    const updated = await roomExpertsInviter({ meeting, expertIds, actorId: userId, context: req.context });
    res.json({
      meeting: await meetingView(updated, group, actor),
      invitedExpertIds: (updated.room?.invitedExpertIds ?? []).map((id) => id.toString()),
    });
  });

  return router;
}
