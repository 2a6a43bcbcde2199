import { randomUUID } from "node:crypto";
import type mongoose from "mongoose";
import sharp from "sharp";
import { io as connect } from "socket.io-client";
import type TestAgent from "supertest/lib/agent.js";
import type { GroupDetail, SocketAck } from "@forum/shared";
import type { PracticeStatus } from "@forum/shared";
import { Analysis } from "../../server/src/models/Analysis.js";
import { AnalysisComment } from "../../server/src/models/AnalysisComment.js";
import { Group } from "../../server/src/models/Group.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Practice } from "../../server/src/models/Practice.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { PendingPost } from "../../server/src/models/PendingPost.js";
import { RoomPoll } from "../../server/src/models/RoomPoll.js";
import { RoomQuestion } from "../../server/src/models/RoomQuestion.js";
import { User } from "../../server/src/models/User.js";
import { UserNote } from "../../server/src/models/UserNote.js";
import { declaredRoutes } from "../support/declaredRoutes.js";
import { csrfAgent, DEMO, signedInAgent, signInCookie } from "../support/http.js";
import { liveMeeting } from "../support/roomQa.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * Every HTTP endpoint and socket event × every kind of person. A new route that is not in
 * this table fails the completeness check below, so authorization cannot be forgotten.
 */
const ROLES = ["visitor", "memberA", "memberB", "expert", "moderator", "admin", "suspended"] as const;
type RoleName = (typeof ROLES)[number];
type Expected = Record<RoleName, number>;

const SUSPENDED_EMAIL = "jan.krawczyk@demo.forum-jst.pl";

let server: TestServer;
const agents = {} as Record<RoleName, TestAgent>;
const ids = {
  threadA: "",
  categoryA: "",
  discussionA: "",
  postA: "",
  startedA: "",
  memberA: "",
  memberB: "",
  target: "",
  pending: "",
  invitation: "",
  /** An image attached to ids.postA's thread in group A. */
  attachmentA: "",
};

/** Same answer for everyone: public endpoints. */
const everyone = (status: number): Expected => Object.fromEntries(ROLES.map((role) => [role, status])) as Expected;
/** Any signed-in, active person gets `status`; visitors and suspended people must sign in. */
const signedIn = (status: number): Expected => ({ ...everyone(status), visitor: 401, suspended: 401 });
/** Group A's private space: members of A and those who read every group. */
const groupA = (status: number, expert = status): Expected => ({
  ...signedIn(status),
  memberB: 404,
  expert,
});
/** Moderators' tools: others do not even learn the resource exists. */
const staff = (moderator: number, admin = moderator): Expected => ({
  ...signedIn(404),
  moderator,
  admin,
});

/** Moderator tools on a group-A thread: readers who are not staff are refused (403), others do not see it (404). */
const threadModeration = (moderator: number): Expected => ({ ...groupA(403), moderator, admin: moderator });

interface Row {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** The route as declared in server/src/routes (for the completeness check). */
  route: string;
  path: () => string;
  body?: object;
  expected: Expected;
  /** Needs a session of its own, because it ends the one it is sent with. */
  fresh?: boolean;
}

