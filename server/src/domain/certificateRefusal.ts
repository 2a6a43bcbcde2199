import type { MeetingStatus } from "@forum/shared";

/**
 * Why a person gets no certificate for a session they may see, or null when they get one: a certificate is
 * for a held session (closed), and only for the days they were in the room.
 */
export function meetingCertificateRefusal(status: MeetingStatus, daysAttended: number): string | null {
  if (status !== "closed") return "Zaświadczenie będzie dostępne po zakończeniu spotkania.";
  if (daysAttended === 0) return "Nie ma zaświadczenia: nie ma Cię na liście obecności żadnego dnia tego spotkania.";
  return null;
}

export const COHORT_CERTIFICATE_REFUSAL =
  "Nie ma zaświadczenia: nie ma Cię na liście obecności żadnego odbytego spotkania tej edycji programu.";
