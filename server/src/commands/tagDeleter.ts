import type mongoose from "mongoose";
import { Tag, type TagDocument } from "../models/Tag.js";
import { removeTagEverywhere } from "../queries/taggedDocuments.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** Removes a tag from the taxonomy and from every thread, practice and analysis that had it (the client confirms). */
export async function tagDeleter(props: {
  tag: TagDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}): Promise<{ documents: number }> {
  await Tag.deleteOne({ _id: props.tag._id });
  const documents = await removeTagEverywhere(props.tag.slug);
  await recordEvent({
    name: "tags.delete",
    actorId: props.actorId,
    subjectType: "Tag",
    subjectId: props.tag._id,
    data: { slug: props.tag.slug, before: { name: props.tag.name }, documents },
    context: props.context,
  });
  return { documents };
}
