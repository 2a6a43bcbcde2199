import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Tag } from "../models/Tag.js";
import { TagGroup, type TagGroupDocument } from "../models/TagGroup.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** Removes an empty tag group; one that still has tags is refused, so no tag is lost by accident. */
export async function tagGroupDeleter(props: {
  tagGroup: TagGroupDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}): Promise<void> {
  if (await Tag.exists({ tagGroupId: props.tagGroup._id }))
    throw conflict("Ta grupa ma jeszcze tagi: najpierw je usuń, scal albo przenieś do innej grupy.");
  await TagGroup.deleteOne({ _id: props.tagGroup._id });
  await recordEvent({
    name: "tags.deleteGroup",
    actorId: props.actorId,
    subjectType: "TagGroup",
    subjectId: props.tagGroup._id,
    data: { slug: props.tagGroup.slug, before: { name: props.tagGroup.name } },
    context: props.context,
  });
}
