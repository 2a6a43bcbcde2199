import type { Request } from "express";
import mongoose from "mongoose";
import { conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseObjectId } from "../http/validation.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { authorize, type Actor } from "../policies/index.js";
import type { RequestContext } from "../requestContext.js";

export interface LiveRoomRequest {
  meeting: MeetingDocument;
  actor: Actor;
  userId: mongoose.Types.ObjectId;
  context: RequestContext;
}

/**
 * The meeting in the path, once the policy allows `action` in its room (401 visitor, 404 unreadable,
 * 409 room not live: questions and polls belong to the session while it runs; 403 refused).
 */
export async function liveRoomRequest(req: Request, action: "chat" | "moderateRoom"): Promise<LiveRoomRequest> {
  if (!req.actor || !req.user) throw unauthorized();
  const meeting = await Meeting.findById(parseObjectId(req.params.id)).lean();
  if (!meeting) throw notFound();
  authorize(req.actor, "read", "Meeting", meeting);
  if (meeting.status !== "live") throw conflict("Pokój spotkania nie jest otwarty.");
  authorize(req.actor, action, "Meeting", meeting);
  return { meeting, actor: req.actor, userId: new mongoose.Types.ObjectId(req.actor.id), context: req.context };
}
