import type { UserStatus } from "@forum/shared";
import type { UserDocument } from "../models/User.js";

/** A suspension with an end date is over once the date passes, even before anyone lifts it. */
export function effectiveStatus(user: Pick<UserDocument, "status" | "suspension">, now = new Date()): UserStatus {
  if (user.status === "suspended" && user.suspension?.until && user.suspension.until <= now) return "active";
  return user.status;
}

const dateFormat = new Intl.DateTimeFormat("pl-PL", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Warsaw",
});

/** What a suspended person is told at sign-in. */
export function suspensionMessage(user: Pick<UserDocument, "suspension">): string {
  const reason = user.suspension?.reason ? ` Powód: ${user.suspension.reason}.` : "";
  const until = user.suspension?.until ? ` Zawieszenie trwa do ${dateFormat.format(user.suspension.until)}.` : "";
  return `Konto jest zawieszone.${reason}${until} W razie pytań napisz do moderatorów Związku Miast Polskich.`;
}
