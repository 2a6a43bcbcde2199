import { randomInt } from "node:crypto";
import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { Certificate, type CertificateDocument } from "../models/Certificate.js";
import type { RequestContext } from "../requestContext.js";
import { recordEvent } from "./recordEvent.js";

/** Letters and digits nobody misreads when typing a code from paper (no I, O, 0, 1). */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;

const newCode = (): string =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

export interface CertificateIssuerProps {
  userId: mongoose.Types.ObjectId;
  subjectType: "Meeting" | "Cohort";
  subjectId: mongoose.Types.ObjectId;
  name: string;
  programme: string;
  subject: string;
  days: string[];
  context?: RequestContext;
}

const sameDays = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

/**
 * The person's certificate for a session or a cohort: issued once with an unguessable code and handed out
 * again with the same code. A cohort's certificate grows with the sessions held later; its days follow.
 */
export async function certificateIssuer(props: CertificateIssuerProps): Promise<CertificateDocument> {
  const key = { userId: props.userId, subjectType: props.subjectType, subjectId: props.subjectId };
  const existing = await Certificate.findOne(key).lean();
  if (existing) {
    if (sameDays(existing.days, props.days) && existing.name === props.name) return existing;
    return (await Certificate.findOneAndUpdate(
      key,
      { $set: { days: props.days, name: props.name, subject: props.subject, programme: props.programme } },
      { new: true },
    ).lean()) as CertificateDocument;
  }
  for (;;) {
    try {
      const created = await Certificate.create({
        ...key,
        code: newCode(),
        name: props.name,
        programme: props.programme,
        subject: props.subject,
        days: props.days,
        issuedAt: new Date(),
      });
      await recordEvent({
        name: "certificates.issue",
        actorId: props.userId,
        subjectType: "Certificate",
        subjectId: created._id,
        data: {
          code: created.code,
          subjectType: props.subjectType,
          subjectId: props.subjectId.toHexString(),
          days: props.days,
        },
        context: props.context,
      });
      return created.toObject() as CertificateDocument;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // The same person downloading twice at once: hand out the one that won.
      const raced = await Certificate.findOne(key).lean();
      if (raced) return raced;
      // Otherwise the code was taken (about one in 10^15): draw another.
    }
  }
}
