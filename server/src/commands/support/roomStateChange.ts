import type mongoose from "mongoose";
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

/**
 * Applies one change to a live room's state and records ONE event `meetings.<verb>`; the room's
 * pushes and the audit log follow from the event. A room that is not live refuses (409).
 */
export async function changeRoomState(
  props: RoomStateActor & {
    name: string;
    /** null: the change was made elsewhere (a chat message), the room's own state stays. */
    update: mongoose.UpdateQuery<MeetingDocument> | null;
    data: Record<string, unknown>;
  },
): Promise<MeetingDocument> {
  const live = { _id: props.meeting._id, status: "live" as const };
  const updated = props.update
    ? await Meeting.findOneAndUpdate(live, props.update, { returnDocument: "after" }).lean()
    : await Meeting.findOne(live).lean();
  if (!updated) throw conflict("Pokój spotkania nie jest otwarty.");
  await recordEvent({
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
