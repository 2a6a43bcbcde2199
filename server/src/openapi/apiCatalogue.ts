import type { z } from "zod";
import {
  accountRequestRejectSchema,
  accountRequestSchema,
  adminUserQuerySchema,
  agendaInputSchema,
  analysisCommentInputSchema,
  analysisInputSchema,
  analysisPublicInputSchema,
  analysisPublishInputSchema,
  answerRoomQuestionSchema,
  approvalRejectSchema,
  askRoomQuestionSchema,
  auditQuerySchema,
  calendarMonthSchema,
  categoryInputSchema,
  categoryMoveSchema,
  closeThreadAtSchema,
  consentsUpdateSchema,
  createFlagSchema,
  createPostSchema,
  createPracticeSchema,
  createRoomPollSchema,
  createThreadSchema,
  editPostSchema,
  editThreadSchema,
  flagListQuerySchema,
  freeTagsSchema,
  hidePostSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  jstSearchQuerySchema,
  leaderQuerySchema,
  libraryQuerySchema,
  lockThreadSchema,
  loginSchema,
  meetingExpertsInputSchema,
  meetingInputSchema,
  mentionQuerySchema,
  mergeThreadSchema,
  messageAuthorSchema,
  moveThreadSchema,
  notificationListQuerySchema,
  passwordChangeSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  pinThreadSchema,
  practicePublicSchema,
  practicePublishSchema,
  practiceReviewSchema,
  profileUpdateSchema,
  reactionKindSchema,
  readPositionSchema,
  resolveFlagsSchema,
  roomAgendaItemSchema,
  roomMinutesSchema,
  roomNoteTakerSchema,
  roomPinSchema,
  roomSlowModeSchema,
  saveDraftSchema,
  searchQuerySchema,
  slowModeSchema,
  splitPostsSchema,
  tagGroupInputSchema,
  tagInputSchema,
  tagMergeSchema,
  tagMoveSchema,
  tagSectionQuerySchema,
  tagSectionSchema,
  tagUpdateSchema,
  threadPostsQuerySchema,
  updatePracticeSchema,
  userNoteSchema,
  userRoleChangeSchema,
  userSilenceSchema,
  userSuspendSchema,
  voteRoomPollSchema,
  watchLevelInputSchema,
} from "@forum/shared";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** What a successful answer carries when it is not the default (200 with a JSON object). */
export type SuccessBody = "json" | "none" | "csv" | "calendar" | "image";

export interface ApiOperation {
  method: HttpMethod;
  /** The Express path under /api, exactly as declared in server/src/routes (`:id`). */
  path: string;
  /** One line in Polish, shown in the document. */
  summary: string;
  tag: string;
  /** Whether the caller must be signed in (the policies may still refuse a signed-in person). */
  auth: boolean;
  /** Path parameters other than plain strings, by name. */
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  /** The JSON body, parsed by the route with the same schema. */
  body?: z.ZodType;
  /** A multipart body with one file in the named field. */
  upload?: string;
  /** The success status (200 by default) and what it carries (a JSON object by default). */
  status?: 200 | 201 | 202 | 204;
  returns?: SuccessBody;
  /** Set, with the reason, for operations a fuzzer must not call with its one session. */
  notFuzzed?: string;
}

type Extra = Partial<Omit<ApiOperation, "method" | "path" | "summary" | "tag">>;
type Row = Omit<ApiOperation, "tag">;

const row =
  (method: HttpMethod) =>
  (path: string, summary: string, extra: Extra = {}): Row => ({ method, path, summary, auth: true, ...extra });
const get = row("get");
const post = row("post");
const put = row("put");
const patch = row("patch");
const del = row("delete");
/** Operations a visitor may call. */
const open: Extra = { auth: false };
const noContent: Extra = { status: 204, returns: "none" };
const section = (tag: string, rows: Row[]): ApiOperation[] => rows.map((entry) => ({ ...entry, tag }));

/**
 * Every HTTP operation under /api: the OpenAPI document is built from this list, and a test checks
 * that it names every route declared in server/src/routes. Adding a route = adding one line here.
 */
