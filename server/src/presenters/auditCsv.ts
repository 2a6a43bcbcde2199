import { eventLabel, subjectLabel, type AuditEntryView, type Role } from "@forum/shared";
import { spreadsheetCsv } from "../infra/spreadsheetCsv.js";

const ROLE_NAMES: Record<Role, string> = {
  admin: "administrator",
  moderator: "moderator",
  expert: "ekspert",
  member: "uczestnik",
};

const warsawTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Warsaw",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

const HEADER = ["Kiedy", "Kto", "Login", "Rola", "Czynność", "Kod czynności", "Czego dotyczy", "Zmiany", "Powód", "IP"];

/**
 * The audit entries as a CSV file for Excel and LibreOffice (times in Polish time). Actions and subjects are named
 * from the events' table (shared/src/eventLabels.ts); like "Kod czynności", the changes keep the stored field codes
 * and values, so that a record can be matched with the data it describes.
 */
export function auditCsv(entries: AuditEntryView[]): string {
  const rows = entries.map((entry) => [
    warsawTime.format(new Date(entry.createdAt)),
    entry.actor?.name ?? "system",
    entry.actor?.username ?? "",
    entry.actor ? ROLE_NAMES[entry.actor.role] : "",
    eventLabel(entry.name, "pl"),
    entry.name,
    [subjectLabel(entry.subject.type, "pl"), entry.subject.label].filter(Boolean).join(": "),
    entry.changes.map((change) => `${change.field}: ${change.before ?? "—"} → ${change.after ?? "—"}`).join("; "),
    entry.reason ?? "",
    entry.ip ?? "",
  ]);
  return spreadsheetCsv(HEADER, rows, ",");
}
