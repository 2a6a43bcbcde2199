import type { EventData, EventName, EventSubjectType } from "./events.js";

/**
 * How every recorded event is shown to people: its name in Polish and English, and how its "what changed" and
 * reason are read from its data. One entry per name of the union in events.ts (a missing one fails the typecheck),
 * used by the audit log on screen, its CSV export, the moderator dashboard and a person's moderation history.
 */

export type LabelLocale = "pl" | "en";

export interface Words {
  pl: string;
  en: string;
}

export interface EventPresentation<Name extends EventName> extends Words {
  /**
   * Kept out of the audit log even when a moderator does it: their own reading, preferences and taking part in a
   * live room (chat, questions, votes, the minutes' autosaves every few seconds) are not moderation.
   */
  personal?: true;
  /** Shown in the audit log whoever caused it: events about accounts and their security. */
  security?: true;
  /** What changed, for events that do not store it as `data.before` and `data.after` objects. */
  changes?: (data: Partial<EventData<Name>>) => { before: unknown; after: unknown };
  /** The reason shown with the entry; by default `data.reason`. */
  reason?: (data: Partial<EventData<Name>>) => unknown;
}

/** A before/after pair of one scalar, as one named field. */
const field =
  (name: string) =>
  (data: { before?: unknown; after?: unknown }): { before: unknown; after: unknown } => ({
    before: { [name]: data.before },
    after: { [name]: data.after },
  });

