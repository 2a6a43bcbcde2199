import mongoose from "mongoose";
import { conflict, notFound } from "../errors/AppError.js";
import { isPaused, pausedMessage } from "../domain/meetingDays.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { authorize, type Actor } from "../policies/index.js";
import type { RequestContext } from "../requestContext.js";
import type { SignedInRequest } from "./declareRoute.js";

export interface LiveRoomRequest {
  meeting: MeetingDocument;
  actor: Actor;
  userId: mongoose.Types.ObjectId;
  context: RequestContext;
}

/**
 * The meeting in the path, once the policy allows `action` in its room (404 unreadable, 409 room not
 * live: questions and polls belong to the session while it runs; 403 refused).
 */
export async function liveRoomRequest(
  { actor, params, context }: Omit<SignedInRequest, "user">,
  action: "chat" | "moderateRoom",
): Promise<LiveRoomRequest> {
  const meeting = await Meeting.findById(params.id).lean();
  if (!meeting) throw notFound();
  authorize(actor, "read", "Meeting", meeting);
  if (meeting.status !== "live") throw conflict("Pokój spotkania nie jest otwarty.");
  if (isPaused(meeting)) throw conflict(pausedMessage(meeting));
  authorize(actor, action, "Meeting", meeting);
  return { meeting, actor, userId: new mongoose.Types.ObjectId(actor.id), context };
}
