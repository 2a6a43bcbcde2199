import type mongoose from "mongoose";
import type { EventData } from "@forum/shared";
import { conflict } from "../../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../../models/Meeting.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";

/** Who changes a live room, and from where (for the audit log). */
export interface RoomStateActor {
  /** The meeting as loaded by the route (already authorized). */
  meeting: MeetingDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** The changes to a live room's shared state. */
export type RoomStateEventName =
  "meetings.mute" | "meetings.unmute" | "meetings.setSlowMode" | "meetings.pinMessage" | "meetings.removeMessage";

/**
 * Applies one change to a live room's state and records ONE event `meetings.<verb>`; the room's
 * pushes and the audit log follow from the event. A room that is not live refuses (409).
 */
export async function changeRoomState<Name extends RoomStateEventName>(
  props: RoomStateActor & {
    name: Name;
    /** null: the change was made elsewhere (a chat message), the room's own state stays. */
    update: mongoose.UpdateQuery<MeetingDocument> | null;
    data: EventData<Name>;
  },
): Promise<MeetingDocument> {
  const live = { _id: props.meeting._id, status: "live" as const };
  const updated = props.update
    ? await Meeting.findOneAndUpdate(live, props.update, { returnDocument: "after" }).lean()
    : await Meeting.findOne(live).lean();
  if (!updated) throw conflict("Pokój spotkania nie jest otwarty.");
  await recordEvent<RoomStateEventName>({
    name: props.name,
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: updated._id,
    groupId: updated.groupId,
    data: props.data,
    context: props.context,
  });
  return updated as MeetingDocument;
}