export const EVENT_LABELS: { [Name in EventName]: EventPresentation<Name> } = {
  // Posts
  "posts.create": { pl: "Nowy wpis", en: "Post written" },
  "posts.edit": { pl: "Edycja wpisu", en: "Post edited", changes: field("body") },
  "posts.delete": { pl: "Usunięcie wpisu", en: "Post deleted" },
  "posts.react": { pl: "Reakcja", en: "Reaction", personal: true },
  "posts.unreact": { pl: "Cofnięcie reakcji", en: "Reaction removed", personal: true },
  "posts.hide": { pl: "Ukrycie wpisu", en: "Post hidden" },
  "posts.restore": { pl: "Przywrócenie wpisu", en: "Post restored" },
  "posts.purge": { pl: "Trwałe usunięcie wpisu", en: "Post purged" },
  "posts.keepForRecord": { pl: "Zachowanie wpisu w dokumentacji grupy", en: "Post kept for the group's record" },
  "posts.releaseFromRecord": {
    pl: "Wpis już nie w dokumentacji grupy",
    en: "Post released from the group's record",
  },
  "posts.approve": { pl: "Zatwierdzenie wpisu", en: "Post approved" },
  "posts.reject": { pl: "Odrzucenie wpisu", en: "Post rejected" },
  "pendingPosts.create": { pl: "Wpis czeka na zatwierdzenie", en: "Post waiting for approval" },

  // Flags and moderators' messages
  "flags.create": { pl: "Zgłoszenie wpisu", en: "Post flagged" },
  "flags.resolve": { pl: "Rozpatrzenie zgłoszenia", en: "Flag resolved" },
  "users.message": {
    pl: "Wiadomość moderatora do autora",
    en: "Moderator's message to the author",
    reason: (d) => d.text,
  },

  // Threads
  "threads.create": { pl: "Nowy wątek", en: "Thread started" },
  "threads.pin": { pl: "Przypięcie wątku", en: "Thread pinned" },
  "threads.unpin": { pl: "Odpięcie wątku", en: "Thread unpinned" },
  "threads.lock": { pl: "Zablokowanie wątku", en: "Thread locked" },
  "threads.unlock": { pl: "Odblokowanie wątku", en: "Thread unlocked" },
  "threads.scheduleClose": { pl: "Ustawienie daty zamknięcia wątku", en: "Thread closing date set" },
  "threads.setSlowMode": { pl: "Tryb powolny wątku", en: "Thread slow mode" },
  "threads.edit": { pl: "Zmiana tytułu lub tagów wątku", en: "Thread title or tags changed" },
  "threads.move": { pl: "Przeniesienie wątku", en: "Thread moved" },
  "threads.merge": { pl: "Scalenie wątków", en: "Threads merged" },
  "threads.split": { pl: "Podział wątku", en: "Thread split" },

  // A reader's own things
  "attachments.upload": { pl: "Dodanie załącznika", en: "Attachment uploaded", personal: true },
  "watches.update": { pl: "Zmiana obserwowania", en: "Watching changed", personal: true },
  "notifications.read": { pl: "Odczytanie powiadomień", en: "Notifications read", personal: true },
  "sessions.revoke": { pl: "Wylogowanie sesji", en: "Session signed out" },
  "calendarTokens.create": { pl: "Nowy adres kalendarza", en: "Calendar feed address created" },
  "calendarTokens.revoke": { pl: "Wyłączenie adresu kalendarza", en: "Calendar feed address revoked" },

  // Spaces
  "categories.create": { pl: "Utworzenie kategorii", en: "Category created" },
  "categories.update": { pl: "Zmiana kategorii", en: "Category changed" },
  "categories.move": { pl: "Przeniesienie kategorii", en: "Category moved", changes: field("order") },
  "groups.create": { pl: "Utworzenie grupy", en: "Group created" },
  "groups.addMember": { pl: "Dodanie do grupy", en: "Added to a group" },
  "groups.setFreeTags": { pl: "Zmiana swobodnych tagów grupy", en: "Group's free tags changed" },
  "groups.update": { pl: "Zmiana grupy", en: "Group changed" },
  "groups.archive": { pl: "Archiwizacja grupy", en: "Group archived" },
  "groups.unarchive": { pl: "Przywrócenie grupy z archiwum", en: "Group restored from the archive" },
  "groups.removeMember": { pl: "Usunięcie z grupy", en: "Removed from a group" },
  "groups.moveMember": {
    pl: "Przeniesienie do innej grupy",
    en: "Moved to another group",
    changes: (d) => ({ before: d.from?.name, after: d.to?.name }),
  },
  "groups.setMemberRole": { pl: "Zmiana roli w grupie", en: "Role in a group changed" },
  "cohorts.create": { pl: "Utworzenie edycji programu", en: "Cohort created" },
  "cohorts.update": { pl: "Zmiana edycji programu", en: "Cohort changed" },
  "certificates.issue": { pl: "Wydanie zaświadczenia o udziale", en: "Certificate issued", personal: true },
  "onboarding.upload": { pl: "Wczytanie listy uczestników", en: "Participant list uploaded" },
  "onboarding.fixRow": { pl: "Poprawka wiersza listy uczestników", en: "Participant list row fixed" },
  "onboarding.send": { pl: "Wysłanie zaproszeń z listy uczestników", en: "Participant list invitations sent" },

  // Invitations and accounts
  "invitations.create": { pl: "Zaproszenie", en: "Invitation sent" },
  "invitations.resend": { pl: "Ponowne zaproszenie", en: "Invitation resent" },
  "invitations.accept": { pl: "Przyjęcie zaproszenia", en: "Invitation accepted", security: true },
  "users.request": { pl: "Prośba o konto", en: "Account requested", security: true },
  "users.requestForExisting": {
    pl: "Prośba o konto (adres już istnieje)",
    en: "Account requested (address exists)",
    security: true,
  },
  "users.approveRequest": { pl: "Przyjęcie prośby o konto", en: "Account request approved" },
  "users.rejectRequest": {
    pl: "Odrzucenie prośby o konto",
    en: "Account request rejected",
    reason: (d) => d.message,
  },
  "users.create": { pl: "Założenie konta", en: "Account created" },
  "users.changeRole": { pl: "Zmiana roli", en: "Role changed" },
  "users.suspend": { pl: "Zawieszenie konta", en: "Account suspended" },
  "users.unsuspend": { pl: "Przywrócenie konta", en: "Account reinstated" },
  "users.silence": { pl: "Wyciszenie osoby", en: "Person silenced" },
  "users.unsilence": { pl: "Koniec wyciszenia", en: "Silence lifted" },
  "users.restrict": { pl: "Ograniczenie przetwarzania (RODO)", en: "Processing restricted (GDPR)" },
  "users.unrestrict": { pl: "Zniesienie ograniczenia przetwarzania", en: "Processing restriction lifted" },
  "users.changePassword": { pl: "Zmiana hasła", en: "Password changed", security: true },
  "users.passwordResetRequest": { pl: "Prośba o reset hasła", en: "Password reset requested", security: true },
  "users.passwordReset": { pl: "Reset hasła", en: "Password reset", security: true },
  "users.updateProfile": { pl: "Zmiana profilu", en: "Profile updated" },
  "users.updateConsents": { pl: "Zmiana zgód", en: "Consents updated", personal: true },
  "users.setAvatar": { pl: "Nowe zdjęcie profilowe", en: "Profile picture set" },
  "users.removeAvatar": { pl: "Usunięcie zdjęcia profilowego", en: "Profile picture removed" },
  "users.erase": { pl: "Usunięcie konta (RODO)", en: "Account erased (GDPR)" },
  "users.export": { pl: "Pobranie danych osobowych (RODO)", en: "Personal data exported (GDPR)" },
  "userNotes.create": { pl: "Notatka moderatora", en: "Moderator note" },
  "userNotes.delete": { pl: "Usunięcie notatki moderatora", en: "Moderator note deleted" },

  // Meetings and their live rooms
  "meetings.schedule": { pl: "Zaplanowanie spotkania", en: "Meeting scheduled" },
  "meetings.update": { pl: "Zmiana planu spotkania", en: "Meeting plan changed" },
  "meetings.delete": { pl: "Usunięcie spotkania", en: "Meeting deleted" },
  "meetings.register": { pl: "Zapis na spotkanie", en: "Meeting sign-up" },
  "meetings.remindRegistrations": { pl: "Przypomnienie o zapisach na spotkanie", en: "Sign-up reminder sent" },
  "meetings.setAgenda": { pl: "Zmiana programu spotkania", en: "Meeting agenda changed" },
  "meetings.inviteExperts": { pl: "Zaproszenie ekspertów do pokoju", en: "Experts invited to the room" },
  "meetings.openRoom": { pl: "Otwarcie pokoju spotkania", en: "Meeting room opened" },
  "meetings.closeRoom": { pl: "Zamknięcie pokoju spotkania", en: "Meeting room closed" },
  "meetings.openDay": { pl: "Otwarcie dnia spotkania", en: "Meeting day opened" },
  "meetings.closeDay": { pl: "Zamknięcie dnia spotkania", en: "Meeting day closed" },
  "meetings.reopen": { pl: "Wznowienie zakończonego spotkania", en: "Ended meeting reopened" },
  "meetings.setAgendaItem": { pl: "Zmiana bieżącego punktu programu", en: "Current agenda item set" },
  "meetings.setNoteTaker": { pl: "Wyznaczenie protokolanta", en: "Note-taker assigned" },
  "meetings.saveMinutes": { pl: "Zapis protokołu spotkania", en: "Meeting minutes saved", personal: true },
  "meetings.mute": { pl: "Wyciszenie uczestnika pokoju", en: "Room participant muted" },
  "meetings.unmute": { pl: "Koniec wyciszenia uczestnika pokoju", en: "Room participant unmuted" },
  "meetings.setSlowMode": { pl: "Tryb powolny pokoju", en: "Room slow mode", changes: field("slowModeSeconds") },
  "meetings.pinMessage": {
    pl: "Przypięcie wiadomości w pokoju",
    en: "Room message pinned",
    changes: field("pinnedMessageId"),
  },
  "meetings.removeMessage": { pl: "Usunięcie wiadomości w pokoju", en: "Room message removed" },
  "roomMessages.create": { pl: "Wiadomość na czacie pokoju", en: "Room chat message", personal: true },
  "roomQuestions.ask": { pl: "Pytanie w pokoju", en: "Room question asked", personal: true },
  "roomQuestions.vote": { pl: "Głos na pytanie", en: "Room question upvoted", personal: true },
  "roomQuestions.unvote": { pl: "Cofnięcie głosu na pytanie", en: "Room question vote withdrawn", personal: true },
  "roomQuestions.answer": { pl: "Odpowiedź na pytanie", en: "Room question answered", changes: field("status") },
  "roomQuestions.hide": { pl: "Ukrycie pytania", en: "Room question hidden", changes: field("status") },
  "roomPolls.create": { pl: "Przygotowanie ankiety", en: "Room poll prepared" },
  "roomPolls.open": { pl: "Otwarcie ankiety", en: "Room poll opened", changes: field("status") },
  "roomPolls.close": { pl: "Zamknięcie ankiety", en: "Room poll closed", changes: field("status") },
  "roomPolls.vote": { pl: "Głos w ankiecie", en: "Room poll vote", personal: true },

  // Good practices
  "practices.create": { pl: "Nowa dobra praktyka", en: "Good practice started" },
  "practices.update": { pl: "Zmiana dobrej praktyki", en: "Good practice edited", reason: (d) => d.note },
  "practices.submit": { pl: "Przesłanie praktyki do recenzji", en: "Good practice submitted for review" },
  "practices.startReview": { pl: "Przyjęcie praktyki do recenzji", en: "Good practice taken for review" },
  "practices.review": { pl: "Pozytywna recenzja praktyki", en: "Good practice recommended" },
  "practices.return": { pl: "Zwrot praktyki do poprawy", en: "Good practice returned for revision" },
  "practices.publish": { pl: "Publikacja dobrej praktyki", en: "Good practice published" },
  "practices.unpublish": { pl: "Wycofanie dobrej praktyki", en: "Good practice withdrawn" },
  "practices.setPublic": { pl: "Zmiana dostępności praktyki", en: "Good practice visibility changed" },
  "practices.delete": { pl: "Usunięcie dobrej praktyki", en: "Good practice deleted" },

  // Thematic analyses
  "analyses.create": { pl: "Nowa analiza tematyczna", en: "Thematic analysis started" },
  "analyses.update": { pl: "Zmiana analizy tematycznej", en: "Thematic analysis edited" },
  "analyses.publish": { pl: "Publikacja analizy tematycznej", en: "Thematic analysis published" },
  "analyses.unpublish": { pl: "Wycofanie analizy tematycznej", en: "Thematic analysis withdrawn" },
  "analyses.setPublic": { pl: "Zmiana dostępności analizy", en: "Thematic analysis visibility changed" },
  "analyses.delete": { pl: "Usunięcie analizy tematycznej", en: "Thematic analysis deleted" },
  "analysisComments.create": { pl: "Komentarz do analizy", en: "Analysis comment" },
  "analysisComments.hide": { pl: "Ukrycie komentarza do analizy", en: "Analysis comment hidden" },

  // Tags
  "tags.create": { pl: "Nowy tag", en: "Tag created" },
  "tags.update": { pl: "Zmiana tagu", en: "Tag changed" },
  "tags.delete": { pl: "Usunięcie tagu", en: "Tag deleted" },
  "tags.merge": { pl: "Scalenie tagów", en: "Tags merged" },
  "tags.follow": { pl: "Obserwowanie tagu", en: "Tag followed" },
  "tags.unfollow": { pl: "Koniec obserwowania tagu", en: "Tag unfollowed" },
  "tags.createGroup": { pl: "Nowa grupa tagów", en: "Tag group created" },
  "tags.updateGroup": { pl: "Zmiana grupy tagów", en: "Tag group changed" },
  "tags.deleteGroup": { pl: "Usunięcie grupy tagów", en: "Tag group deleted" },

  // Information pages
  "pages.update": { pl: "Zmiana strony informacyjnej", en: "Information page edited" },
};