const rows: Row[] = [
  { method: "get", route: "/health", path: () => "/api/health", expected: everyone(200) },
  { method: "get", route: "/network", path: () => "/api/network", expected: everyone(200) },
  { method: "get", route: "/auth/csrf", path: () => "/api/auth/csrf", expected: everyone(200) },
  { method: "get", route: "/auth/me", path: () => "/api/auth/me", expected: everyone(200) },
  { method: "post", route: "/auth/login", path: () => "/api/auth/login", body: {}, expected: everyone(400) },
  { method: "post", route: "/auth/logout", path: () => "/api/auth/logout", expected: everyone(204), fresh: true },
  {
    method: "post",
    route: "/auth/password-reset/request",
    path: () => "/api/auth/password-reset/request",
    body: {},
    expected: everyone(400),
  },
  {
    method: "post",
    route: "/auth/password-reset/confirm",
    path: () => "/api/auth/password-reset/confirm",
    body: {},
    expected: everyone(400),
  },
  { method: "get", route: "/jsts", path: () => "/api/jsts?q=krak", expected: everyone(200) },
  { method: "get", route: "/voivodeships", path: () => "/api/voivodeships", expected: everyone(200) },
  {
    method: "post",
    route: "/account-requests",
    path: () => "/api/account-requests",
    body: {},
    expected: everyone(400),
  },
  {
    method: "get",
    route: "/invitations/by-token/:token",
    path: () => "/api/invitations/by-token/nieistniejacy-token-0123456789",
    expected: everyone(404),
  },
  {
    method: "post",
    route: "/invitations/by-token/:token/accept",
    path: () => "/api/invitations/by-token/nieistniejacy-token-0123456789/accept",
    body: {},
    expected: everyone(400),
  },
  { method: "get", route: "/groups", path: () => "/api/groups", expected: signedIn(200) },
  { method: "get", route: "/groups/:slug", path: () => "/api/groups/gwd-malopolska", expected: groupA(200) },
  { method: "get", route: "/home", path: () => "/api/home", expected: signedIn(200) },
  { method: "get", route: "/tags", path: () => "/api/tags", expected: signedIn(200) },
  { method: "get", route: "/network/categories", path: () => "/api/network/categories", expected: signedIn(200) },
  // Category management: an empty body is refused (400) only for those allowed to manage.
  {
    method: "post",
    route: "/groups/:slug/categories",
    path: () => "/api/groups/gwd-malopolska/categories",
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/network/categories",
    path: () => "/api/network/categories",
    body: {},
    expected: { ...signedIn(403), moderator: 400, admin: 400 },
  },
  {
    method: "patch",
    route: "/categories/:id",
    path: () => `/api/categories/${ids.discussionA}`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/categories/:id/move",
    path: () => `/api/categories/${ids.discussionA}/move`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "get",
    route: "/categories/:id/threads",
    path: () => `/api/categories/${ids.categoryA}/threads`,
    expected: groupA(200),
  },
  { method: "get", route: "/threads/:id", path: () => `/api/threads/${ids.threadA}`, expected: groupA(200) },
  {
    method: "get",
    route: "/threads/:id/posts",
    path: () => `/api/threads/${ids.threadA}/posts?after=0&limit=5`,
    expected: groupA(200),
  },
  {
    method: "put",
    route: "/threads/:id/read",
    path: () => `/api/threads/${ids.threadA}/read`,
    body: { number: 1 },
    expected: groupA(200),
  },
  {
    method: "post",
    route: "/threads/:id/posts",
    path: () => `/api/threads/${ids.threadA}/posts`,
    body: {},
    expected: groupA(400, 403),
  },
  {
    method: "post",
    route: "/categories/:id/threads",
    path: () => `/api/categories/${ids.discussionA}/threads`,
    body: {},
    expected: groupA(400, 403),
  },
  // ids.postA: the first post of a thread memberA started in group A (it cannot be deleted: 409).
  {
    method: "patch",
    route: "/posts/:id",
    path: () => `/api/posts/${ids.postA}`,
    body: {},
    expected: groupA(400, 403),
  },
  {
    method: "delete",
    route: "/posts/:id",
    path: () => `/api/posts/${ids.postA}`,
    expected: groupA(409, 403),
  },
  {
    method: "get",
    route: "/posts/:id/revisions",
    path: () => `/api/posts/${ids.postA}/revisions`,
    expected: groupA(200),
  },
  {
    method: "put",
    route: "/posts/:id/reactions/:kind",
    path: () => `/api/posts/${ids.postA}/reactions/like`,
    expected: { ...groupA(200), memberA: 403 },
  },
  {
    method: "delete",
    route: "/posts/:id/reactions/:kind",
    path: () => `/api/posts/${ids.postA}/reactions/like`,
    expected: { ...groupA(200), memberA: 403 },
  },
  { method: "get", route: "/notifications", path: () => "/api/notifications", expected: signedIn(200) },
  {
    method: "get",
    route: "/notifications/unread-count",
    path: () => "/api/notifications/unread-count",
    expected: signedIn(200),
  },
  {
    method: "post",
    route: "/notifications/:id/read",
    path: () => "/api/notifications/0123456789abcdef01234567/read",
    expected: signedIn(404),
  },
  {
    method: "post",
    route: "/notifications/read-all",
    path: () => "/api/notifications/read-all",
    expected: signedIn(200),
  },
  {
    method: "get",
    route: "/threads/:id/watch",
    path: () => `/api/threads/${ids.threadA}/watch`,
    expected: groupA(200),
  },
  {
    method: "put",
    route: "/threads/:id/watch",
    path: () => `/api/threads/${ids.threadA}/watch`,
    body: {},
    expected: groupA(400),
  },
  {
    method: "get",
    route: "/categories/:id/watch",
    path: () => `/api/categories/${ids.categoryA}/watch`,
    expected: groupA(200),
  },
  {
    method: "put",
    route: "/categories/:id/watch",
    path: () => `/api/categories/${ids.categoryA}/watch`,
    body: {},
    expected: groupA(400),
  },
  {
    method: "get",
    route: "/threads/:id/mentionable",
    path: () => `/api/threads/${ids.threadA}/mentionable?q=a`,
    expected: groupA(200),
  },
  {
    method: "get",
    route: "/categories/:id/mentionable",
    path: () => `/api/categories/${ids.discussionA}/mentionable?q=a`,
    expected: groupA(200),
  },
  // The signed link is the only credential: a forged one is refused to everyone alike.
  {
    method: "get",
    route: "/unsubscribe/:token",
    path: () => `/api/unsubscribe/${ids.memberA}.digest.podrobiony-podpis`,
    expected: everyone(404),
  },
  {
    method: "post",
    route: "/unsubscribe/:token",
    path: () => `/api/unsubscribe/${ids.memberA}.digest.podrobiony-podpis`,
    expected: everyone(404),
  },
  // memberA's card: her own group, staff and experts see it; another group's member does not.
  {
    method: "get",
    route: "/people/:username",
    // A group-A member who is not in the leaders' directory (the demo lists Anna there, visible to all).
    path: () => "/api/people/piotr.mazur",
    expected: { ...signedIn(200), memberB: 404 },
  },
  { method: "get", route: "/me/profile", path: () => "/api/me/profile", expected: signedIn(200) },
  { method: "patch", route: "/me/profile", path: () => "/api/me/profile", body: {}, expected: signedIn(400) },
  { method: "patch", route: "/me/consents", path: () => "/api/me/consents", body: {}, expected: signedIn(400) },
  { method: "post", route: "/me/password", path: () => "/api/me/password", body: {}, expected: signedIn(400) },
  { method: "put", route: "/me/avatar", path: () => "/api/me/avatar", expected: signedIn(400) },
  {
    method: "get",
    route: "/users/:id/avatar",
    path: () => `/api/users/${ids.memberA}/avatar`,
    expected: signedIn(200),
  },
  { method: "delete", route: "/me/avatar", path: () => "/api/me/avatar", expected: signedIn(204), fresh: true },
  { method: "get", route: "/me/sessions", path: () => "/api/me/sessions", expected: signedIn(200) },
  {
    method: "delete",
    route: "/me/sessions/:id",
    path: () => "/api/me/sessions/nie-ma-takiej-sesji",
    expected: signedIn(404),
  },
  { method: "get", route: "/admin/users", path: () => "/api/admin/users", expected: staff(200) },
  {
    method: "patch",
    route: "/admin/users/:id/role",
    path: () => `/api/admin/users/${ids.target}/role`,
    body: { role: "król" },
    expected: staff(403, 400),
  },
  {
    method: "post",
    route: "/admin/users/:id/suspend",
    path: () => `/api/admin/users/${ids.target}/suspend`,
    body: {},
    expected: staff(400),
  },
  {
    method: "post",
    route: "/admin/users/:id/unsuspend",
    path: () => `/api/admin/users/${ids.target}/unsuspend`,
    expected: staff(200),
  },
  { method: "get", route: "/account-requests", path: () => "/api/account-requests", expected: staff(200) },
  {
    method: "post",
    route: "/account-requests/:id/approve",
    path: () => `/api/account-requests/${ids.memberB}/approve`,
    expected: staff(409),
  },
  {
    method: "post",
    route: "/account-requests/:id/reject",
    path: () => `/api/account-requests/${ids.pending}/reject`,
    body: {},
    expected: staff(400),
  },
  {
    method: "post",
    route: "/groups/:slug/invitations",
    path: () => "/api/groups/gwd-malopolska/invitations",
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "get",
    route: "/groups/:slug/invitations",
    path: () => "/api/groups/gwd-malopolska/invitations",
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  {
    method: "post",
    route: "/invitations/:id/resend",
    path: () => `/api/invitations/${ids.invitation}/resend`,
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  { method: "post", route: "/uploads", path: () => "/api/uploads", expected: signedIn(400) },
  {
    method: "get",
    route: "/attachments/:id",
    path: () => `/api/attachments/${ids.attachmentA}`,
    expected: groupA(200),
  },
  {
    method: "get",
    route: "/attachments/:id/thumbnail",
    path: () => `/api/attachments/${ids.attachmentA}/thumbnail`,
    expected: groupA(200),
  },
  // Drafts: only where one may write (experts read group A but do not write there).
  {
    method: "get",
    route: "/drafts/thread/:threadId",
    path: () => `/api/drafts/thread/${ids.threadA}`,
    expected: groupA(200, 403),
  },
  {
    method: "put",
    route: "/drafts/thread/:threadId",
    path: () => `/api/drafts/thread/${ids.threadA}`,
    body: {},
    expected: groupA(400, 403),
  },
  {
    method: "delete",
    route: "/drafts/thread/:threadId",
    path: () => `/api/drafts/thread/${ids.threadA}`,
    expected: groupA(204, 403),
  },
  {
    method: "get",
    route: "/drafts/category/:categoryId",
    path: () => `/api/drafts/category/${ids.discussionA}`,
    expected: groupA(200, 403),
  },
  {
    method: "put",
    route: "/drafts/category/:categoryId",
    path: () => `/api/drafts/category/${ids.discussionA}`,
    body: {},
    expected: groupA(400, 403),
  },
  {
    method: "delete",
    route: "/drafts/category/:categoryId",
    path: () => `/api/drafts/category/${ids.discussionA}`,
    expected: groupA(204, 403),
  },
  // — moderation: audit —
  { method: "get", route: "/moderation/queues", path: () => "/api/moderation/queues", expected: staff(200) },
  { method: "get", route: "/moderation/dashboard", path: () => "/api/moderation/dashboard", expected: staff(200) },
  { method: "get", route: "/moderation/audit", path: () => "/api/moderation/audit", expected: staff(200) },
  {
    method: "get",
    route: "/moderation/audit/actors",
    path: () => "/api/moderation/audit/actors",
    expected: staff(200),
  },
  { method: "get", route: "/moderation/audit.csv", path: () => "/api/moderation/audit.csv", expected: staff(200) },
  // — moderation: flags —
  { method: "get", route: "/posts/:id", path: () => `/api/posts/${ids.postA}`, expected: groupA(200) },
  {
    method: "post",
    route: "/posts/:id/hide",
    path: () => `/api/posts/${ids.postA}/hide`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/posts/:id/restore",
    path: () => `/api/posts/${ids.postA}/restore`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  // Admins only; the first post of a thread is never purged (409), so the row changes nothing.
  {
    method: "post",
    route: "/posts/:id/purge",
    path: () => `/api/posts/${ids.postA}/purge`,
    expected: { ...groupA(403), admin: 409 },
  },
  // Whoever reads the post may flag it (an empty body is refused), except its author.
  {
    method: "post",
    route: "/posts/:id/flags",
    path: () => `/api/posts/${ids.postA}/flags`,
    body: {},
    expected: { ...groupA(400), memberA: 403 },
  },
  { method: "get", route: "/moderation/flags", path: () => "/api/moderation/flags", expected: staff(200) },
  {
    method: "post",
    route: "/moderation/flags/:id/resolve",
    path: () => `/api/moderation/flags/${ids.postA}/resolve`,
    body: {},
    expected: staff(400),
  },
  {
    method: "post",
    route: "/moderation/flags/:id/message",
    path: () => `/api/moderation/flags/${ids.postA}/message`,
    body: {},
    expected: staff(400),
  },
  // — moderation: people —
  { method: "get", route: "/moderation/approvals", path: () => "/api/moderation/approvals", expected: staff(200) },
  {
    method: "post",
    route: "/moderation/approvals/:id/approve",
    path: () => `/api/moderation/approvals/${peopleIds.pendingPost}/approve`,
    // The moderator publishes it; by the admin's turn it has been decided. Its author sees it, may not decide.
    expected: { ...staff(200, 409), memberA: 403 },
  },
  {
    method: "post",
    route: "/moderation/approvals/:id/reject",
    path: () => `/api/moderation/approvals/${peopleIds.pendingPost}/reject`,
    body: {},
    expected: { ...staff(400), memberA: 403 },
  },
  {
    method: "get",
    route: "/categories/:id/pending",
    path: () => `/api/categories/${ids.discussionA}/pending`,
    expected: groupA(200),
  },
  {
    method: "get",
    route: "/threads/:id/pending",
    path: () => `/api/threads/${ids.threadA}/pending`,
    expected: groupA(200),
  },
  {
    method: "get",
    route: "/people/:username/moderation",
    path: () => "/api/people/robert.pawlak/moderation",
    expected: staff(200),
  },
  {
    method: "put",
    route: "/people/:username/silence",
    path: () => "/api/people/robert.pawlak/silence",
    body: {},
    expected: staff(400),
  },
  {
    method: "delete",
    route: "/people/:username/silence",
    path: () => "/api/people/robert.pawlak/silence",
    expected: staff(200),
  },
  {
    method: "post",
    route: "/people/:username/notes",
    path: () => "/api/people/robert.pawlak/notes",
    body: {},
    expected: staff(400),
  },
  {
    method: "delete",
    route: "/people/:username/notes/:noteId",
    path: () => `/api/people/robert.pawlak/notes/${peopleIds.noteByAdmin}`,
    // Only the note's author deletes it.
    expected: staff(403, 200),
  },
  // — moderation: threadState —
  // Bad bodies for the tools that change something, so the table leaves the thread as it was.
  {
    method: "put",
    route: "/threads/:id/pin",
    path: () => `/api/threads/${ids.threadA}/pin`,
    body: { scope: "wszędzie" },
    expected: threadModeration(400),
  },
  {
    method: "delete",
    route: "/threads/:id/pin",
    path: () => `/api/threads/${ids.threadA}/pin`,
    expected: threadModeration(200),
  },
  {
    method: "put",
    route: "/threads/:id/lock",
    path: () => `/api/threads/${ids.threadA}/lock`,
    body: {},
    expected: threadModeration(400),
  },
  {
    method: "delete",
    route: "/threads/:id/lock",
    path: () => `/api/threads/${ids.threadA}/lock`,
    expected: threadModeration(200),
  },
  {
    method: "put",
    route: "/threads/:id/closes-at",
    path: () => `/api/threads/${ids.threadA}/closes-at`,
    body: { closesAt: "jutro" },
    expected: threadModeration(400),
  },
  {
    method: "put",
    route: "/threads/:id/slow-mode",
    path: () => `/api/threads/${ids.threadA}/slow-mode`,
    body: { seconds: -1 },
    expected: threadModeration(400),
  },
  {
    method: "patch",
    route: "/threads/:id",
    path: () => `/api/threads/${ids.threadA}`,
    body: {},
    expected: threadModeration(400),
  },
  // — moderation: threadRestructure —
  {
    method: "get",
    route: "/restructure/categories",
    path: () => "/api/restructure/categories",
    expected: staff(200),
  },
  // An empty body: moderators get as far as validation (400), so nothing is moved.
  {
    method: "post",
    route: "/threads/:id/move",
    path: () => `/api/threads/${ids.threadA}/move`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/threads/:id/merge",
    path: () => `/api/threads/${ids.threadA}/merge`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/threads/:id/split",
    path: () => `/api/threads/${ids.threadA}/split`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // — meetings: meetings —
  // Plan changes with an empty body (moderators reach validation, 400), so nothing changes; a held
  // session cannot be deleted (409), so the DELETE row leaves it in place.
  {
    method: "get",
    route: "/groups/:slug/meetings",
    path: () => "/api/groups/gwd-malopolska/meetings",
    expected: groupA(200),
  },
  {
    method: "post",
    route: "/groups/:slug/meetings",
    path: () => "/api/groups/gwd-malopolska/meetings",
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  { method: "get", route: "/meetings/:id", path: () => `/api/meetings/${meetingIds.held}`, expected: groupA(200) },
  {
    method: "patch",
    route: "/meetings/:id",
    path: () => `/api/meetings/${meetingIds.planned}`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "delete",
    route: "/meetings/:id",
    path: () => `/api/meetings/${meetingIds.held}`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "put",
    route: "/meetings/:id/agenda",
    path: () => `/api/meetings/${meetingIds.planned}/agenda`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "get",
    route: "/meetings/:id/experts",
    path: () => `/api/meetings/${meetingIds.planned}/experts`,
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  {
    method: "put",
    route: "/meetings/:id/experts",
    path: () => `/api/meetings/${meetingIds.planned}/experts`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  { method: "get", route: "/calendar", path: () => "/api/calendar?month=2026-11", expected: signedIn(200) },
  // The feeds need no session: an unknown token is simply not found.
  {
    method: "get",
    route: "/calendar/feeds/:token.ics",
    path: () => "/api/calendar/feeds/nieznany-token-kalendarza.ics",
    expected: everyone(404),
  },
  {
    method: "get",
    route: "/calendar/feeds/:token/groups/:slug.ics",
    path: () => "/api/calendar/feeds/nieznany-token-kalendarza/groups/gwd-malopolska.ics",
    expected: everyone(404),
  },
  { method: "get", route: "/me/calendar-token", path: () => "/api/me/calendar-token", expected: signedIn(200) },
  { method: "post", route: "/me/calendar-token", path: () => "/api/me/calendar-token", expected: signedIn(201) },
  { method: "delete", route: "/me/calendar-token", path: () => "/api/me/calendar-token", expected: signedIn(204) },
  // — meetings: room-core —
  // A group-A meeting that has already been held: staff get as far as "not live" (409) or validation (400).
  {
    method: "post",
    route: "/meetings/:id/room/open",
    path: () => `/api/meetings/${roomIds.heldA}/room/open`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "put",
    route: "/meetings/:id/room/muted/:userId",
    path: () => `/api/meetings/${roomIds.heldA}/room/muted/${ids.memberA}`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "delete",
    route: "/meetings/:id/room/muted/:userId",
    path: () => `/api/meetings/${roomIds.heldA}/room/muted/${ids.memberA}`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "put",
    route: "/meetings/:id/room/slow-mode",
    path: () => `/api/meetings/${roomIds.heldA}/room/slow-mode`,
    body: { seconds: -1 },
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "put",
    route: "/meetings/:id/room/pin",
    path: () => `/api/meetings/${roomIds.heldA}/room/pin`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "delete",
    route: "/meetings/:id/room/pin",
    path: () => `/api/meetings/${roomIds.heldA}/room/pin`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "delete",
    route: "/meetings/:id/room/messages/:messageId",
    path: () => `/api/meetings/${roomIds.heldA}/room/messages/${roomIds.heldA}`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  // — meetings: roomQa — a live group-A room (roomQaIds below); experts are not invited, so they may not write.
  {
    method: "post",
    route: "/meetings/:id/room/questions",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/questions`,
    body: {},
    expected: { ...groupA(403), memberA: 400, moderator: 400, admin: 400 },
  },
  // Someone else's question: voting again and withdrawing are idempotent (200).
  {
    method: "post",
    route: "/meetings/:id/room/questions/:questionId/vote",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/questions/${roomQaIds.question}/vote`,
    expected: { ...groupA(403), memberA: 200, moderator: 200, admin: 200 },
  },
  {
    method: "delete",
    route: "/meetings/:id/room/questions/:questionId/vote",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/questions/${roomQaIds.question}/vote`,
    expected: { ...groupA(403), memberA: 200, moderator: 200, admin: 200 },
  },
  {
    method: "post",
    route: "/meetings/:id/room/questions/:questionId/answer",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/questions/${roomQaIds.question}/answer`,
    body: { answer: "x".repeat(1001) },
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/meetings/:id/room/questions/:questionId/hide",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/questions/${roomQaIds.questionToHide}/hide`,
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  {
    method: "post",
    route: "/meetings/:id/room/polls",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/polls`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // Opening an open poll and closing a closed one: moderators get 409, so nothing changes.
  {
    method: "post",
    route: "/meetings/:id/room/polls/:pollId/open",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/polls/${roomQaIds.openPoll}/open`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "post",
    route: "/meetings/:id/room/polls/:pollId/close",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/polls/${roomQaIds.closedPoll}/close`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "post",
    route: "/meetings/:id/room/polls/:pollId/vote",
    path: () => `/api/meetings/${roomQaIds.meeting}/room/polls/${roomQaIds.openPoll}/vote`,
    body: {},
    expected: { ...groupA(403), memberA: 400, moderator: 400, admin: 400 },
  },
  // — meetings: record — a planned meeting of group A (closing it answers 409: not live).
  {
    method: "post",
    route: "/meetings/:id/room/agenda",
    path: () => `/api/meetings/${recordIds.meetingA}/room/agenda`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "put",
    route: "/meetings/:id/minutes",
    path: () => `/api/meetings/${recordIds.meetingA}/minutes`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "put",
    route: "/meetings/:id/room/note-taker",
    path: () => `/api/meetings/${recordIds.meetingA}/room/note-taker`,
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/meetings/:id/room/close",
    path: () => `/api/meetings/${recordIds.meetingA}/room/close`,
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  {
    method: "get",
    route: "/meetings/:id/attendance",
    path: () => `/api/meetings/${recordIds.meetingA}/attendance`,
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  {
    method: "get",
    route: "/meetings/:id/attendance.csv",
    path: () => `/api/meetings/${recordIds.meetingA}/attendance.csv`,
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  // — issue 7: search —
  // Visitors (and suspended people, who act as visitors) find the public practices and analyses only.
  { method: "get", route: "/search", path: () => "/api/search?q=szko%C5%82a", expected: everyone(200) },
  // — issue 7: practices —
  { method: "get", route: "/practices", path: () => "/api/practices", expected: signedIn(200) },
  { method: "post", route: "/practices", path: () => "/api/practices", body: {}, expected: signedIn(400) },
  {
    method: "get",
    route: "/practices/:id",
    path: () => `/api/practices/${practiceIds.draftA}`,
    expected: { ...everyone(404), memberA: 200, expert: 200, moderator: 200, admin: 200 },
  },
  {
    method: "put",
    route: "/practices/:id",
    path: () => `/api/practices/${practiceIds.draftA}`,
    body: {},
    expected: { ...signedIn(404), memberA: 400, expert: 403, moderator: 400, admin: 400 },
  },
  {
    method: "delete",
    route: "/practices/:id",
    // Each try deletes a practice of its own (the first allowed one would otherwise leave nothing to the others).
    path: () => `/api/practices/${practiceIds.deletable.shift()}`,
    expected: { ...signedIn(403), moderator: 204, admin: 204 },
  },
  {
    method: "post",
    route: "/practices/:id/submit",
    path: () => `/api/practices/${practiceIds.toSubmitA}/submit`,
    expected: { ...signedIn(404), memberA: 200, expert: 403, moderator: 403, admin: 403 },
  },
  {
    method: "post",
    route: "/practices/:id/start-review",
    path: () => `/api/practices/${practiceIds.submittedA}/start-review`,
    expected: { ...signedIn(404), memberA: 403, expert: 200, moderator: 409, admin: 409 },
  },
  {
    method: "post",
    route: "/practices/:id/reviews",
    path: () => `/api/practices/${practiceIds.submittedB}/reviews`,
    body: {},
    expected: { ...signedIn(404), memberA: 403, expert: 400, moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/practices/:id/publish",
    path: () => `/api/practices/${practiceIds.submittedB}/publish`,
    body: { isPublic: "tak" },
    expected: { ...signedIn(404), memberA: 403, expert: 403, moderator: 400, admin: 400 },
  },
  {
    method: "post",
    route: "/practices/:id/unpublish",
    path: () => `/api/practices/${practiceIds.publishedB}/unpublish`,
    // The moderator's withdrawal returns it to its author: the admin then finds nothing to withdraw.
    expected: { ...signedIn(403), moderator: 200, admin: 403 },
  },
  {
    method: "put",
    route: "/practices/:id/public",
    path: () => `/api/practices/${practiceIds.publishedA}/public`,
    body: {},
    expected: { ...signedIn(403), moderator: 400, admin: 400 },
  },
  {
    method: "get",
    route: "/practices/:id/versions",
    path: () => `/api/practices/${practiceIds.draftA}/versions`,
    expected: { ...everyone(404), memberA: 200, expert: 200, moderator: 200, admin: 200 },
  },
  {
    method: "get",
    route: "/practices/:id/versions/:number",
    path: () => `/api/practices/${practiceIds.draftA}/versions/1`,
    expected: { ...everyone(404), memberA: 200, expert: 200, moderator: 200, admin: 200 },
  },
  {
    method: "get",
    route: "/threads/:id/practices",
    path: () => `/api/threads/${ids.threadA}/practices`,
    expected: groupA(200),
  },
  // — issue 7: library — a published (not public) analysis by the expert, her draft, a moderator's draft, a comment.
  { method: "get", route: "/analyses", path: () => "/api/analyses", expected: signedIn(200) },
  {
    method: "post",
    route: "/analyses",
    path: () => "/api/analyses",
    body: {},
    expected: { ...signedIn(400), memberA: 403, memberB: 403 },
  },
  {
    method: "get",
    route: "/analyses/:id",
    path: () => `/api/analyses/${libraryIds.published}`,
    expected: signedIn(200),
  },
  {
    method: "patch",
    route: "/analyses/:id",
    path: () => `/api/analyses/${libraryIds.published}`,
    body: {},
    expected: { ...signedIn(400), memberA: 403, memberB: 403 },
  },
  // Staff delete it; the admin, asked after the moderator, finds it gone.
  {
    method: "delete",
    route: "/analyses/:id",
    path: () => `/api/analyses/${libraryIds.moderatorDraft}`,
    expected: { ...signedIn(404), moderator: 204 },
  },
  {
    method: "post",
    route: "/analyses/:id/publish",
    path: () => `/api/analyses/${libraryIds.published}/publish`,
    expected: { ...signedIn(409), memberA: 403, memberB: 403 },
  },
  {
    method: "post",
    route: "/analyses/:id/unpublish",
    path: () => `/api/analyses/${libraryIds.expertDraft}/unpublish`,
    expected: { ...signedIn(409), memberA: 404, memberB: 404 },
  },
  {
    method: "put",
    route: "/analyses/:id/public",
    path: () => `/api/analyses/${libraryIds.published}/public`,
    body: {},
    expected: { ...signedIn(403), moderator: 400, admin: 400 },
  },
  {
    method: "get",
    route: "/analyses/:id/sections/:sectionId/comments",
    path: () => `/api/analyses/${libraryIds.published}/sections/${libraryIds.section}/comments`,
    expected: signedIn(200),
  },
  {
    method: "post",
    route: "/analyses/:id/sections/:sectionId/comments",
    path: () => `/api/analyses/${libraryIds.published}/sections/${libraryIds.section}/comments`,
    body: {},
    expected: signedIn(400),
  },
  // The admin, asked after the moderator hid it, finds it hidden already.
  {
    method: "post",
    route: "/analyses/:id/comments/:commentId/hide",
    path: () => `/api/analyses/${libraryIds.published}/comments/${libraryIds.comment}/hide`,
    expected: { ...signedIn(403), moderator: 200, admin: 409 },
  },
  { method: "get", route: "/library", path: () => "/api/library", expected: everyone(200) },
  // — issue 7: tags — the taxonomy's tools are the moderators'; tag pages are open (visitors see public documents).
  { method: "get", route: "/tag-groups", path: () => "/api/tag-groups", expected: everyone(200) },
  { method: "post", route: "/tag-groups", path: () => "/api/tag-groups", body: {}, expected: staff(400) },
  {
    method: "patch",
    route: "/tag-groups/:slug",
    path: () => "/api/tag-groups/typ-jst",
    body: {},
    expected: staff(400),
  },
  {
    method: "post",
    route: "/tag-groups/:slug/move",
    path: () => "/api/tag-groups/typ-jst/move",
    body: {},
    expected: staff(400),
  },
  { method: "delete", route: "/tag-groups/:slug", path: () => "/api/tag-groups/typ-jst", expected: staff(409) },
  { method: "post", route: "/tags", path: () => "/api/tags", body: {}, expected: staff(400) },
  { method: "patch", route: "/tags/:slug", path: () => "/api/tags/powiat", body: {}, expected: staff(400) },
  { method: "post", route: "/tags/:slug/move", path: () => "/api/tags/powiat/move", body: {}, expected: staff(400) },
  { method: "post", route: "/tags/:slug/merge", path: () => "/api/tags/powiat/merge", body: {}, expected: staff(400) },
  // The moderator removes the tag made for this row; the admin then finds none.
  {
    method: "delete",
    route: "/tags/:slug",
    path: () => "/api/tags/tag-macierzy",
    expected: { ...staff(200), admin: 404 },
  },
  { method: "get", route: "/tags/:slug", path: () => "/api/tags/powiat", expected: everyone(200) },
  { method: "get", route: "/tags/:slug/:section", path: () => "/api/tags/powiat/threads", expected: everyone(200) },
  { method: "put", route: "/tags/:slug/follow", path: () => "/api/tags/powiat/follow", expected: signedIn(200) },
  { method: "delete", route: "/tags/:slug/follow", path: () => "/api/tags/powiat/follow", expected: signedIn(200) },
  {
    method: "put",
    route: "/groups/:slug/free-tags",
    path: () => "/api/groups/gwd-malopolska/free-tags",
    body: {},
    expected: staff(400),
  },
  // — issue 7: network —
  { method: "get", route: "/network/map", path: () => "/api/network/map", expected: everyone(200) },
  { method: "get", route: "/network/leaders", path: () => "/api/network/leaders", expected: signedIn(200) },
  // — issue 8: operations —
  { method: "get", route: "/ready", path: () => "/api/ready", expected: everyone(200) },
  // This server runs without METRICS_TOKEN: the endpoint is off for everyone (test/api/operations covers the token).
  { method: "get", route: "/metrics", path: () => "/metrics", expected: everyone(404) },
  { method: "get", route: "/pages/:slug", path: () => "/api/pages/privacy", expected: everyone(200) },
  {
    method: "put",
    route: "/pages/:slug",
    path: () => "/api/pages/accessibility",
    body: {},
    expected: { ...signedIn(403), admin: 400 },
  },
  // — issue 8: erasure —
  { method: "post", route: "/me/erase", path: () => "/api/me/erase", body: {}, expected: signedIn(400) },
  {
    method: "post",
    route: "/admin/users/:id/erase",
    path: () => `/api/admin/users/${ids.memberB}/erase`,
    body: {},
    expected: staff(403, 400),
  },
  {
    method: "post",
    route: "/admin/users/:id/restriction",
    path: () => `/api/admin/users/${ids.memberB}/restriction`,
    body: {},
    expected: staff(403, 400),
  },
  {
    method: "delete",
    route: "/admin/users/:id/restriction",
    path: () => `/api/admin/users/${ids.memberB}/restriction`,
    expected: staff(403, 409),
  },
  // The moderator marks the post, the admin finds it marked; the next row releases it the same way.
  {
    method: "post",
    route: "/posts/:id/record",
    path: () => `/api/posts/${ids.postA}/record`,
    expected: { ...threadModeration(200), admin: 409 },
  },
  {
    method: "delete",
    route: "/posts/:id/record",
    path: () => `/api/posts/${ids.postA}/record`,
    expected: { ...threadModeration(200), admin: 409 },
  },
  // — issue 8: privacy — everyone takes their own data; only admins take someone else's (moderators are refused).
  { method: "get", route: "/me/export", path: () => "/api/me/export", expected: signedIn(200) },
  { method: "get", route: "/me/consents/history", path: () => "/api/me/consents/history", expected: signedIn(200) },
  {
    method: "get",
    route: "/admin/users/:id/export",
    path: () => `/api/admin/users/${ids.target}/export`,
    expected: staff(403, 200),
  },
  {
    method: "get",
    route: "/admin/users/:id/consents",
    path: () => `/api/admin/users/${ids.target}/consents`,
    expected: staff(403, 200),
  },
  // — issue 8: openapi —
  { method: "get", route: "/openapi.json", path: () => "/api/openapi.json", expected: everyone(200) },
];

const EMAILS: Record<Exclude<RoleName, "visitor">, string> = {
  memberA: DEMO.memberA,
  memberB: DEMO.memberB,
  expert: DEMO.expert,
  moderator: DEMO.moderator,
  admin: DEMO.admin,
  suspended: SUSPENDED_EMAIL,
};

const suspend = (on: boolean) =>
  User.updateOne(
    { email: SUSPENDED_EMAIL },
    { $set: { status: on ? "suspended" : "active", suspension: { reason: on ? "Test" : null } } },
  );

/** The suspended person's session is one they had before the suspension. */
async function agentFor(role: RoleName): Promise<TestAgent> {
  if (role === "visitor") return csrfAgent(server.url);
  if (role !== "suspended") return signedInAgent(server.url, EMAILS[role]);
  await suspend(false);
  const agent = await signedInAgent(server.url, SUSPENDED_EMAIL);
  await suspend(true);
  return agent;
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "matrix" });
  for (const role of ROLES) agents[role] = await agentFor(role);

  const moderator = agents.moderator;
  const detail = (await moderator.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.threadCount > 0);
  ids.categoryA = category?.id ?? "";
  ids.threadA = (await moderator.get(`/api/categories/${ids.categoryA}/threads`)).body.threads[0].id;
  ids.discussionA = detail.categories.find((candidate) => candidate.slug === "dyskusje")?.id ?? "";
  const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  const uploaded = await agents.memberA.post("/api/uploads").attach("file", photo, "zdjęcie.png");
  expect(uploaded.status).toBe(201);
  ids.attachmentA = uploaded.body.attachment.id;
  const started = await agents.memberA.post(`/api/categories/${ids.discussionA}/threads`).send({
    title: "Wątek macierzy uprawnień",
    body: `Pierwszy wpis. ![zdjęcie](/api/attachments/${ids.attachmentA}/thumbnail)`,
    clientId: randomUUID(),
  });
  expect(started.status).toBe(201);
  ids.postA = started.body.post.id;
  ids.startedA = started.body.thread.id;
  ids.memberA = String((await User.findOne({ email: DEMO.memberA }).lean())?._id);
  ids.memberB = String((await User.findOne({ email: DEMO.memberB }).lean())?._id);
  ids.target = String((await User.findOne({ email: "robert.pawlak@demo.forum-jst.pl" }).lean())?._id);
  expect((await agents.memberA.put("/api/me/avatar").attach("avatar", photo, "a.png")).status).toBe(200);
  const invitation = await moderator
    .post("/api/groups/gwd-malopolska/invitations")
    .send({ email: "macierz@example.pl", role: "member" });
  ids.invitation = invitation.body.invitation.id;
  const request = await agents.visitor.post("/api/account-requests").send({
    email: "prosba.macierz@example.pl",
    name: "Ewa Testowa",
    password: "Sowa-Latarnia-Ogorek-47",
    jstTeryt: "1261",
    position: "Inspektorka",
    addresseeGroup: "pracownik_operacyjny",
  });
  expect(request.status).toBe(202);
  ids.pending = String((await User.findOne({ email: "prosba.macierz@example.pl" }).lean())?._id);
}, 180_000);

afterAll(() => server?.stop());

// — moderation: people — a waiting post and an admin's note for the rows above.
const peopleIds = { pendingPost: "", noteByAdmin: "" };
beforeAll(async () => {
  const pending = await PendingPost.create({
    kind: "reply",
    authorId: ids.memberA,
    threadId: ids.threadA,
    categoryId: ids.categoryA,
    body: "Czeka na zatwierdzenie.",
    html: "<p>Czeka na zatwierdzenie.</p>",
    clientId: randomUUID(),
  });
  peopleIds.pendingPost = pending._id.toString();
  const admin = await User.findOne({ email: DEMO.admin }).lean();
  const note = await UserNote.create({ userId: ids.target, authorId: admin?._id, body: "Notatka administratora." });
  peopleIds.noteByAdmin = note._id.toString();
});

// — meetings: roomQa — a live group-A room with a question by someone else, one to hide, an open and a closed poll.
const roomQaIds = { meeting: "", question: "", questionToHide: "", openPoll: "", closedPoll: "" };
beforeAll(async () => {
  roomQaIds.meeting = await liveMeeting(7);
  const asker = await User.findOne({ email: "piotr.mazur@demo.forum-jst.pl" }).lean();
  const moderator = await User.findOne({ email: DEMO.moderator }).lean();
  const question = (text: string) => RoomQuestion.create({ meetingId: roomQaIds.meeting, authorId: asker?._id, text });
  roomQaIds.question = (await question("Pytanie macierzy?"))._id.toString();
  roomQaIds.questionToHide = (await question("Pytanie do ukrycia?"))._id.toString();
  const poll = (status: "open" | "closed") =>
    RoomPoll.create({
      meetingId: roomQaIds.meeting,
      createdById: moderator?._id,
      question: `Ankieta ${status}?`,
      options: [{ text: "Tak" }, { text: "Nie" }],
      status,
    });
  roomQaIds.openPoll = (await poll("open"))._id.toString();
  roomQaIds.closedPoll = (await poll("closed"))._id.toString();
});

// — meetings: meetings — a held and a planned session of group A for the rows above.
const meetingIds = { held: "", planned: "" };
beforeAll(async () => {
  const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
  const held = await Meeting.findOne({ groupId: group?._id, status: "closed" }).lean();
  const planned = await Meeting.findOne({ groupId: group?._id, status: "planned" }).lean();
  meetingIds.held = held?._id.toString() ?? "";
  meetingIds.planned = planned?._id.toString() ?? "";
});

// — meetings: room-core — a meeting of group A that was already held (its room cannot change).
const roomIds = { heldA: "" };
beforeAll(async () => {
  const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
  const held = await Meeting.findOne({ groupId: group?._id, status: "closed" }).lean();
  roomIds.heldA = String(held?._id);
});

// — meetings: record — the meeting the rows above act on.
const recordIds = { meetingA: "" };
beforeAll(async () => {
  const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
  // The last planned one: other blocks open the first ones as live rooms.
  const meeting = await Meeting.findOne({ groupId: group?._id, status: "planned" }).sort({ number: -1 }).lean();
  recordIds.meetingA = meeting?._id.toString() ?? "";
});

// — issue 7: practices — one practice per state the rows above act on (memberA is the author).
const practiceIds = {
  draftA: "",
  toSubmitA: "",
  submittedA: "",
  submittedB: "",
  publishedA: "",
  publishedB: "",
  deletable: [] as string[],
};
beforeAll(async () => {
  const author = await User.findOne({ email: DEMO.memberA }).lean();
  const jst = await Jst.findOne({ teryt: "1261" }).lean();
  const practice = async (status: PracticeStatus, title: string) =>
    (
      await Practice.create({
        title,
        summary: "Streszczenie praktyki macierzy.",
        context: { markdown: "Kontekst", html: "<p>Kontekst</p>" },
        actions: { markdown: "Działania", html: "<p>Działania</p>" },
        jstIds: jst ? [jst._id] : [],
        authorId: author?._id,
        status,
        publishedAt: status === "published" ? new Date() : null,
      })
    )._id.toString();
  const created = await agents.memberA.post("/api/practices").send({ title: "Praktyka macierzy uprawnień" });
  expect(created.status).toBe(201);
  practiceIds.draftA = created.body.practice.id;
  practiceIds.toSubmitA = await practice("draft", "Praktyka do przesłania");
  practiceIds.submittedA = await practice("submitted", "Praktyka przesłana A");
  practiceIds.submittedB = await practice("submitted", "Praktyka przesłana B");
  practiceIds.publishedA = await practice("published", "Praktyka opublikowana A");
  practiceIds.publishedB = await practice("published", "Praktyka opublikowana B");
  for (const role of ROLES) practiceIds.deletable.push(await practice("published", `Praktyka do usunięcia (${role})`));
});

// — issue 7: library — the analyses the rows above act on.
const libraryIds = { published: "", expertDraft: "", moderatorDraft: "", section: "", comment: "" };
beforeAll(async () => {
  const expert = await User.findOne({ email: DEMO.expert }).lean();
  const moderator = await User.findOne({ email: DEMO.moderator }).lean();
  const member = await User.findOne({ email: DEMO.memberA }).lean();
  const analysis = (authorId: mongoose.Types.ObjectId | undefined, status: "draft" | "published") =>
    Analysis.create({
      title: `Analiza macierzy (${status})`,
      authorId,
      status,
      publishedAt: status === "published" ? new Date() : null,
      sections: [{ heading: "Sekcja", markdown: "Treść.", html: "<p>Treść.</p>" }],
    });
  const published = await analysis(expert?._id, "published");
  libraryIds.published = published._id.toString();
  libraryIds.section = published.sections[0]?._id.toString() ?? "";
  libraryIds.expertDraft = (await analysis(expert?._id, "draft"))._id.toString();
  libraryIds.moderatorDraft = (await analysis(moderator?._id, "draft"))._id.toString();
  const comment = await AnalysisComment.create({
    analysisId: published._id,
    sectionId: published.sections[0]?._id,
    authorId: member?._id,
    markdown: "Komentarz.",
    html: "<p>Komentarz.</p>",
  });
  libraryIds.comment = comment._id.toString();
});

// — issue 7: tags — a tag for the moderator to delete.
beforeAll(async () => {
  const created = await agents.moderator.post("/api/tags").send({ name: "Tag macierzy", tagGroup: "typ-jst" });
  expect(created.status).toBe(201);
});

describe.each(rows.map((row) => [`${row.method.toUpperCase()} ${row.route}`, row] as const))("%s", (_name, row) => {
  it("answers each kind of person as the policies say", async () => {
    const actual = {} as Expected;
    for (const role of ROLES) {
      const agent = row.fresh ? await agentFor(role) : agents[role];
      const request = agent[row.method](row.path());
      const response = row.body ? await request.send(row.body) : await request;
      actual[role] = response.status;
    }
    expect(actual).toEqual(row.expected);
  });
});

describe("socket events", () => {
  it.each(ROLES)("thread.join of a group-A thread for %s", async (role) => {
    const cookie = role === "visitor" ? "" : await signInCookieFor(role);
    const socket = connect(server.url, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: cookie ? { Cookie: cookie } : {},
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const ack = await new Promise<SocketAck>((resolve) =>
        socket.emit("thread.join", { threadId: ids.threadA }, resolve),
      );
      const allowed = ["memberA", "expert", "moderator", "admin"].includes(role);
      expect(ack.ok).toBe(allowed);
    } finally {
      socket.disconnect();
    }
  });

  it.each(ROLES)("thread.typing in a group-A thread for %s", async (role) => {
    const cookie = role === "visitor" ? "" : await signInCookieFor(role);
    const socket = connect(server.url, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: cookie ? { Cookie: cookie } : {},
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      await new Promise<SocketAck>((resolve) => socket.emit("thread.join", { threadId: ids.threadA }, resolve));
      const ack = await new Promise<SocketAck>((resolve) =>
        socket.emit("thread.typing", { threadId: ids.threadA }, resolve),
      );
      // Experts read group A but do not write there.
      expect(ack.ok).toBe(["memberA", "moderator", "admin"].includes(role));
    } finally {
      socket.disconnect();
    }
  });

  it("thread.activity of a group-A post reaches only those who may read group A", async () => {
    const sockets = await Promise.all(
      ROLES.map(async (role) => {
        const cookie = role === "visitor" ? "" : await signInCookieFor(role);
        const socket = connect(server.url, {
          transports: ["websocket"],
          forceNew: true,
          extraHeaders: cookie ? { Cookie: cookie } : {},
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const received: string[] = [];
        socket.on("thread.activity", (activity: { threadId: string }) => received.push(activity.threadId));
        return { role, socket, received };
      }),
    );
    try {
      // The group rooms are joined right after connecting: give the joins a moment.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const reply = await agents.memberA
        .post(`/api/threads/${ids.startedA}/posts`)
        .send({ body: "Wpis dla pokojów grup.", clientId: randomUUID() });
      expect(reply.status).toBe(201);
      const allowed = ["memberA", "expert", "moderator", "admin"];
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && !sockets.every((s) => !allowed.includes(s.role) || s.received.length > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Time for a wrong delivery to arrive too.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const got = Object.fromEntries(sockets.map((s) => [s.role, s.received.includes(ids.startedA)]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
    } finally {
      for (const { socket } of sockets) socket.disconnect();
    }
  });

  it("moderation.queue (a new flag) reaches only moderators and admins", async () => {
    const sockets = await Promise.all(
      ROLES.map(async (role) => {
        const cookie = role === "visitor" ? "" : await signInCookieFor(role);
        const socket = connect(server.url, {
          transports: ["websocket"],
          forceNew: true,
          extraHeaders: cookie ? { Cookie: cookie } : {},
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const received: number[] = [];
        socket.on("moderation.queue", (payload: { pending: number }) => received.push(payload.pending));
        return { role, socket, received };
      }),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const reply = await agents.moderator
        .post(`/api/threads/${ids.startedA}/posts`)
        .send({ body: "Wpis do zgłoszenia w macierzy.", clientId: randomUUID() });
      expect(reply.status).toBe(201);
      const flagged = await agents.memberA
        .post(`/api/posts/${reply.body.post.id}/flags`)
        .send({ reason: "spam", text: "" });
      expect(flagged.status).toBe(201);
      const allowed = ["moderator", "admin"];
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && !sockets.every((s) => !allowed.includes(s.role) || s.received.length > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const got = Object.fromEntries(sockets.map((s) => [s.role, s.received.length > 0]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
    } finally {
      for (const { socket } of sockets) socket.disconnect();
    }
  });

  it("thread.moved of a group-A thread moved to group B: the new place only to those who still read it", async () => {
    const started = await agents.memberA
      .post(`/api/categories/${ids.discussionA}/threads`)
      .send({ title: "Wątek przenoszony w macierzy", body: "Treść.", clientId: randomUUID() });
    const threadId: string = started.body.thread.id;
    const sockets = await Promise.all(
      ROLES.map(async (role) => {
        const cookie = role === "visitor" ? "" : await signInCookieFor(role);
        const socket = connect(server.url, {
          transports: ["websocket"],
          forceNew: true,
          extraHeaders: cookie ? { Cookie: cookie } : {},
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        await new Promise((resolve) => socket.emit("thread.join", { threadId }, resolve));
        const received: { readable: boolean }[] = [];
        socket.on("thread.moved", (moved: { readable: boolean }) => received.push(moved));
        return { role, socket, received };
      }),
    );
    try {
      const groupB = (await agents.moderator.get("/api/groups/gwd-wielkopolska-pomorze")).body as GroupDetail;
      const categoryId = groupB.categories.find((category) => category.slug === "dyskusje")?.id;
      expect((await agents.moderator.post(`/api/threads/${threadId}/move`).send({ categoryId })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const got = Object.fromEntries(sockets.map((s) => [s.role, s.received[0]?.readable ?? "nothing"]));
      expect(got).toEqual({
        visitor: "nothing",
        memberA: false,
        memberB: "nothing",
        expert: true,
        moderator: true,
        admin: true,
        suspended: "nothing",
      });
    } finally {
      for (const { socket } of sockets) socket.disconnect();
    }
  });

  it("refuses a socket handshake from another site", async () => {
    const socket = connect(server.url, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { Origin: "https://zla-strona.example" },
    });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    socket.disconnect();
    expect(error).toBeInstanceOf(Error);
  });
});

describe("socket events: threadState", () => {
  it("thread.updated of a group-A thread reaches only those who may read group A", async () => {
    const sockets = await Promise.all(
      ROLES.map(async (role) => {
        const cookie = role === "visitor" ? "" : await signInCookieFor(role);
        const socket = connect(server.url, {
          transports: ["websocket"],
          forceNew: true,
          extraHeaders: cookie ? { Cookie: cookie } : {},
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const received: string[] = [];
        socket.on("thread.updated", (update: { threadId: string }) => received.push(update.threadId));
        return { role, socket, received };
      }),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const changed = await agents.moderator.put(`/api/threads/${ids.startedA}/slow-mode`).send({ seconds: 0 });
      expect(changed.status).toBe(200);
      const allowed = ["memberA", "expert", "moderator", "admin"];
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && !sockets.every((s) => !allowed.includes(s.role) || s.received.length > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const got = Object.fromEntries(sockets.map((s) => [s.role, s.received.includes(ids.startedA)]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
    } finally {
      for (const { socket } of sockets) socket.disconnect();
    }
  });
});

async function signInCookieFor(role: Exclude<RoleName, "visitor">): Promise<string> {
  if (role !== "suspended") return signInCookie(server.url, EMAILS[role]);
  // A suspended person cannot sign in: reuse the session they had before the suspension.
  const jar = (agents.suspended as unknown as { jar: { getCookies(info: object): { toValueString(): string }[] } }).jar;
  const { CookieAccessInfo } = await import("cookiejar");
  return jar
    .getCookies(new CookieAccessInfo(new URL(server.url).hostname, "/", false, true))
    .map((cookie) => cookie.toValueString())
    .join("; ");
}

// — moderation: people —
describe("approval queue and silence socket events", () => {
  it("approval.changed reaches only moderators and admins", async () => {
    const sockets = await Promise.all(
      ROLES.map(async (role) => {
        const cookie = role === "visitor" ? "" : await signInCookieFor(role);
        const socket = connect(server.url, {
          transports: ["websocket"],
          forceNew: true,
          extraHeaders: cookie ? { Cookie: cookie } : {},
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        let received = false;
        socket.on("approval.changed", () => (received = true));
        return { role, socket, received: () => received };
      }),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pending = await PendingPost.create({
        kind: "reply",
        authorId: ids.memberA,
        threadId: ids.threadA,
        categoryId: ids.categoryA,
        body: "Do odrzucenia.",
        html: "<p>Do odrzucenia.</p>",
        clientId: randomUUID(),
      });
      const rejected = await agents.moderator
        .post(`/api/moderation/approvals/${pending._id.toString()}/reject`)
        .send({ message: "Nie na temat." });
      expect(rejected.status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const got = Object.fromEntries(sockets.map((s) => [s.role, s.received()]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, role === "moderator" || role === "admin"])));
    } finally {
      for (const { socket } of sockets) socket.disconnect();
    }
  });
});

describe("the table", () => {
  it("covers every route the server declares", () => {
    expect(rows.map((row) => `${row.method} ${row.route}`).sort()).toEqual(declaredRoutes());
  });
});
