import { stringify } from "csv-stringify/sync";

/** Excel reads a UTF-8 file as such (Polish letters intact) only when it starts with a BOM. */
const BYTE_ORDER_MARK = "\uFEFF";

export type CsvCell = string | number | boolean | null;

/**
 * A CSV file Excel and LibreOffice open as they are: BOM, CRLF line ends and, by default, semicolons
 * (what Excel expects with Polish regional settings).
 */
export function spreadsheetCsv(header: string[], rows: CsvCell[][], delimiter: ";" | "," = ";"): string {
  return BYTE_ORDER_MARK + stringify([header, ...rows], { delimiter, record_delimiter: "windows" });
}
