import { createHash } from "node:crypto";
import {
  CONSENT_KINDS,
  CONSENT_TEXT_VERSION,
  consentWording,
  type ConsentKind,
  type ConsentsUpdateInput,
} from "@forum/shared";
import { applyUserChanges } from "../models/applyUserChanges.js";
import { ConsentRecord, type ConsentChannel } from "../models/ConsentRecord.js";
import type { UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export { CONSENT_TEXT_VERSION };

export interface ConsentsUpdaterProps {
  user: UserDocument;
  consents: ConsentsUpdateInput;
  context?: RequestContext;
  /** How the person made the change; the profile form unless said otherwise. */
  channel?: ConsentChannel;
}

type ConsentValues = ConsentsUpdateInput;

const currentValues = (user: UserDocument): ConsentValues => ({
  digest: user.consents?.digest ?? "off",
  mentionEmails: user.consents?.mentionEmails ?? false,
  directoryListing: user.consents?.directoryListing ?? false,
  newsletter: user.consents?.newsletter ?? false,
});

const isGiven = (kind: ConsentKind, values: ConsentValues): boolean =>
  kind === "digest" ? values.digest !== "off" : values[kind];

/** The Polish wording is the binding one; its digest proves later which words were agreed to. */
const textDigest = (kind: ConsentKind): string => {
  const wording = consentWording(kind, "pl", CONSENT_TEXT_VERSION);
  return createHash("sha256").update(`${wording.label}\n${wording.text}`).digest("hex");
};

/** Gives or withdraws consents; every consent that changed gets a ConsentRecord with time and text version. */
export async function consentsUpdater(props: ConsentsUpdaterProps): Promise<UserDocument> {
  const before = currentValues(props.user);
  const after = props.consents;
  const changed = CONSENT_KINDS.filter((kind) => before[kind] !== after[kind]);
  if (changed.length === 0) return props.user;
  const updated = await applyUserChanges(props.user._id, { consents: after });
  const at = new Date();
  await ConsentRecord.insertMany(
    changed.map((kind) => ({
      userId: props.user._id,
      kind,
      value: isGiven(kind, after) ? "given" : "withdrawn",
      frequency: kind === "digest" && after.digest !== "off" ? after.digest : null,
      textVersion: CONSENT_TEXT_VERSION,
      textDigest: textDigest(kind),
      channel: props.channel ?? "profile",
      at,
      ip: props.context?.ip ?? null,
    })),
  );
  await recordEvent({
    name: "users.updateConsents",
    actorId: props.user._id,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before, after, changed, textVersion: CONSENT_TEXT_VERSION },
    context: props.context,
  });
  return updated;
}
