import type mongoose from "mongoose";
import { CalendarFeedToken } from "../models/CalendarFeedToken.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface CalendarTokenRevokerProps {
  userId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Ends a person's iCal feeds: their URLs answer 404 from now on. */
export async function calendarTokenRevoker(props: CalendarTokenRevokerProps): Promise<void> {
  const removed = await CalendarFeedToken.deleteOne({ userId: props.userId });
  if (removed.deletedCount === 0) return;
  await recordEvent({
    name: "calendarTokens.revoke",
    actorId: props.userId,
    subjectType: "User",
    subjectId: props.userId,
    data: {},
    context: props.context,
  });
}
