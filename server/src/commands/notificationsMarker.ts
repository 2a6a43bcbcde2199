import type mongoose from "mongoose";
import { Notification } from "../models/Notification.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface NotificationsMarkerProps {
  userId: mongoose.Types.ObjectId;
  /** One notification of this person; omitted: all of them (or all about `threadId`). */
  notificationId?: mongoose.Types.ObjectId;
  /** Every notification about this thread: the person has opened it, so what it told of is seen. */
  threadId?: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Marks a person's notifications read. Returns how many changed; only a change is recorded,
 * and the event updates the bell in the person's other tabs.
 */
export async function notificationsMarker(props: NotificationsMarkerProps): Promise<number> {
  const filter = props.notificationId
    ? { _id: props.notificationId, recipientId: props.userId, read: false }
    : props.threadId
      ? { recipientId: props.userId, threadId: props.threadId, read: false }
      : { recipientId: props.userId, read: false };
  const result = await Notification.updateMany(filter, { $set: { read: true } });
  if (result.modifiedCount > 0) {
    await recordEvent({
      name: "notifications.read",
      actorId: props.userId,
      subjectType: "User",
      subjectId: props.userId,
      data: {
        notificationId: props.notificationId?.toString() ?? null,
        count: result.modifiedCount,
        threadId: props.threadId?.toString() ?? null,
      },
      context: props.context,
    });
  }
  return result.modifiedCount;
}
