import ExcelJS from "exceljs";
import type { CohortReport } from "@forum/shared";
import { formulaSafeCell } from "../infra/spreadsheetCsv.js";
import { COHORT_REPORT_HEADER, cohortReportRows } from "./cohortReportTable.js";

/**
 * The programme's report as a workbook: a title row, the table (a row per group and one for the cohort) and
 * the notes saying how each figure is counted. Every text cell goes through `formulaSafeCell`: group names
 * were typed by people.
 */
export async function cohortReportXlsx(report: CohortReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Forum Współpracy JST";
  const sheet = workbook.addWorksheet("Sprawozdanie");
  sheet.addRow([
    formulaSafeCell(`Sprawozdanie: ${report.cohort.name} (${report.cohort.startsOn} – ${report.cohort.endsOn})`),
  ]);
  sheet.getRow(1).font = { bold: true, size: 13 };
  const header = sheet.addRow(COHORT_REPORT_HEADER);
  header.font = { bold: true };
  for (const row of cohortReportRows(report)) sheet.addRow(row.map(formulaSafeCell));
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(["Uwagi", report.notes]);
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 32 : index < 4 ? 28 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
