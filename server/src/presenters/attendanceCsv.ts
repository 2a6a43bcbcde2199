import type { AttendanceReport, AttendanceRow } from "@forum/shared";
import { spreadsheetCsv } from "../infra/spreadsheetCsv.js";
import { warsawDateTime } from "../domain/warsawTime.js";

const HEADER = ["Dzień", "Imię i nazwisko", "JST", "Pierwsze wejście", "Ostatnie wyjście", "Minut obecności"];
const WHOLE_MEETING = "całe spotkanie";

const row = (entry: AttendanceRow): (string | number)[] => [
  entry.day ?? WHOLE_MEETING,
  entry.name,
  entry.jst ?? "",
  warsawDateTime(new Date(entry.firstJoinedAt)),
  entry.lastLeftAt ? warsawDateTime(new Date(entry.lastLeftAt)) : "obecny(-a)",
  entry.minutesPresent,
];

/**
 * The attendance list for Excel: semicolons (what Excel expects with Polish regional settings),
 * times in Polish time, each day's rows and then one row per person for the whole meeting.
 */
export function attendanceCsv(report: AttendanceReport): string {
  const rows = [...report.days.flatMap((day) => day.rows), ...report.total].map(row);
  return spreadsheetCsv(HEADER, rows);
}
