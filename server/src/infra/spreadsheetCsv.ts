import { stringify } from "csv-stringify/sync";

/** Excel reads a UTF-8 file as such (Polish letters intact) only when it starts with a BOM. */
const BYTE_ORDER_MARK = "\uFEFF";

export type CsvCell = string | number | boolean | null;

/**
 * What Excel and LibreOffice take as the start of a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, a tab
 * or a carriage return. A formula can run commands (DDE) or send the sheet's data away (HYPERLINK, WEBSERVICE),
 * and every text here may have been typed by someone else: a display name, a moderator's reason, a post.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain number written as text ("-12", "-3,5"): a spreadsheet reads it as the number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * A cell as text a spreadsheet shows as typed. Text that would start a formula gets a leading `'`, which both
 * programs read as "this is text" (OWASP's remedy); numbers stay numbers, so sums over a column keep working.
 */
export function formulaSafeCell(cell: CsvCell): CsvCell {
  if (typeof cell !== "string" || !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * A CSV file Excel and LibreOffice open as they are: BOM, CRLF line ends and, by default, semicolons
 * (what Excel expects with Polish regional settings). Every CSV the forum hands out is written here, so every
 * cell goes through `formulaSafeCell` (csv-stringify is imported nowhere else: see eslint.config.js).
 */
export function spreadsheetCsv(header: string[], rows: CsvCell[][], delimiter: ";" | "," = ";"): string {
  const safe = [header, ...rows].map((row) => row.map(formulaSafeCell));
  return BYTE_ORDER_MARK + stringify(safe, { delimiter, record_delimiter: "windows" });
}
