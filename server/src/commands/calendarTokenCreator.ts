import type mongoose from "mongoose";
import { CalendarFeedToken } from "../models/CalendarFeedToken.js";
import { newSecretToken } from "../infra/secretTokens.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface CalendarTokenCreatorProps {
  userId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Makes the secret of a person's iCal feeds, replacing (and so revoking) the one they had. */
export async function calendarTokenCreator(
  props: CalendarTokenCreatorProps,
): Promise<{ token: string; createdAt: Date }> {
  const { token, tokenHash } = newSecretToken();
  await CalendarFeedToken.deleteOne({ userId: props.userId });
  const created = await CalendarFeedToken.create({ userId: props.userId, tokenHash });
  await recordEvent({
    name: "calendarTokens.create",
    actorId: props.userId,
    subjectType: "User",
    subjectId: props.userId,
    data: {},
    context: props.context,
  });
  return { token, createdAt: created.createdAt };
}
