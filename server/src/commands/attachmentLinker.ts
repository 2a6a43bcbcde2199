import mongoose from "mongoose";
import { attachmentIdsIn } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Attachment } from "../models/Attachment.js";

export interface AttachmentLinkerProps {
  /** The post's markdown as stored. */
  body: string;
  postId: mongoose.Types.ObjectId;
  threadId: mongoose.Types.ObjectId;
  /** Only files these people uploaded are linked: nobody can claim another person's upload. */
  uploaderIds: mongoose.Types.ObjectId[];
}

/**
 * Gives the post the not-yet-posted files its markdown links to, so they become readable by
 * the thread's readers. Part of postCreator/postEditor (their event lists the ids).
 * Returns the ids of the files linked now.
 */
export async function attachmentLinker(props: AttachmentLinkerProps): Promise<string[]> {
  const ids = attachmentIdsIn(props.body).map((id) => new mongoose.Types.ObjectId(id));
  if (ids.length === 0) return [];
  const filter = { _id: anyOf(ids), uploaderId: anyOf(props.uploaderIds), postId: null };
  const linkable = await Attachment.find(filter, { _id: 1 }).lean();
  if (linkable.length === 0) return [];
  await Attachment.updateMany(filter, { $set: { postId: props.postId, threadId: props.threadId } });
  return linkable.map((attachment) => attachment._id.toString());
}
