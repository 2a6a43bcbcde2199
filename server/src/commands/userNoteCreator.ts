import type mongoose from "mongoose";
import { UserNote, type UserNoteDocument } from "../models/UserNote.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserNoteCreatorProps {
  userId: mongoose.Types.ObjectId;
  authorId: mongoose.Types.ObjectId;
  body: string;
  context?: RequestContext;
}

/** A moderator's note about a person (seen only by moderators and admins). */
export async function userNoteCreator(props: UserNoteCreatorProps): Promise<UserNoteDocument> {
  const created = await UserNote.create({ userId: props.userId, authorId: props.authorId, body: props.body });
  const note = created.toObject() as UserNoteDocument;
  await recordEvent({
    name: "userNotes.create",
    actorId: props.authorId,
    subjectType: "UserNote",
    subjectId: note._id,
    data: { before: null, after: { body: note.body }, targetUserId: props.userId.toString() },
    context: props.context,
  });
  return note;
}
