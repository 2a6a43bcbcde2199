import mongoose from "mongoose";
import type { PracticeFieldsInput } from "@forum/shared";
import { anyOf } from "../../db/anyOf.js";
import { badRequest } from "../../errors/AppError.js";
import { Attachment } from "../../models/Attachment.js";
import type { PracticeDocument } from "../../models/Practice.js";
import { jstWithTeryt } from "../../queries/jstCatalogue.js";
import { renderMarkdown } from "../../infra/markdown.js";
import { assertKnownTags } from "../../queries/tagDirectory.js";

/** The stored form of the editor's fields: markdown rendered once, JSTs resolved and their facts denormalised. */
export interface PracticeContent {
  title: string;
  summary: string;
  context: { markdown: string; html: string };
  actions: { markdown: string; html: string };
  results: { markdown: string; html: string };
  costs: { markdown: string; html: string };
  fundingSources: string;
  timeFrame: string;
  contact: { name: string; email: string; phone: string };
  jstIds: mongoose.Types.ObjectId[];
  voivodeshipCodes: string[];
  jstTypes: string[];
  tags: string[];
  attachmentIds: mongoose.Types.ObjectId[];
}

const rendered = (markdown: string) => ({ markdown, html: markdown ? renderMarkdown(markdown) : "" });

async function resolveJsts(codes: string[]) {
  const jsts = await Promise.all(codes.map((code) => jstWithTeryt(code)));
  const unknown = codes.filter((_code, index) => !jsts[index]);
  if (unknown.length > 0) {
    throw badRequest(`Nie znaleziono JST o kodach TERYT: ${unknown.join(", ")}.`, { jsts: "Wybierz JST z listy." });
  }
  const found = jsts.filter((jst) => jst !== null);
  return {
    jstIds: found.map((jst) => jst._id),
    voivodeshipCodes: [...new Set(found.map((jst) => jst.voivodeshipCode))],
    jstTypes: [...new Set(found.map((jst) => jst.type))],
  };
}

/**
 * Files a practice may list: the author's or editor's own uploads not yet in a post or meeting, or files it already
 * lists. Anything else is refused by name, so nobody publishes another person's file.
 */
async function checkAttachments(
  ids: string[],
  uploaderIds: mongoose.Types.ObjectId[],
  practiceId: mongoose.Types.ObjectId | null,
): Promise<mongoose.Types.ObjectId[]> {
  if (ids.length === 0) return [];
  const attachments = await Attachment.find(
    { _id: anyOf(ids) },
    { uploaderId: 1, postId: 1, meetingId: 1, practiceId: 1 },
  ).lean();
  const byId = new Map(attachments.map((attachment) => [attachment._id.toString(), attachment]));
  const allowed = ids.every((id) => {
    const attachment = byId.get(id);
    if (!attachment) return false;
    if (practiceId && attachment.practiceId?.equals(practiceId)) return true;
    if (attachment.postId || attachment.meetingId || attachment.practiceId) return false;
    return uploaderIds.some((uploaderId) => uploaderId.equals(attachment.uploaderId));
  });
  if (!allowed) {
    throw badRequest("Można dołączyć tylko własne, nowo przesłane pliki.", {
      attachmentIds: "Prześlij plik ponownie.",
    });
  }
  return ids.map((id) => new mongoose.Types.ObjectId(id));
}

export async function preparePracticeContent(
  input: PracticeFieldsInput,
  options: { uploaderIds: mongoose.Types.ObjectId[]; practiceId: mongoose.Types.ObjectId | null },
): Promise<PracticeContent> {
  await assertKnownTags(input.tags);
  const [jsts, attachmentIds] = await Promise.all([
    resolveJsts(input.jsts),
    checkAttachments(input.attachmentIds, options.uploaderIds, options.practiceId),
  ]);
  return {
    title: input.title,
    summary: input.summary,
    context: rendered(input.context),
    actions: rendered(input.actions),
    results: rendered(input.results),
    costs: rendered(input.costs),
    fundingSources: input.fundingSources,
    timeFrame: input.timeFrame,
    contact: input.contact,
    ...jsts,
    tags: input.tags,
    attachmentIds,
  };
}

/** Gives the listed files to the practice (and frees the ones it no longer lists, back to their uploader). */
export async function linkPracticeAttachments(
  practiceId: mongoose.Types.ObjectId,
  attachmentIds: mongoose.Types.ObjectId[],
): Promise<void> {
  const kept = new Set(attachmentIds.map(String));
  const listed = await Attachment.find({ practiceId }, { _id: 1 }).lean();
  const dropped = listed.filter((attachment) => !kept.has(attachment._id.toString())).map((item) => item._id);
  if (dropped.length) await Attachment.updateMany({ _id: anyOf(dropped) }, { $set: { practiceId: null } });
  if (attachmentIds.length) {
    await Attachment.updateMany({ _id: anyOf(attachmentIds), practiceId: null }, { $set: { practiceId } });
  }
}

/** The fields a version keeps (markdown only: HTML is rendered from it). */
export function versionFields(practice: Pick<PracticeDocument, keyof PracticeContent>) {
  return {
    title: practice.title,
    summary: practice.summary,
    context: practice.context?.markdown ?? "",
    actions: practice.actions?.markdown ?? "",
    results: practice.results?.markdown ?? "",
    costs: practice.costs?.markdown ?? "",
    fundingSources: practice.fundingSources,
    timeFrame: practice.timeFrame,
    contact: {
      name: practice.contact?.name ?? "",
      email: practice.contact?.email ?? "",
      phone: practice.contact?.phone ?? "",
    },
    jstIds: practice.jstIds,
    tags: practice.tags,
    attachmentIds: practice.attachmentIds,
  };
}
