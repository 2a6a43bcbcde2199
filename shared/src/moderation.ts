import type { Role } from "./constants.js";

/**
 * Words for the audit log, one entry per event name (`<collection>.<verb>`), in both languages:
 * the screen picks the reader's language and the CSV export uses Polish. A name missing here is
 * shown as it is (see auditActionLabel), so a new command never breaks the log.
 */
export const AUDIT_ACTIONS: Record<string, { pl: string; en: string }> = {
  "users.approveRequest": { pl: "Przyjęcie prośby o konto", en: "Account request approved" },
  "users.rejectRequest": { pl: "Odrzucenie prośby o konto", en: "Account request rejected" },
  "users.request": { pl: "Prośba o konto", en: "Account requested" },
  "users.requestForExisting": { pl: "Prośba o konto (adres już istnieje)", en: "Account requested (address exists)" },
  "users.create": { pl: "Założenie konta", en: "Account created" },
  "users.changeRole": { pl: "Zmiana roli", en: "Role changed" },
  "users.suspend": { pl: "Zawieszenie konta", en: "Account suspended" },
  "users.unsuspend": { pl: "Przywrócenie konta", en: "Account reinstated" },
  "users.silence": { pl: "Wyciszenie osoby", en: "Person silenced" },
  "users.unsilence": { pl: "Koniec wyciszenia", en: "Silence lifted" },
  "users.approve": { pl: "Zatwierdzenie nowej osoby", en: "New member approved" },
  "users.note": { pl: "Notatka moderatora", en: "Moderator note" },
  "users.changePassword": { pl: "Zmiana hasła", en: "Password changed" },
  "users.passwordResetRequest": { pl: "Prośba o reset hasła", en: "Password reset requested" },
  "users.passwordReset": { pl: "Reset hasła", en: "Password reset" },
  "users.updateProfile": { pl: "Zmiana profilu", en: "Profile updated" },
  "users.updateConsents": { pl: "Zmiana zgód", en: "Consents updated" },
  "users.erase": { pl: "Usunięcie konta (RODO)", en: "Account erased (GDPR)" },
  "users.restrict": { pl: "Ograniczenie przetwarzania (RODO)", en: "Processing restricted (GDPR)" },
  "users.unrestrict": { pl: "Zniesienie ograniczenia przetwarzania", en: "Processing restriction lifted" },
  "users.export": { pl: "Pobranie danych osobowych (RODO)", en: "Personal data exported (GDPR)" },
  "invitations.create": { pl: "Zaproszenie", en: "Invitation sent" },
  "invitations.resend": { pl: "Ponowne zaproszenie", en: "Invitation resent" },
  "invitations.accept": { pl: "Przyjęcie zaproszenia", en: "Invitation accepted" },
  "groups.create": { pl: "Utworzenie grupy", en: "Group created" },
  "groups.addMember": { pl: "Dodanie do grupy", en: "Added to a group" },
  "categories.create": { pl: "Utworzenie kategorii", en: "Category created" },
  "categories.update": { pl: "Zmiana kategorii", en: "Category changed" },
  "categories.move": { pl: "Przeniesienie kategorii", en: "Category moved" },
  "meetings.schedule": { pl: "Zaplanowanie spotkania", en: "Meeting scheduled" },
  "meetings.setAgendaItem": { pl: "Zmiana bieżącego punktu programu", en: "Current agenda item set" },
  "meetings.saveMinutes": { pl: "Zapis protokołu spotkania", en: "Meeting minutes saved" },
  "meetings.setNoteTaker": { pl: "Wyznaczenie protokolanta", en: "Note-taker assigned" },
  "meetings.closeRoom": { pl: "Zamknięcie pokoju spotkania", en: "Meeting room closed" },
  "threads.create": { pl: "Nowy wątek", en: "Thread started" },
  "threads.pin": { pl: "Przypięcie wątku", en: "Thread pinned" },
  "threads.unpin": { pl: "Odpięcie wątku", en: "Thread unpinned" },
  "threads.lock": { pl: "Zablokowanie wątku", en: "Thread locked" },
  "threads.unlock": { pl: "Odblokowanie wątku", en: "Thread unlocked" },
  "threads.close": { pl: "Zamknięcie wątku", en: "Thread closed" },
  "threads.reopen": { pl: "Ponowne otwarcie wątku", en: "Thread reopened" },
  "threads.slowMode": { pl: "Tryb powolny", en: "Slow mode" },
  "threads.rename": { pl: "Zmiana tytułu wątku", en: "Thread renamed" },
  "threads.retag": { pl: "Zmiana tagów wątku", en: "Thread tags changed" },
  "threads.move": { pl: "Przeniesienie wątku", en: "Thread moved" },
  "threads.merge": { pl: "Scalenie wątków", en: "Threads merged" },
  "threads.split": { pl: "Podział wątku", en: "Thread split" },
  "posts.create": { pl: "Nowy wpis", en: "Post written" },
  "posts.edit": { pl: "Edycja wpisu", en: "Post edited" },
  "posts.delete": { pl: "Usunięcie wpisu", en: "Post deleted" },
  "posts.hide": { pl: "Ukrycie wpisu", en: "Post hidden" },
  "posts.keepForRecord": { pl: "Zachowanie wpisu w dokumentacji grupy", en: "Post kept for the group's record" },
  "posts.releaseFromRecord": { pl: "Wpis już nie w dokumentacji grupy", en: "Post released from the group's record" },
  "posts.restore": { pl: "Przywrócenie wpisu", en: "Post restored" },
  "posts.modEdit": { pl: "Edycja wpisu przez moderatora", en: "Post edited by a moderator" },
  "posts.purge": { pl: "Trwałe usunięcie wpisu", en: "Post purged" },
  "posts.approve": { pl: "Zatwierdzenie wpisu", en: "Post approved" },
  "posts.reject": { pl: "Odrzucenie wpisu", en: "Post rejected" },
  "posts.react": { pl: "Reakcja", en: "Reaction" },
  "posts.unreact": { pl: "Cofnięcie reakcji", en: "Reaction removed" },
  "flags.create": { pl: "Zgłoszenie wpisu", en: "Post flagged" },
  "flags.resolve": { pl: "Rozpatrzenie zgłoszenia", en: "Flag resolved" },
  "flags.dismiss": { pl: "Odrzucenie zgłoszenia", en: "Flag dismissed" },
  "attachments.upload": { pl: "Dodanie załącznika", en: "Attachment uploaded" },
  "watches.update": { pl: "Zmiana obserwowania", en: "Watching changed" },
  "notifications.read": { pl: "Odczytanie powiadomień", en: "Notifications read" },
  "pages.update": { pl: "Zmiana strony informacyjnej", en: "Information page edited" },
};

