import type { ConsentsUpdateInput } from "@forum/shared";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";

/** Version of the consent texts the person saw; kept with each change (RODO: provable consent). */
export const CONSENT_TEXT_VERSION = "2026-11-01";

export interface ConsentsUpdaterProps {
  user: UserDocument;
  consents: ConsentsUpdateInput;
  ip?: string | null;
}

/** Gives or withdraws consents; every change is recorded with time and text version. */
export async function consentsUpdater(props: ConsentsUpdaterProps): Promise<UserDocument> {
  const updated = await applyUserChanges(props.user._id, { consents: props.consents });
  await recordEvent({
    name: "users.updateConsents",
    actorId: props.user._id,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before: props.user.consents, after: props.consents, textVersion: CONSENT_TEXT_VERSION },
    ip: props.ip ?? null,
  });
  return updated;
}