/** Every event name, in the table's order (the audit log's action filter offers them). */
export const EVENT_NAMES = Object.keys(EVENT_LABELS) as EventName[];

const KNOWN = new Set<string>(EVENT_NAMES);

export const isEventName = (name: string): name is EventName => KNOWN.has(name);

/** What an event stored under a name no longer recorded is called (never its raw name). */
const RETIRED_EVENT: Words = { pl: "Inne działanie", en: "Other action" };

export function eventLabel(name: string, locale: LabelLocale = "pl"): string {
  return (isEventName(name) ? EVENT_LABELS[name] : RETIRED_EVENT)[locale];
}

/** The events a moderator's own activity records without it being moderation (left out of the audit log). */
export const PERSONAL_EVENT_NAMES: EventName[] = EVENT_NAMES.filter((name) => EVENT_LABELS[name].personal);
/** Account security events: in the audit log whoever caused them. */
export const SECURITY_EVENT_NAMES: EventName[] = EVENT_NAMES.filter((name) => EVENT_LABELS[name].security);
/** What the audit log's action filter offers. */
export const AUDITED_EVENT_NAMES: EventName[] = EVENT_NAMES.filter((name) => !EVENT_LABELS[name].personal);

/** What a subject type is called where an entry says what it is about. */
export const SUBJECT_LABELS: Record<EventSubjectType, Words> = {
  Analysis: { pl: "analiza tematyczna", en: "thematic analysis" },
  AnalysisComment: { pl: "komentarz do analizy", en: "analysis comment" },
  Attachment: { pl: "załącznik", en: "attachment" },
  Category: { pl: "kategoria", en: "category" },
  Certificate: { pl: "zaświadczenie", en: "certificate" },
  Cohort: { pl: "edycja programu", en: "cohort" },
  Flag: { pl: "zgłoszenie", en: "flag" },
  Group: { pl: "grupa", en: "group" },
  Invitation: { pl: "zaproszenie", en: "invitation" },
  Meeting: { pl: "spotkanie", en: "meeting" },
  OnboardingImport: { pl: "lista uczestników", en: "participant list" },
  PendingPost: { pl: "wpis do zatwierdzenia", en: "post awaiting approval" },
  Post: { pl: "wpis", en: "post" },
  Practice: { pl: "dobra praktyka", en: "good practice" },
  RoomMessage: { pl: "wiadomość w pokoju", en: "room message" },
  RoomPoll: { pl: "ankieta", en: "poll" },
  RoomQuestion: { pl: "pytanie w pokoju", en: "room question" },
  SitePage: { pl: "strona informacyjna", en: "information page" },
  Tag: { pl: "tag", en: "tag" },
  TagGroup: { pl: "grupa tagów", en: "tag group" },
  Thread: { pl: "wątek", en: "thread" },
  User: { pl: "osoba", en: "person" },
  UserNote: { pl: "notatka moderatora", en: "moderator note" },
};

