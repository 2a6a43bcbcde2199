/**
 * The documents a session leaves behind (issue 18): the attendance sheet, certificates of participation with
 * their public verification, and the programme's report for the funder.
 */

/** What the signed-in person may download for one meeting (asked of the policies, never of role names). */
export interface MeetingDocumentsView {
  canDownloadAttendanceSheet: boolean;
  /** They attended at least one day of the session. */
  canDownloadCertificate: boolean;
  /** The programme edition whose whole-cohort certificate they may download too (they attended this session). */
  cohortCertificateId: string | null;
}

/** Programme editions the person attended at least one held session of: each has a whole-cohort certificate. */
export interface MyCertificatesView {
  cohorts: { id: string; name: string }[];
}

/** What the public verification page confirms: the name, the programme and the dates, nothing more. */
export interface CertificateVerification {
  code: string;
  name: string;
  programme: string;
  /** What the certificate is for: one session ("Spotkanie 3: …") or the whole programme edition. */
  subject: string;
  /** Polish calendar days (YYYY-MM-DD) the person took part on, in order. */
  days: string[];
  issuedAt: string;
}

/** One row of the programme's report: a group, or the whole cohort (`group: null`). */
export interface CohortReportRow {
  group: { id: string; slug: string; name: string } | null;
  jsts: number;
  /** JSTs by type name (Polish) and by voivodeship, only the ones present. */
  jstsByType: Record<string, number>;
  jstsByVoivodeship: Record<string, number>;
  participants: number;
  personDays: number;
  sessionsHeld: number;
  /** Person-days signed up for (on site or online) in held sessions, against person-days attended. */
  registeredPersonDays: number;
  attendedRegisteredPersonDays: number;
  practicesPublished: number;
  /** Published thematic analyses: counted for the cohort only (analyses are the programme's, not a group's). */
  analysesPublished: number | null;
}

export interface CohortReport {
  cohort: { id: string; name: string; startsOn: string; endsOn: string };
  groups: CohortReportRow[];
  total: CohortReportRow;
  /** How the figures are counted, in Polish, as the exports carry it. */
  notes: string;
}
