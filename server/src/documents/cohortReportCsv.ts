import type { CohortReport } from "@forum/shared";
import { spreadsheetCsv } from "../infra/spreadsheetCsv.js";
import { COHORT_REPORT_HEADER, cohortReportRows } from "./cohortReportTable.js";

/** The programme's report as CSV for Excel (formula-safe): the table, then a row with the notes. */
export function cohortReportCsv(report: CohortReport): string {
  const blank = COHORT_REPORT_HEADER.map(() => "");
  return spreadsheetCsv(COHORT_REPORT_HEADER, [
    ...cohortReportRows(report),
    ["Uwagi", report.notes, ...blank.slice(2)],
  ]);
}
