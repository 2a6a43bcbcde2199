import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/**
 * An uploaded file. It belongs to its uploader until a post (or a meeting's agenda) links to it;
 * from then on whoever may read that thread (or meeting) may download it. The stored file is named by a random key, never by
 * the user's name.
 */
const attachmentSchema = new mongoose.Schema(
  {
    uploaderId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    /** As the uploader's computer named it (Polish letters kept); used for the download. */
    originalName: { type: String, required: true },
    /** Found in the content, not taken from the name or the browser. */
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    storageKey: { type: String, required: true },
    /** Images only: a small WebP without metadata. */
    thumbnailKey: { type: String, default: null },
    /** Set when the first post linking to it is stored. */
    threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
    postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", default: null },
    /** Set when a meeting's agenda lists it as material: then whoever reads the meeting may download it. */
    meetingId: { type: mongoose.Schema.Types.ObjectId, ref: "Meeting", default: null },
    /** Set when a good practice lists it: then whoever may read the practice (visitors too, once public) may download it. */
    practiceId: { type: mongoose.Schema.Types.ObjectId, ref: "Practice", default: null },
    /** Set when the uploader's account was erased: the file is gone, posts show "Załącznik usunięty". */
    removedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
attachmentSchema.index({ uploaderId: 1, createdAt: -1 });
attachmentSchema.index({ postId: 1 });
attachmentSchema.index({ meetingId: 1 });

displayTextFields(attachmentSchema, ["originalName"]);
export type AttachmentDocument = InferSchemaType<typeof attachmentSchema> & { _id: mongoose.Types.ObjectId };
export const Attachment = mongoose.model("Attachment", attachmentSchema, "attachments");
