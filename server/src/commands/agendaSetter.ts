import mongoose from "mongoose";
import type { AgendaItemInput } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { badRequest, notFound } from "../errors/AppError.js";
import { Attachment } from "../models/Attachment.js";
import { Meeting, type AgendaItemDocument, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AgendaSetterProps {
  /** The meeting as loaded (already authorized). */
  meeting: MeetingDocument;
  /** The whole programme in the order the moderator arranged it. */
  items: AgendaItemInput[];
  /** Null for the seed (which links no files). */
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/**
 * The files an agenda may list: those already this meeting's materials, and the actor's own uploads
 * that are in no post and no other meeting. Anything else is refused, so nobody can expose a file
 * of someone else (or of another group) by naming its id.
 */
async function linkableMaterials(props: AgendaSetterProps, ids: mongoose.Types.ObjectId[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const candidates = await Attachment.find({ _id: anyOf(ids) }, { uploaderId: 1, postId: 1, meetingId: 1 }).lean();
  const linkable = candidates.filter(
    (file) =>
      file.meetingId?.equals(props.meeting._id) ||
      (file.meetingId === null &&
        file.postId === null &&
        props.actorId !== null &&
        file.uploaderId.equals(props.actorId)),
  );
  return new Set(linkable.map((file) => file._id.toString()));
}

/** Replaces a session's programme and makes the listed files readable by the meeting's readers. */
export async function agendaSetter(props: AgendaSetterProps): Promise<MeetingDocument> {
  const existingIds = new Set((props.meeting.agenda as AgendaItemDocument[]).map((item) => item._id.toString()));
  const requested = [...new Set(props.items.flatMap((item) => item.attachmentIds))].map(
    (id) => new mongoose.Types.ObjectId(id),
  );
  const linkable = await linkableMaterials(props, requested);
  const refused = props.items.findIndex((item) => item.attachmentIds.some((id) => !linkable.has(id)));
  if (refused !== -1) {
    const message = "Nie można dołączyć tego materiału. Prześlij plik ponownie.";
    throw badRequest(message, { [`items.${refused}.attachmentIds`]: message });
  }
  const agenda = props.items.map((item) => ({
    // An item that was already on the programme keeps its id (the room may be showing it as current).
    _id: item.id && existingIds.has(item.id) ? new mongoose.Types.ObjectId(item.id) : new mongoose.Types.ObjectId(),
    day: item.day,
    startTime: item.startTime,
    endTime: item.endTime,
    title: item.title,
    speaker: item.speaker,
    description: item.description,
    attachmentIds: [...new Set(item.attachmentIds)].map((id) => new mongoose.Types.ObjectId(id)),
  }));
  const updated = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id },
    { $set: { agenda } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound();
  if (requested.length > 0) {
    await Attachment.updateMany({ _id: anyOf(requested), meetingId: null }, { $set: { meetingId: updated._id } });
  }
  await recordEvent({
    name: "meetings.setAgenda",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: updated._id,
    groupId: updated.groupId,
    data: {
      before: { items: existingIds.size },
      after: { items: agenda.length, materials: requested.map((id) => id.toString()) },
    },
    context: props.context,
  });
  return updated;
}
