import type { SilenceTerms } from "@forum/shared";
import type { UserDocument } from "../../models/User.js";

/** A silence in force as the events keep it (before/after), or null. */
export const silenceTerms = (silence: UserDocument["silence"] | undefined): SilenceTerms | null =>
  silence?.reason ? { reason: silence.reason, until: silence.until ?? null } : null;
