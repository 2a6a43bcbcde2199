import type {
  CertificateVerification,
  CohortReport,
  MeetingDocumentsView,
  MyCertificatesView,
} from "../meetingDocuments.js";
import { defineEndpoints, file, json, lookup, objectId } from "./endpoint.js";
import { z } from "zod";

/** A certificate's verification code: 10 letters and digits of an alphabet without look-alikes. */
export const CERTIFICATE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{10}$/;
const certificateCode = lookup(z.string().toUpperCase().regex(CERTIFICATE_CODE_PATTERN));

/** A session's attendance sheet, certificates of participation and their verification, the programme's report. */
export const meetingDocumentEndpoints = defineEndpoints("Dokumenty spotkań", {
  meetingDocuments: {
    method: "get",
    path: "/meetings/:id/documents",
    summary: "Dokumenty spotkania dostępne dla mnie",
    signedIn: true,
    params: { id: objectId },
    response: json<MeetingDocumentsView>(),
  },
  attendanceSheet: {
    method: "get",
    path: "/meetings/:id/attendance-sheet.pdf",
    summary: "Lista obecności (PDF)",
    signedIn: true,
    params: { id: objectId },
    response: file("pdf"),
  },
  meetingCertificate: {
    method: "get",
    path: "/meetings/:id/certificate.pdf",
    summary: "Zaświadczenie o udziale w spotkaniu (PDF)",
    signedIn: true,
    params: { id: objectId },
    response: file("pdf"),
  },
  cohortCertificate: {
    method: "get",
    path: "/cohorts/:id/certificate.pdf",
    summary: "Zaświadczenie o udziale w programie (PDF)",
    signedIn: true,
    params: { id: objectId },
    response: file("pdf"),
  },
  myCertificates: {
    method: "get",
    path: "/me/certificates",
    summary: "Moje zaświadczenia za program",
    signedIn: true,
    response: json<MyCertificatesView>(),
  },
  verifyCertificate: {
    method: "get",
    path: "/certificates/:code",
    summary: "Weryfikacja zaświadczenia",
    signedIn: false,
    params: { code: certificateCode },
    response: json<{ certificate: CertificateVerification }>(),
  },
  cohortReport: {
    method: "get",
    path: "/cohorts/:id/report",
    summary: "Sprawozdanie z edycji programu",
    signedIn: true,
    params: { id: objectId },
    response: json<{ report: CohortReport }>(),
  },
  cohortReportXlsx: {
    method: "get",
    path: "/cohorts/:id/report.xlsx",
    summary: "Sprawozdanie z edycji programu (XLSX)",
    signedIn: true,
    params: { id: objectId },
    response: file("xlsx"),
  },
  cohortReportCsv: {
    method: "get",
    path: "/cohorts/:id/report.csv",
    summary: "Sprawozdanie z edycji programu (CSV)",
    signedIn: true,
    params: { id: objectId },
    response: file("csv"),
  },
});
