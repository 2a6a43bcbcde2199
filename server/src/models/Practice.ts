import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";
import { PRACTICE_STATUSES } from "@forum/shared";

/** One markdown part of a practice, kept as written and as rendered (markdown-it + DOMPurify at write time). */
const practiceTextSchema = new mongoose.Schema(
  { markdown: { type: String, default: "" }, html: { type: String, default: "" } },
  { _id: false },
);

/**
 * A good practice (dobra praktyka): a structured document with a lifecycle (see PRACTICE_STATUSES). The current text
 * lives here; every saved change is also kept as a PracticeVersion.
 */
const practiceSchema = new mongoose.Schema(
  {
    title: { type: String, required: true, trim: true },
    /** Plain text, a few sentences: shown in lists and search results. */
    summary: { type: String, default: "" },
    context: { type: practiceTextSchema, default: () => ({}) },
    actions: { type: practiceTextSchema, default: () => ({}) },
    results: { type: practiceTextSchema, default: () => ({}) },
    costs: { type: practiceTextSchema, default: () => ({}) },
    fundingSources: { type: String, default: "" },
    timeFrame: { type: String, default: "" },
    contact: {
      name: { type: String, default: "" },
      email: { type: String, default: "" },
      phone: { type: String, default: "" },
    },
    /** Bounded: a practice names the few JSTs that carried it out. */
    jstIds: [{ type: mongoose.Schema.Types.ObjectId, ref: "Jst" }],
    /** Denormalised from jstIds for the library's filters and the map: TERYT voivodeship codes and JST types. */
    voivodeshipCodes: { type: [String], default: [] },
    jstTypes: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    attachmentIds: [{ type: mongoose.Schema.Types.ObjectId, ref: "Attachment" }],
    /** The group it was written in (its members see the draft's progress); null: written for the whole network. */
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    status: { type: String, required: true, enum: PRACTICE_STATUSES, default: "draft" },
    /** Moderator's choice: visible to visitors without signing in, once published. */
    isPublic: { type: Boolean, default: false },
    /** Number of the current PracticeVersion (1 for the first save). */
    version: { type: Number, default: 1 },
    /** The thread (and post) it was written from, kept as a link both ways. */
    source: {
      threadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
      postId: { type: mongoose.Schema.Types.ObjectId, ref: "Post", default: null },
    },
    reviewerId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    submittedAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    publishedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true },
);
practiceSchema.index({ status: 1, publishedAt: -1 });
practiceSchema.index({ authorId: 1, updatedAt: -1 });
practiceSchema.index({ tags: 1, publishedAt: -1 });
practiceSchema.index({ "source.threadId": 1 });
/** A group's published practices, for the programme's report. */
practiceSchema.index({ groupId: 1, status: 1 });

displayTextFields(practiceSchema, ["title"]);
export type PracticeDocument = InferSchemaType<typeof practiceSchema> & { _id: mongoose.Types.ObjectId };
export const Practice = mongoose.model("Practice", practiceSchema, "practices");
