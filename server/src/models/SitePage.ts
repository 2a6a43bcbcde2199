import mongoose, { type InferSchemaType } from "mongoose";
import { SITE_PAGE_SLUGS } from "@forum/shared";

/** A page admins edit in the browser (privacy notice, accessibility statement); one document per slug. */
const sitePageSchema = new mongoose.Schema({
  slug: { type: String, required: true, enum: SITE_PAGE_SLUGS, unique: true },
  title: { type: String, required: true },
  markdown: { type: String, required: true },
  /** Rendered and sanitized when saved, like posts. */
  html: { type: String, required: true },
  /** Starts at 1; a save based on an older version is refused (two admins never overwrite each other). */
  version: { type: Number, required: true, default: 1 },
  updatedAt: { type: Date, required: true, default: () => new Date() },
  /** null for the text the forum ships with. */
  updatedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
});

export type SitePageDocument = InferSchemaType<typeof sitePageSchema> & { _id: mongoose.Types.ObjectId };
export const SitePage = mongoose.model("SitePage", sitePageSchema, "sitepages");
