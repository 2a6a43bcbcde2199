import type { CohortReport, CohortReportRow } from "@forum/shared";

/** The report as one table, the same in the XLSX and the CSV: a row per group, then the cohort's. */
export const COHORT_REPORT_HEADER = [
  "Grupa",
  "Liczba JST",
  "JST według typu",
  "JST według województwa",
  "Uczestnicy (min. 1 dzień)",
  "Osobodni",
  "Spotkania odbyte",
  "Zapisy (osobodni)",
  "Zapisy zakończone obecnością",
  "Dobre praktyki opublikowane",
  "Analizy opublikowane",
];

const breakdown = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([name, count]) => `${name}: ${count}`)
    .join(", ");

export const TOTAL_LABEL = "Cała edycja";

export function cohortReportCells(row: CohortReportRow): (string | number)[] {
  return [
    row.group?.name ?? TOTAL_LABEL,
    row.jsts,
    breakdown(row.jstsByType),
    breakdown(row.jstsByVoivodeship),
    row.participants,
    row.personDays,
    row.sessionsHeld,
    row.registeredPersonDays,
    row.attendedRegisteredPersonDays,
    row.practicesPublished,
    row.analysesPublished ?? "—",
  ];
}

export const cohortReportRows = (report: CohortReport): (string | number)[][] =>
  [...report.groups, report.total].map(cohortReportCells);

export const cohortReportFileName = (report: CohortReport, extension: "xlsx" | "csv"): string =>
  `sprawozdanie-${report.cohort.startsOn}-${report.cohort.endsOn}.${extension}`;
