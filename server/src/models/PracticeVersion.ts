import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** One saved state of a practice: the whole document as it was, who saved it and why (never changed afterwards). */
const practiceVersionSchema = new mongoose.Schema({
  practiceId: { type: mongoose.Schema.Types.ObjectId, ref: "Practice", required: true },
  number: { type: Number, required: true },
  title: { type: String, required: true },
  summary: { type: String, default: "" },
  context: { type: String, default: "" },
  actions: { type: String, default: "" },
  results: { type: String, default: "" },
  costs: { type: String, default: "" },
  fundingSources: { type: String, default: "" },
  timeFrame: { type: String, default: "" },
  contact: {
    name: { type: String, default: "" },
    email: { type: String, default: "" },
    phone: { type: String, default: "" },
  },
  jstIds: [{ type: mongoose.Schema.Types.ObjectId, ref: "Jst" }],
  tags: { type: [String], default: [] },
  attachmentIds: [{ type: mongoose.Schema.Types.ObjectId, ref: "Attachment" }],
  editorId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
  note: { type: String, default: "" },
  at: { type: Date, required: true },
});
practiceVersionSchema.index({ practiceId: 1, number: 1 }, { unique: true });

displayTextFields(practiceVersionSchema, ["title"]);
export type PracticeVersionDocument = InferSchemaType<typeof practiceVersionSchema> & { _id: mongoose.Types.ObjectId };
export const PracticeVersion = mongoose.model("PracticeVersion", practiceVersionSchema, "practiceVersions");
