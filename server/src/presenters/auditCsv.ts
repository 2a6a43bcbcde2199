import { auditActionLabel, type AuditEntryView, type Role } from "@forum/shared";
import { spreadsheetCsv } from "../infra/spreadsheetCsv.js";

const ROLE_NAMES: Record<Role, string> = {
  admin: "administrator",
  moderator: "moderator",
  expert: "ekspert",
  member: "uczestnik",
};

const SUBJECT_NAMES: Record<string, string> = {
  User: "osoba",
  Thread: "wątek",
  Post: "wpis",
  Group: "grupa",
  Category: "kategoria",
  Meeting: "spotkanie",
  Invitation: "zaproszenie",
  Attachment: "załącznik",
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

/** The audit entries as a CSV file for Excel and LibreOffice (times in Polish time). */
export function auditCsv(entries: AuditEntryView[]): string {
  const rows = entries.map((entry) => [
    warsawTime.format(new Date(entry.createdAt)),
    entry.actor?.name ?? "system",
    entry.actor?.username ?? "",
    entry.actor ? ROLE_NAMES[entry.actor.role] : "",
    auditActionLabel(entry.name, "pl"),
    entry.name,
    [SUBJECT_NAMES[entry.subject.type] ?? entry.subject.type, entry.subject.label].filter(Boolean).join(": "),
    entry.changes.map((change) => `${change.field}: ${change.before ?? "—"} → ${change.after ?? "—"}`).join("; "),
    entry.reason ?? "",
    entry.ip ?? "",
  ]);
  return spreadsheetCsv(HEADER, rows, ",");
}