export const apiCatalogue: ApiOperation[] = [
  ...section("System", [
    get("/health", "Stan serwera i bazy danych", open),
    get("/openapi.json", "Ten opis API (OpenAPI 3.1)", open),
  ]),
  ...section("Logowanie", [
    get("/auth/csrf", "Token CSRF sesji", open),
    get("/auth/me", "Zalogowana osoba (lub null)", open),
    post("/auth/login", "Logowanie e-mailem i hasłem", { ...open, body: loginSchema }),
    post("/auth/logout", "Wylogowanie", { ...open, ...noContent, notFuzzed: "kończy sesję fuzzera" }),
    post("/auth/password-reset/request", "Prośba o link do zmiany hasła", {
      ...open,
      body: passwordResetRequestSchema,
      status: 202,
    }),
    post("/auth/password-reset/confirm", "Nowe hasło z linku", { ...open, body: passwordResetConfirmSchema }),
  ]),
  ...section("Konto", [
    get("/me/profile", "Mój profil"),
    patch("/me/profile", "Zmiana profilu", { body: profileUpdateSchema }),
    patch("/me/consents", "Zmiana zgód", { body: consentsUpdateSchema }),
    post("/me/password", "Zmiana hasła", { body: passwordChangeSchema, notFuzzed: "zmienia hasło konta fuzzera" }),
    put("/me/avatar", "Nowy awatar", { upload: "avatar" }),
    del("/me/avatar", "Usunięcie awatara", noContent),
    get("/users/:id/avatar", "Awatar osoby", { ...open, returns: "image" }),
    get("/me/sessions", "Moje aktywne sesje"),
    del("/me/sessions/:id", "Zakończenie jednej z moich sesji", noContent),
    get("/me/calendar-token", "Adres mojego kalendarza"),
    post("/me/calendar-token", "Nowy adres mojego kalendarza"),
    del("/me/calendar-token", "Wyłączenie adresu kalendarza", noContent),
    get("/unsubscribe/:token", "Strona wypisania z powiadomień e-mail", open),
    post("/unsubscribe/:token", "Wypisanie z powiadomień e-mail jednym kliknięciem", open),
  ]),
  ...section("Rejestracja", [
    get("/jsts", "Wyszukiwanie JST", { ...open, query: jstSearchQuerySchema }),
    get("/voivodeships", "Województwa", open),
    post("/account-requests", "Wniosek o konto", { ...open, body: accountRequestSchema, status: 201 }),
    get("/account-requests", "Wnioski o konto do rozpatrzenia"),
    post("/account-requests/:id/approve", "Przyjęcie wniosku o konto"),
    post("/account-requests/:id/reject", "Odrzucenie wniosku o konto", { body: accountRequestRejectSchema }),
    post("/groups/:slug/invitations", "Zaproszenie do grupy", { body: invitationCreateSchema, status: 201 }),
    get("/groups/:slug/invitations", "Zaproszenia grupy"),
    post("/invitations/:id/resend", "Ponowne wysłanie zaproszenia"),
    get("/invitations/by-token/:token", "Zaproszenie z linku", open),
    post("/invitations/by-token/:token/accept", "Przyjęcie zaproszenia", { ...open, body: invitationAcceptSchema }),
  ]),
  ...section("Administracja", [
    get("/admin/users", "Lista kont", { query: adminUserQuerySchema }),
    patch("/admin/users/:id/role", "Zmiana roli konta", { body: userRoleChangeSchema }),
    post("/admin/users/:id/suspend", "Zawieszenie konta", { body: userSuspendSchema }),
    post("/admin/users/:id/unsuspend", "Przywrócenie konta"),
  ]),
  ...section("Sieć i grupy", [
    get("/network", "Opis sieci", open),
    get("/network/map", "Mapa sieci", open),
    get("/network/categories", "Kategorie sieci"),
    post("/network/categories", "Nowa kategoria sieci", { body: categoryInputSchema, status: 201 }),
    get("/network/leaders", "Katalog liderów", { query: leaderQuerySchema }),
    get("/home", "Strona główna zalogowanej osoby"),
    get("/groups", "Moje grupy"),
    get("/groups/:slug", "Grupa"),
    post("/groups/:slug/categories", "Nowa kategoria grupy", { body: categoryInputSchema, status: 201 }),
    put("/groups/:slug/free-tags", "Wolne tagi grupy", { body: freeTagsSchema }),
    get("/people/:username", "Profil osoby"),
  ]),
  ...section("Kategorie i wątki", [
    get("/categories/:id/threads", "Wątki kategorii"),
    post("/categories/:id/threads", "Nowy wątek", { body: createThreadSchema, status: 201 }),
    patch("/categories/:id", "Zmiana kategorii", { body: categoryInputSchema }),
    post("/categories/:id/move", "Przesunięcie kategorii", { body: categoryMoveSchema }),
    get("/threads/:id", "Wątek z pierwszą stroną wpisów", open),
    get("/threads/:id/posts", "Strona wpisów wątku", { ...open, query: threadPostsQuerySchema }),
    put("/threads/:id/read", "Zapamiętanie miejsca czytania", { body: readPositionSchema }),
    post("/threads/:id/posts", "Odpowiedź w wątku", { body: createPostSchema, status: 201 }),
    put("/threads/:id/pin", "Przypięcie wątku", { body: pinThreadSchema }),
    del("/threads/:id/pin", "Odpięcie wątku"),
    put("/threads/:id/lock", "Zamknięcie wątku", { body: lockThreadSchema }),
    del("/threads/:id/lock", "Otwarcie wątku"),
    put("/threads/:id/closes-at", "Termin zamknięcia wątku", { body: closeThreadAtSchema }),
    put("/threads/:id/slow-mode", "Tryb powolny wątku", { body: slowModeSchema }),
    patch("/threads/:id", "Zmiana tytułu i tagów wątku", { body: editThreadSchema }),
    get("/restructure/categories", "Kategorie, do których można przenieść wątek"),
    post("/threads/:id/move", "Przeniesienie wątku", { body: moveThreadSchema }),
    post("/threads/:id/merge", "Scalenie wątków", { body: mergeThreadSchema }),
    post("/threads/:id/split", "Wydzielenie wpisów do nowego wątku", { body: splitPostsSchema, status: 201 }),
    get("/threads/:id/watch", "Poziom obserwowania wątku"),
    put("/threads/:id/watch", "Zmiana obserwowania wątku", { body: watchLevelInputSchema }),
    get("/categories/:id/watch", "Poziom obserwowania kategorii"),
    put("/categories/:id/watch", "Zmiana obserwowania kategorii", { body: watchLevelInputSchema }),
    get("/threads/:id/mentionable", "Osoby do wzmianki w wątku", { query: mentionQuerySchema }),
    get("/categories/:id/mentionable", "Osoby do wzmianki w kategorii", { query: mentionQuerySchema }),
  ]),
  ...section("Wpisy", [
    get("/posts/:id", "Wpis"),
    patch("/posts/:id", "Edycja wpisu", { body: editPostSchema }),
    del("/posts/:id", "Usunięcie wpisu"),
    get("/posts/:id/revisions", "Historia zmian wpisu"),
    put("/posts/:id/reactions/:kind", "Dodanie reakcji", { params: { kind: reactionKindSchema } }),
    del("/posts/:id/reactions/:kind", "Cofnięcie reakcji", { params: { kind: reactionKindSchema } }),
    post("/posts/:id/flags", "Zgłoszenie wpisu", { body: createFlagSchema, status: 201 }),
    get("/drafts/thread/:threadId", "Szkic odpowiedzi"),
    put("/drafts/thread/:threadId", "Zapis szkicu odpowiedzi", { body: saveDraftSchema }),
    del("/drafts/thread/:threadId", "Usunięcie szkicu odpowiedzi", noContent),
    get("/drafts/category/:categoryId", "Szkic nowego wątku"),
    put("/drafts/category/:categoryId", "Zapis szkicu nowego wątku", { body: saveDraftSchema }),
    del("/drafts/category/:categoryId", "Usunięcie szkicu nowego wątku", noContent),
    post("/uploads", "Przesłanie załącznika", { upload: "file", status: 201 }),
    get("/attachments/:id", "Załącznik", { returns: "image" }),
    get("/attachments/:id/thumbnail", "Miniatura załącznika", { returns: "image" }),
  ]),
  ...section("Powiadomienia", [
    get("/notifications", "Moje powiadomienia", { query: notificationListQuerySchema }),
    get("/notifications/unread-count", "Liczba nieprzeczytanych powiadomień"),
    post("/notifications/:id/read", "Oznaczenie powiadomienia jako przeczytane"),
    post("/notifications/read-all", "Oznaczenie wszystkich powiadomień jako przeczytane"),
  ]),
  ...section("Moderacja", [
    get("/moderation/queues", "Kolejki moderacji"),
    get("/moderation/dashboard", "Pulpit moderacji"),
    get("/moderation/audit", "Dziennik działań", { query: auditQuerySchema }),
    get("/moderation/audit/actors", "Osoby w dzienniku działań"),
    get("/moderation/audit.csv", "Dziennik działań jako CSV", { query: auditQuerySchema, returns: "csv" }),
    get("/moderation/flags", "Zgłoszenia wpisów", { query: flagListQuerySchema }),
    post("/moderation/flags/:id/resolve", "Rozstrzygnięcie zgłoszeń", { body: resolveFlagsSchema }),
    post("/moderation/flags/:id/message", "Wiadomość do autora zgłoszonego wpisu", { body: messageAuthorSchema }),
    post("/posts/:id/hide", "Ukrycie wpisu", { body: hidePostSchema }),
    post("/posts/:id/restore", "Przywrócenie wpisu"),
    post("/posts/:id/purge", "Trwałe usunięcie treści wpisu"),
    get("/moderation/approvals", "Wpisy czekające na zatwierdzenie"),
    post("/moderation/approvals/:id/approve", "Zatwierdzenie wpisu"),
    post("/moderation/approvals/:id/reject", "Odrzucenie wpisu", { body: approvalRejectSchema }),
    get("/threads/:id/pending", "Moje wpisy czekające w wątku"),
    get("/categories/:id/pending", "Moje wątki czekające w kategorii"),
    get("/people/:username/moderation", "Karta moderacyjna osoby"),
    put("/people/:username/silence", "Wyciszenie osoby", { body: userSilenceSchema }),
    del("/people/:username/silence", "Zniesienie wyciszenia"),
    post("/people/:username/notes", "Notatka moderatora o osobie", { body: userNoteSchema, status: 201 }),
    del("/people/:username/notes/:noteId", "Usunięcie notatki moderatora", noContent),
  ]),
  ...section("Spotkania", [
    get("/groups/:slug/meetings", "Spotkania grupy"),
    post("/groups/:slug/meetings", "Nowe spotkanie", { body: meetingInputSchema, status: 201 }),
    get("/meetings/:id", "Spotkanie"),
    patch("/meetings/:id", "Zmiana spotkania", { body: meetingInputSchema }),
    del("/meetings/:id", "Odwołanie spotkania"),
    put("/meetings/:id/agenda", "Program spotkania", { body: agendaInputSchema }),
    get("/meetings/:id/experts", "Eksperci spotkania"),
    put("/meetings/:id/experts", "Zaproszenie ekspertów", { body: meetingExpertsInputSchema }),
    get("/calendar", "Kalendarz miesiąca", { query: calendarMonthSchema }),
    get("/calendar/feeds/:token.ics", "Kalendarz iCalendar", { ...open, returns: "calendar" }),
    get("/calendar/feeds/:token/groups/:slug.ics", "Kalendarz grupy iCalendar", { ...open, returns: "calendar" }),
  ]),
  ...section("Pokój spotkania", [
    post("/meetings/:id/room/open", "Otwarcie pokoju"),
    put("/meetings/:id/room/muted/:userId", "Wyciszenie uczestnika"),
    del("/meetings/:id/room/muted/:userId", "Zniesienie wyciszenia uczestnika"),
    put("/meetings/:id/room/slow-mode", "Tryb powolny czatu", { body: roomSlowModeSchema }),
    put("/meetings/:id/room/pin", "Przypięcie wiadomości", { body: roomPinSchema }),
    del("/meetings/:id/room/pin", "Odpięcie wiadomości"),
    del("/meetings/:id/room/messages/:messageId", "Usunięcie wiadomości czatu"),
    post("/meetings/:id/room/polls", "Nowa ankieta", { body: createRoomPollSchema, status: 201 }),
    post("/meetings/:id/room/polls/:pollId/open", "Otwarcie ankiety"),
    post("/meetings/:id/room/polls/:pollId/close", "Zamknięcie ankiety"),
    post("/meetings/:id/room/polls/:pollId/vote", "Głos w ankiecie", { body: voteRoomPollSchema }),
    post("/meetings/:id/room/questions", "Pytanie do prowadzących", { body: askRoomQuestionSchema, status: 201 }),
    post("/meetings/:id/room/questions/:questionId/vote", "Poparcie pytania"),
    del("/meetings/:id/room/questions/:questionId/vote", "Cofnięcie poparcia pytania"),
    post("/meetings/:id/room/questions/:questionId/answer", "Odpowiedź na pytanie", { body: answerRoomQuestionSchema }),
    post("/meetings/:id/room/questions/:questionId/hide", "Ukrycie pytania"),
    post("/meetings/:id/room/agenda", "Przejście do punktu programu", { body: roomAgendaItemSchema }),
    put("/meetings/:id/minutes", "Notatka ze spotkania", { body: roomMinutesSchema }),
    put("/meetings/:id/room/note-taker", "Wybór protokolanta", { body: roomNoteTakerSchema }),
    post("/meetings/:id/room/close", "Zamknięcie pokoju"),
    get("/meetings/:id/attendance", "Lista obecności"),
    get("/meetings/:id/attendance.csv", "Lista obecności jako CSV", { returns: "csv" }),
  ]),
  ...section("Wiedza", [
    get("/search", "Wyszukiwanie", { ...open, query: searchQuerySchema }),
    get("/library", "Biblioteka praktyk i analiz", { ...open, query: libraryQuerySchema }),
    get("/practices", "Moje i recenzowane praktyki"),
    post("/practices", "Nowa praktyka", { body: createPracticeSchema, status: 201 }),
    get("/practices/:id", "Praktyka", open),
    put("/practices/:id", "Zmiana praktyki", { body: updatePracticeSchema }),
    del("/practices/:id", "Usunięcie praktyki", noContent),
    post("/practices/:id/submit", "Zgłoszenie praktyki do recenzji"),
    post("/practices/:id/start-review", "Rozpoczęcie recenzji"),
    post("/practices/:id/reviews", "Recenzja praktyki", { body: practiceReviewSchema }),
    post("/practices/:id/publish", "Publikacja praktyki", { body: practicePublishSchema }),
    post("/practices/:id/unpublish", "Wycofanie publikacji praktyki"),
    put("/practices/:id/public", "Publiczność praktyki", { body: practicePublicSchema }),
    get("/practices/:id/versions", "Wersje praktyki", open),
    get("/practices/:id/versions/:number", "Wersja praktyki", open),
    get("/threads/:id/practices", "Praktyki powiązane z wątkiem"),
    get("/analyses", "Analizy"),
    post("/analyses", "Nowa analiza", { body: analysisInputSchema, status: 201 }),
    get("/analyses/:id", "Analiza"),
    patch("/analyses/:id", "Zmiana analizy", { body: analysisInputSchema }),
    del("/analyses/:id", "Usunięcie analizy", noContent),
    post("/analyses/:id/publish", "Publikacja analizy", { body: analysisPublishInputSchema }),
    post("/analyses/:id/unpublish", "Wycofanie publikacji analizy"),
    put("/analyses/:id/public", "Publiczność analizy", { body: analysisPublicInputSchema }),
    get("/analyses/:id/sections/:sectionId/comments", "Komentarze do sekcji analizy"),
    post("/analyses/:id/sections/:sectionId/comments", "Komentarz do sekcji analizy", {
      body: analysisCommentInputSchema,
      status: 201,
    }),
    post("/analyses/:id/comments/:commentId/hide", "Ukrycie komentarza"),
  ]),
  ...section("Tagi", [
    get("/tags", "Tagi do wyboru"),
    get("/tag-groups", "Grupy tagów", open),
    post("/tag-groups", "Nowa grupa tagów", { body: tagGroupInputSchema, status: 201 }),
    patch("/tag-groups/:slug", "Zmiana grupy tagów", { body: tagGroupInputSchema }),
    post("/tag-groups/:slug/move", "Przesunięcie grupy tagów", { body: tagMoveSchema }),
    del("/tag-groups/:slug", "Usunięcie grupy tagów", noContent),
    post("/tags", "Nowy tag", { body: tagInputSchema, status: 201 }),
    patch("/tags/:slug", "Zmiana tagu", { body: tagUpdateSchema }),
    post("/tags/:slug/move", "Przesunięcie tagu", { body: tagMoveSchema }),
    post("/tags/:slug/merge", "Scalenie tagów", { body: tagMergeSchema }),
    del("/tags/:slug", "Usunięcie tagu"),
    get("/tags/:slug", "Strona tagu", open),
    get("/tags/:slug/:section", "Sekcja strony tagu", {
      ...open,
      params: { section: tagSectionSchema },
      query: tagSectionQuerySchema,
    }),
    put("/tags/:slug/follow", "Obserwowanie tagu"),
    del("/tags/:slug/follow", "Koniec obserwowania tagu"),
  ]),
];
