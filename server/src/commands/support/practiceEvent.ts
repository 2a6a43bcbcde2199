import type mongoose from "mongoose";
import type { PracticeDocument } from "../../models/Practice.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";

/** Records `practices.<verb>` with what every listener (notifications, search, the library) needs. */
export function recordPracticeEvent(
  verb: string,
  practice: Pick<PracticeDocument, "_id" | "title" | "groupId" | "authorId" | "status" | "isPublic" | "version">,
  actorId: mongoose.Types.ObjectId,
  context: RequestContext | undefined,
  data: Record<string, unknown> = {},
) {
  return recordEvent({
    name: `practices.${verb}`,
    actorId,
    subjectType: "Practice",
    subjectId: practice._id,
    groupId: practice.groupId ?? null,
    data: {
      title: practice.title,
      authorId: practice.authorId.toString(),
      status: practice.status,
      isPublic: practice.isPublic,
      version: practice.version,
      ...data,
    },
    context,
  });
}
