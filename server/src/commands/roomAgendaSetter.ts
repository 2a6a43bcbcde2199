import type mongoose from "mongoose";
import { badRequest, conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomAgendaSetterProps {
  /** The meeting as loaded by the route (already authorized). */
  meeting: MeetingDocument;
  /** The item everyone sees highlighted; null: none. */
  agendaItemId: mongoose.Types.ObjectId | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export const roomNotLive = () => conflict("Pokój spotkania nie jest otwarty.");

/** The moderator moves the room on to another point of the programme. */
export async function roomAgendaSetter(props: RoomAgendaSetterProps): Promise<MeetingDocument> {
  const { meeting, agendaItemId } = props;
  if (agendaItemId && !meeting.agenda.some((item) => item._id.equals(agendaItemId)))
    throw badRequest("Nie ma takiego punktu w programie spotkania.");
  const updated = await Meeting.findOneAndUpdate(
    { _id: meeting._id, status: "live" },
    { $set: { "room.currentAgendaItemId": agendaItemId } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw roomNotLive();
  await recordEvent({
    name: "meetings.setAgendaItem",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: meeting._id,
    groupId: meeting.groupId,
    data: {
      before: { currentAgendaItemId: meeting.room?.currentAgendaItemId?.toString() ?? null },
      after: { currentAgendaItemId: agendaItemId?.toString() ?? null },
    },
    context: props.context,
  });
  return updated;
}