export type AuditLocale = "pl" | "en";

export function auditActionLabel(name: string, locale: AuditLocale = "pl"): string {
  return AUDIT_ACTIONS[name]?.[locale] ?? name;
}

/** The person who did something, as the audit log shows them. */
export interface AuditActorView {
  id: string;
  name: string;
  username: string;
  role: Role;
}

/** What an audit entry is about; the screen builds the link from the type and ids. */
export interface AuditSubjectView {
  type: string;
  id: string;
  /** Thread title, person's name… null when the subject is gone or has no name. */
  label: string | null;
  /** For a post: its thread, to link to. */
  threadId: string | null;
  /** For a person: their profile address. */
  username: string | null;
  /** For a group: its address. */
  slug: string | null;
}

/** One changed field, values already written out as text. */
export interface AuditChangeView {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntryView {
  id: string;
  name: string;
  createdAt: string;
  actor: AuditActorView | null;
  subject: AuditSubjectView;
  changes: AuditChangeView[];
  reason: string | null;
  ip: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  nextCursor: string | null;
}

/** Moderators and admins who can be chosen in the log's person filter. */
export interface AuditActorsResponse {
  actors: AuditActorView[];
}

/** Items waiting for a moderator, per queue. */
export interface ModerationQueueCounts {
  accountRequests: number;
  flags: number;
  approvals: number;
  total: number;
}

export interface GroupMonthlyPosts {
  /** Null for the network-wide threads that belong to no group. */
  slug: string | null;
  name: string | null;
  /** Posts per month, oldest first, aligned with ProjectIndicators.months. */
  counts: number[];
}

/** Attendance summed over the held meetings that recorded it. */
export interface AttendanceTotals {
  /** Held meetings with attendance recorded. */
  meetings: number;
  /** People present, summed per meeting (one person at two meetings counts twice). */
  present: number;
  /** The groups' people (members and facilitators), summed per meeting: what `present` is out of. */
  expected: number;
  /** JSTs represented, summed per meeting. */
  jsts: number;
  /** Distinct (person, day) pairs: a two-day session attended fully counts two. */
  personDays: number;
}

export interface ProjectIndicators {
  /** Distinct JSTs that belong to any group. */
  jstCount: number;
  /** Active accounts seen (signed in) or that wrote a post in the last `activeDays` days. */
  activeMembers: number;
  activeDays: number;
  /** `YYYY-MM` months, oldest first. */
  months: string[];
  postsByGroup: GroupMonthlyPosts[];
  meetings: { held: number; planned: number };
  /** Attendance at held (closed) meetings; null while no held meeting recorded any. */
  attendance: AttendanceTotals | null;
  /** Null until good practices exist. */
  practicesByStatus: Record<string, number> | null;
  computedAt: string;
}

export interface ModerationDashboard {
  queues: ModerationQueueCounts;
  recentActions: AuditEntryView[];
  indicators: ProjectIndicators;
}