const SUBJECTS = new Set<string>(Object.keys(SUBJECT_LABELS));

const isSubjectType = (type: string): type is EventSubjectType => SUBJECTS.has(type);
const RETIRED_SUBJECT: Words = { pl: "inny obiekt", en: "other item" };

export function subjectLabel(type: string, locale: LabelLocale = "pl"): string {
  return (isSubjectType(type) ? SUBJECT_LABELS[type] : RETIRED_SUBJECT)[locale];
}

/**
 * The fields a "what changed" view names (dotted for nested ones, as the audit log flattens them): the same field
 * means the same thing in every event, so they are named once here, not per event.
 */
export const CHANGE_FIELD_LABELS: Record<string, Words> = {
  acceptedAt: { pl: "przyjęto", en: "accepted" },
  addresseeGroup: { pl: "grupa adresatów", en: "addressee group" },
  allowFreeTags: { pl: "swobodne tagi", en: "free tags" },
  archivedAt: { pl: "zarchiwizowano", en: "archived" },
  cohort: { pl: "edycja programu", en: "cohort" },
  endsOn: { pl: "koniec", en: "ends" },
  jsts: { pl: "JST", en: "JSTs" },
  problems: { pl: "do poprawy", en: "to fix" },
  sessionCount: { pl: "liczba spotkań", en: "number of sessions" },
  startsOn: { pl: "początek", en: "starts" },
  attachmentCount: { pl: "załączniki", en: "attachments" },
  auto: { pl: "automatycznie", en: "automatic" },
  bio: { pl: "o sobie", en: "about" },
  body: { pl: "treść", en: "text" },
  categoryId: { pl: "kategoria", en: "category" },
  closeReason: { pl: "powód zamknięcia", en: "closing reason" },
  closesAt: { pl: "zamknięcie", en: "closes at" },
  contentHash: { pl: "skrót treści", en: "text hash" },
  created: { pl: "nowy wątek", en: "new thread" },
  currentAgendaItemId: { pl: "bieżący punkt programu", en: "current agenda item" },
  description: { pl: "opis", en: "description" },
  digest: { pl: "podsumowanie e-mailem", en: "e-mail digest" },
  directoryListing: { pl: "katalog liderów", en: "leaders' directory" },
  email: { pl: "e-mail", en: "e-mail" },
  endsAt: { pl: "koniec", en: "ends" },
  expertIds: { pl: "zaproszeni eksperci", en: "invited experts" },
  expertise: { pl: "obszary wiedzy", en: "expertise" },
  expiresAt: { pl: "ważne do", en: "valid until" },
  groupId: { pl: "grupa", en: "group" },
  hidden: { pl: "ukryty", en: "hidden" },
  isPublic: { pl: "publiczna", en: "public" },
  items: { pl: "punkty programu", en: "agenda items" },
  jstId: { pl: "JST", en: "local government" },
  jstTeryt: { pl: "JST", en: "local government" },
  keptForRecord: { pl: "w dokumentacji grupy", en: "kept for the record" },
  kind: { pl: "rodzaj", en: "kind" },
  language: { pl: "język", en: "language" },
  "lock.at": { pl: "zablokowano", en: "locked at" },
  "lock.byId": { pl: "zablokował(a)", en: "locked by" },
  "lock.reason": { pl: "powód blokady", en: "lock reason" },
  materials: { pl: "materiały", en: "materials" },
  mentionEmails: { pl: "e-mail o wspomnieniach", en: "mention e-mails" },
  name: { pl: "nazwa", en: "name" },
  newsletter: { pl: "newsletter", en: "newsletter" },
  note: { pl: "uwaga", en: "note" },
  noteTakerId: { pl: "protokolant", en: "note-taker" },
  number: { pl: "numer", en: "number" },
  onlineUrl: { pl: "adres spotkania online", en: "online address" },
  order: { pl: "kolejność", en: "order" },
  "pin.at": { pl: "przypięto", en: "pinned at" },
  "pin.byId": { pl: "przypiął (przypięła)", en: "pinned by" },
  "pin.scope": { pl: "przypięcie", en: "pinned" },
  "pin.until": { pl: "przypięty do", en: "pinned until" },
  pinnedMessageId: { pl: "przypięta wiadomość", en: "pinned message" },
  position: { pl: "stanowisko", en: "position" },
  postCount: { pl: "liczba wpisów", en: "posts" },
  postIds: { pl: "wpisy", en: "posts" },
  reason: { pl: "powód", en: "reason" },
  "restriction.reason": { pl: "powód ograniczenia", en: "restriction reason" },
  restriction: { pl: "ograniczenie przetwarzania", en: "processing restriction" },
  revisionHashes: { pl: "skróty wersji", en: "version hashes" },
  role: { pl: "rola", en: "role" },
  "silence.reason": { pl: "powód wyciszenia", en: "silence reason" },
  "silence.until": { pl: "wyciszenie do", en: "silenced until" },
  silence: { pl: "wyciszenie", en: "silence" },
  slowModeSeconds: { pl: "tryb powolny (s)", en: "slow mode (s)" },
  slug: { pl: "adres", en: "address" },
  sourcePostCount: { pl: "wpisy w wątku źródłowym", en: "posts left in the source" },
  startsAt: { pl: "początek", en: "starts" },
  status: { pl: "stan", en: "status" },
  "suspension.byId": { pl: "zawiesił(a)", en: "suspended by" },
  "suspension.reason": { pl: "powód zawieszenia", en: "suspension reason" },
  "suspension.until": { pl: "zawieszenie do", en: "suspended until" },
  tagGroup: { pl: "grupa tagów", en: "tag group" },
  tags: { pl: "tagi", en: "tags" },
  targetPostCount: { pl: "wpisy w wątku docelowym", en: "posts in the target" },
  text: { pl: "treść", en: "text" },
  threadId: { pl: "wątek", en: "thread" },
  title: { pl: "tytuł", en: "title" },
  userId: { pl: "osoba", en: "person" },
  venue: { pl: "miejsce", en: "venue" },
};

