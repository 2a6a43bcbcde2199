import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { foldPolish, PARTICIPANT_COLUMNS, type ParticipantColumn, type ParticipantCells } from "@forum/shared";

/**
 * A participant list as coordinators keep it in Excel: one row per person, a header row whose
 * names are Polish and in any order ("Imię", "Nazwisko", "E-mail", "Kod TERYT", "JST",
 * "Stanowisko", "Grupa"…). Read as a stream, so a list of any length costs the memory of one row.
 */

/** Folded header names (see normaliseHeader) each column is recognised by. */
const HEADER_ALIASES: Record<ParticipantColumn, readonly string[]> = {
  firstName: ["imie", "imiona", "imie uczestnika"],
  lastName: ["nazwisko", "nazwisko uczestnika"],
  fullName: ["imie i nazwisko", "nazwisko i imie", "uczestnik", "uczestniczka", "osoba", "imie nazwisko"],
  email: ["e-mail", "email", "adres e-mail", "adres email", "mail", "poczta", "poczta e-mail", "e-mail sluzbowy"],
  teryt: ["teryt", "kod teryt", "kod jst", "terc", "kod terc", "identyfikator teryt"],
  jstName: [
    "jst",
    "nazwa jst",
    "samorzad",
    "jednostka",
    "jednostka samorzadu",
    "gmina",
    "powiat",
    "gmina/powiat",
    "urzad",
  ],
  position: ["stanowisko", "funkcja", "stanowisko sluzbowe"],
  group: ["grupa", "gwd", "grupa gwd", "grupa wymiany doswiadczen", "nazwa grupy"],
};

/** The largest list accepted: stage two plans ~3,300 officials; a file beyond this is not a participant list. */
export const PARTICIPANT_SHEET_MAX_ROWS = 5_000;

/** "Adres e-mail:" → "adres e-mail"; "IMIĘ*" → "imie". */
export function normaliseHeader(header: string): string {
  return foldPolish(header)
    .replace(/[*:.()"„”]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Which column each header names (null for columns we do not read). */
export function mapHeaders(headers: readonly string[]): (ParticipantColumn | null)[] {
  const taken = new Set<ParticipantColumn>();
  return headers.map((header) => {
    const name = normaliseHeader(header);
    const column = PARTICIPANT_COLUMNS.find(
      (candidate) => !taken.has(candidate) && HEADER_ALIASES[candidate].includes(name),
    );
    if (!column) return null;
    taken.add(column);
    return column;
  });
}

/** What is missing for the list to be usable: an e-mail column and a name (first + last, or full). */
export function missingColumns(columns: readonly (ParticipantColumn | null)[]): string[] {
  const has = (column: ParticipantColumn) => columns.includes(column);
  const missing: string[] = [];
  if (!has("email")) missing.push("e-mail");
  if (!has("fullName") && !(has("firstName") && has("lastName"))) missing.push("imię i nazwisko");
  if (!has("teryt") && !has("jstName")) missing.push("kod TERYT albo nazwa JST");
  return missing;
}

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (the header is row 1 when it is the first row). */
  line: number;
  cells: ParticipantCells;
}

export class ParticipantSheetError extends Error {}

const emptyCells = (): ParticipantCells =>
  Object.fromEntries(PARTICIPANT_COLUMNS.map((column) => [column, ""])) as ParticipantCells;

/** A TERYT code typed into Excel as a number loses its leading zero ("0201011" → 201011). */
export function restoreTerytZeros(value: string): string {
  const digits = value.replace(/\s/g, "");
  if (!/^\d+$/.test(digits)) return value.trim();
  if (digits.length === 1 || digits.length === 3 || digits.length === 6) return `0${digits}`;
  return digits;
}

/** Rows after the header, as cells by column; blank rows are skipped. */
async function* rowsAfterHeader(source: AsyncIterable<{ line: number; values: string[] }>): AsyncGenerator<SheetRow> {
  let columns: (ParticipantColumn | null)[] | null = null;
  let count = 0;
  for await (const { line, values } of source) {
    if (values.every((value) => value.trim() === "")) continue;
    if (!columns) {
      columns = mapHeaders(values);
      const missing = missingColumns(columns);
      if (missing.length > 0)
        throw new ParticipantSheetError(
          `W pierwszym wierszu arkusza brakuje kolumn: ${missing.join(", ")}. ` +
            "Nagłówki mogą być w dowolnej kolejności, np. Imię, Nazwisko, E-mail, Kod TERYT, JST, Stanowisko, Grupa.",
        );
      continue;
    }
    count += 1;
    if (count > PARTICIPANT_SHEET_MAX_ROWS)
      throw new ParticipantSheetError(`Lista może mieć najwyżej ${PARTICIPANT_SHEET_MAX_ROWS} wierszy.`);
    const cells = emptyCells();
    columns.forEach((column, index) => {
      if (column) cells[column] = (values[index] ?? "").replace(/\s+/g, " ").trim();
    });
    if (cells.teryt) cells.teryt = restoreTerytZeros(cells.teryt);
    yield { line, cells };
  }
  if (!columns) throw new ParticipantSheetError("Arkusz jest pusty.");
}

/** Text of an ExcelJS cell value: rich text, hyperlinks (e-mails often are), formula results, numbers. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value)
    return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

async function* xlsxRows(input: Readable): AsyncGenerator<{ line: number; values: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "cache",
    styles: "ignore",
    worksheets: "emit",
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const excelRow = row as ExcelJS.Row;
      const values: string[] = [];
      excelRow.eachCell({ includeEmpty: true }, (cell, column) => {
        values[column - 1] = cellText(cell.value);
      });
      yield { line: excelRow.number, values: Array.from(values, (value) => value ?? "") };
    }
    // Only the first sheet is the list; others are notes or instructions.
    return;
  }
}

/** Excel saves "CSV" in Windows-1250 on Polish systems unless told UTF-8; a BOM or valid UTF-8 says which. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1250").decode(bytes);
  }
}

/** The separator of the header line: Polish Excel writes semicolons, others commas or tabs. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", ",", "\t"].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

async function* csvRows(bytes: Buffer): AsyncGenerator<{ line: number; values: string[] }> {
  const text = decodeCsv(bytes);
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: guessDelimiter(text), relax_column_count: true, relax_quotes: true, info: true }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: record.info.lines, values: record.record };
  }
}

export type SheetKind = "xlsx" | "csv";

/** XLSX is a ZIP (starts with "PK"); anything else is read as CSV text. */
export function sheetKindOf(bytes: Buffer): SheetKind {
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b ? "xlsx" : "csv";
}

/** The rows of a participant list, XLSX or CSV; throws ParticipantSheetError with a Polish message. */
export async function* readParticipantSheet(bytes: Buffer): AsyncGenerator<SheetRow> {
  const kind = sheetKindOf(bytes);
  try {
    yield* rowsAfterHeader(kind === "xlsx" ? xlsxRows(Readable.from([bytes])) : csvRows(bytes));
  } catch (error) {
    if (error instanceof ParticipantSheetError) throw error;
    throw new ParticipantSheetError(
      kind === "xlsx"
        ? "Nie udało się odczytać pliku XLSX. Zapisz arkusz w Excelu jako „Skoroszyt programu Excel (*.xlsx)” i spróbuj ponownie."
        : "Nie udało się odczytać pliku CSV. Zapisz arkusz jako „CSV UTF-8 (rozdzielany przecinkami)” i spróbuj ponownie.",
      { cause: error },
    );
  }
}
