import ExcelJS from "exceljs";

/** One person of a generated participant list (Polish headers, as coordinators keep them in Excel). */
export interface ParticipantLine {
  firstName: string;
  lastName: string;
  email: string;
  /** TERYT code, or empty to match by `jst` name. */
  teryt: string;
  jst: string;
  position: string;
  group: string;
}

/** Headers in an order of Excel's own, not the forum's: the reader must recognise them by name. */
const HEADERS = ["Nazwisko", "Imię", "Adres e-mail", "Stanowisko", "Kod TERYT", "Nazwa JST", "Grupa"];

/** An XLSX workbook (written with exceljs, as Excel would save it) holding these people. */
export async function participantXlsx(lines: readonly ParticipantLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Uczestnicy");
  sheet.addRow(HEADERS);
  for (const line of lines)
    sheet.addRow([line.lastName, line.firstName, line.email, line.position, line.teryt, line.jst, line.group]);
  workbook.addWorksheet("Instrukcja").addRow(["Ten arkusz nie jest czytany."]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
