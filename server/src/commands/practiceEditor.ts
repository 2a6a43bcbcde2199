import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { PracticeVersion } from "../models/PracticeVersion.js";
import { linkPracticeAttachments, versionFields, type PracticeContent } from "./support/practiceContent.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export const STALE_PRACTICE_MESSAGE =
  "Ktoś zapisał w międzyczasie nowszą wersję tej praktyki. Twoje zmiany nie zostały zapisane — skopiuj je, odśwież stronę i wprowadź je ponownie.";

export interface PracticeEditorProps {
  practice: PracticeDocument;
  content: PracticeContent;
  /** The version the editor started from: a save over a newer one is refused. */
  baseVersion: number;
  note: string;
  editorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * A save writes the version first and moves the practice to it second; a crash in between leaves a version the
 * practice never reached, which would make every later save of that practice a 409. Such a version is abandoned once
 * it is older than any save can take, and the next save replaces it.
 */
const ABANDONED_VERSION_MS = 60_000;

async function removeAbandonedVersion(practiceId: mongoose.Types.ObjectId, number: number): Promise<boolean> {
  const [current, existing] = await Promise.all([
    Practice.findById(practiceId, { version: 1 }).lean(),
    PracticeVersion.findOne({ practiceId, number }, { at: 1 }).lean(),
  ]);
  if (!current || !existing || current.version >= number) return false;
  if (Date.now() - existing.at.getTime() < ABANDONED_VERSION_MS) return false;
  await PracticeVersion.deleteOne({ _id: existing._id });
  return true;
}

/** Saves the document as its next version; an editor working on an outdated version gets 409, never a silent loss. */
export async function practiceEditor(props: PracticeEditorProps): Promise<PracticeDocument> {
  const { practice } = props;
  if (props.baseVersion !== practice.version) throw conflict(STALE_PRACTICE_MESSAGE);
  const number = practice.version + 1;
  const at = new Date();
  const version = {
    practiceId: practice._id,
    number,
    ...versionFields(props.content),
    editorId: props.editorId,
    note: props.note,
    at,
  };
  try {
    // The unique (practiceId, number) index makes the version the lock: of two saves of version n, one wins.
    await PracticeVersion.create(version);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    if (!(await removeAbandonedVersion(practice._id, number))) throw conflict(STALE_PRACTICE_MESSAGE);
    await PracticeVersion.create(version);
  }
  const updated = await Practice.findOneAndUpdate(
    { _id: practice._id, version: practice.version },
    { $set: { ...props.content, version: number } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict(STALE_PRACTICE_MESSAGE);
  await linkPracticeAttachments(practice._id, props.content.attachmentIds);
  await recordEvent({
    name: "practices.update",
    actorId: props.editorId,
    ...practiceSubject(updated),
    data: { ...practiceFacts(updated), note: props.note },
    context: props.context,
  });
  return updated;
}