export function changeFieldLabel(name: string, locale: LabelLocale = "pl"): string {
  return CHANGE_FIELD_LABELS[name]?.[locale] ?? CHANGE_FIELD_LABELS[name.split(".").at(-1) ?? ""]?.[locale] ?? name;
}

/** Coded values (states, roles, yes and no) as people read them; anything else is shown as written. */
export const CHANGE_VALUE_LABELS: Record<string, Words> = {
  true: { pl: "tak", en: "yes" },
  false: { pl: "nie", en: "no" },
  active: { pl: "aktywne", en: "active" },
  pending: { pl: "oczekuje", en: "pending" },
  rejected: { pl: "odrzucone", en: "rejected" },
  approved: { pl: "zatwierdzone", en: "approved" },
  suspended: { pl: "zawieszone", en: "suspended" },
  erased: { pl: "usunięte", en: "erased" },
  admin: { pl: "administrator", en: "administrator" },
  moderator: { pl: "moderator", en: "moderator" },
  expert: { pl: "ekspert", en: "expert" },
  member: { pl: "uczestnik", en: "member" },
  facilitator: { pl: "prowadzący grupę", en: "facilitator" },
  running: { pl: "trwa", en: "running" },
  finished: { pl: "zakończona", en: "finished" },
  agreed: { pl: "zgoda ze zgłoszeniem", en: "agreed" },
  disagreed: { pl: "brak zgody ze zgłoszeniem", en: "disagreed" },
  ignored: { pl: "pominięte", en: "ignored" },
  draft: { pl: "szkic", en: "draft" },
  submitted: { pl: "przesłana", en: "submitted" },
  inReview: { pl: "w recenzji", en: "in review" },
  returned: { pl: "zwrócona", en: "returned" },
  published: { pl: "opublikowana", en: "published" },
  planned: { pl: "zaplanowane", en: "planned" },
  live: { pl: "trwa", en: "live" },
  closed: { pl: "zamknięte", en: "closed" },
  open: { pl: "otwarte", en: "open" },
  answered: { pl: "z odpowiedzią", en: "answered" },
  category: { pl: "w kategorii", en: "in the category" },
  global: { pl: "na stronie głównej", en: "on the home page" },
  discussion: { pl: "dyskusje", en: "discussions" },
  announcements: { pl: "ogłoszenia", en: "announcements" },
  off: { pl: "wyłączone", en: "off" },
  daily: { pl: "codziennie", en: "daily" },
  weekly: { pl: "co tydzień", en: "weekly" },
};

export function changeValueLabel(value: string, locale: LabelLocale = "pl"): string {
  return CHANGE_VALUE_LABELS[value]?.[locale] ?? value;
}
