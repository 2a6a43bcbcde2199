import mongoose, { type InferSchemaType } from "mongoose";

/** Someone following a tag: notified of new threads and published practices and analyses carrying it. */
const tagFollowSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    tagSlug: { type: String, required: true },
  },
  { timestamps: true },
);
tagFollowSchema.index({ userId: 1, tagSlug: 1 }, { unique: true });
tagFollowSchema.index({ tagSlug: 1 });

export type TagFollowDocument = InferSchemaType<typeof tagFollowSchema> & { _id: mongoose.Types.ObjectId };
export const TagFollow = mongoose.model("TagFollow", tagFollowSchema, "tagFollows");
