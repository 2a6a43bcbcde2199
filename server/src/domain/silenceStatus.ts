import type { UserDocument } from "../models/User.js";

export interface SilenceInForce {
  reason: string;
  /** null: until a moderator lifts it. */
  until: Date | null;
}

/** The silence in force now; one whose end date has passed is over without anyone lifting it. */
export function activeSilence(user: Pick<UserDocument, "silence">, now = new Date()): SilenceInForce | null {
  const silence = user.silence;
  if (!silence?.reason) return null;
  if (silence.until && silence.until <= now) return null;
  return { reason: silence.reason, until: silence.until ?? null };
}

const dateFormat = new Intl.DateTimeFormat("pl-PL", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Warsaw",
});

/** What a silenced person is told when a write is refused (the client says the same above the composer). */
export function silenceMessage(silence: SilenceInForce): string {
  const until = silence.until ? `do ${dateFormat.format(silence.until)}` : "do odwołania";
  return `Twoje konto jest wyciszone ${until}: ${silence.reason}`;
}
