import type mongoose from "mongoose";
import { UserNote, type UserNoteDocument } from "../models/UserNote.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserNoteDeleterProps {
  note: UserNoteDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Removes the note; its text stays in the event, so the audit log still has it. */
export async function userNoteDeleter(props: UserNoteDeleterProps): Promise<void> {
  await UserNote.deleteOne({ _id: props.note._id });
  await recordEvent({
    name: "userNotes.delete",
    actorId: props.actorId,
    subjectType: "UserNote",
    subjectId: props.note._id,
    data: { before: { body: props.note.body }, after: null, targetUserId: props.note.userId.toString() },
    context: props.context,
  });
}
