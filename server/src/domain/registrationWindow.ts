import { polishDateTime } from "./warsawTime.js";

interface RegistrationWindowSubject {
  status: string;
  endsAt: Date;
  registrationClosesAt?: Date | null;
}

/** Whether the session is over: nobody signs up for it any more, not even through a moderator. */
export const sessionIsOver = (meeting: RegistrationWindowSubject, now = new Date()): boolean =>
  meeting.status === "closed" || meeting.endsAt <= now;

export const SESSION_OVER_MESSAGE = "To spotkanie już się odbyło: zapisy są zamknięte.";

/** Why a member cannot answer the sign-up themselves now (Polish, shown and sent with 409), or null while open. */
export function registrationClosedReason(meeting: RegistrationWindowSubject, now = new Date()): string | null {
  if (sessionIsOver(meeting, now)) return SESSION_OVER_MESSAGE;
  if (meeting.registrationClosesAt && meeting.registrationClosesAt < now)
    return `Termin zapisów minął ${polishDateTime(meeting.registrationClosesAt)}. Zmianę może wprowadzić moderator grupy.`;
  return null;
}
