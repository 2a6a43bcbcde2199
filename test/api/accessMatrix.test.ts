import { randomUUID } from "node:crypto";
import mongoose from "mongoose";
import sharp from "sharp";
import { io as connect } from "socket.io-client";
import type TestAgent from "supertest/lib/agent.js";
import {
  endpointList,
  objectId,
  urlOf,
  type AddressOf,
  type Endpoint,
  type EndpointName,
  type EndpointNamed,
  type GroupDetail,
  type PathParamName,
  type ServerToClientEvents,
  type SocketAck,
} from "@forum/shared";
import type { PracticeStatus } from "@forum/shared";
import { Analysis } from "../../server/src/models/Analysis.js";
import { AnalysisComment } from "../../server/src/models/AnalysisComment.js";
import { Cohort } from "../../server/src/models/Cohort.js";
import { Group } from "../../server/src/models/Group.js";
import { Membership } from "../../server/src/models/Membership.js";
import { OnboardingImport } from "../../server/src/models/OnboardingImport.js";
import { OnboardingRow } from "../../server/src/models/OnboardingRow.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Practice } from "../../server/src/models/Practice.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { PendingPost } from "../../server/src/models/PendingPost.js";
import { RoomPoll } from "../../server/src/models/RoomPoll.js";
import { RoomQuestion } from "../../server/src/models/RoomQuestion.js";
import { User } from "../../server/src/models/User.js";
import { UserNote } from "../../server/src/models/UserNote.js";
import { csrfAgent, DEMO, signedInAgent, signInCookie } from "../support/http.js";
import { connectWithCookie, type ForumClient } from "../support/sockets.js";
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

/** A group-A roster: ZMP manages it; its readers who are not staff (members, experts) are refused, others do not see it. */
const roster = (moderator: number): Expected => ({ ...groupA(403), moderator, admin: moderator });

/** Moderator tools on a group-A thread: readers who are not staff are refused (403), others do not see it (404). */
const threadModeration = (moderator: number): Expected => ({ ...groupA(403), moderator, admin: moderator });

/**
 * One row per declared endpoint (shared/src/endpoints), keyed by its name: a new declaration without a row, or a row
 * for an endpoint that no longer exists, fails the typecheck. The address is built from the declaration, so a row
 * always calls the endpoint it is named after.
 */
type Row<E extends Endpoint> = {
  body?: object;
  expected: Expected;
  /** Needs a session of its own, because it ends the one it is sent with. */
  fresh?: boolean;
} & ([PathParamName<E["path"]>] extends [never] ? { address?: () => AddressOf<E> } : { address: () => AddressOf<E> });

const rows: { [Name in EndpointName]: Row<EndpointNamed<Name>> } = {
  "system.health": { expected: everyone(200) },
  "network.overview": { expected: everyone(200) },
  "auth.csrf": { expected: everyone(200) },
  "auth.me": { expected: everyone(200) },
  "auth.login": { body: {}, expected: everyone(400) },
  "auth.logout": { expected: everyone(204), fresh: true },
  "auth.passwordResetRequest": { body: {}, expected: everyone(400) },
  "auth.passwordResetConfirm": { body: {}, expected: everyone(400) },
  "registration.jsts": { address: () => ({ query: { q: "krak" } }), expected: everyone(200) },
  "registration.voivodeships": { expected: everyone(200) },
  "registration.requestAccount": { body: {}, expected: everyone(400) },
  "registration.invitation": {
    address: () => ({ params: { token: "nieistniejacy-token-0123456789" } }),
    expected: everyone(404),
  },
  "registration.acceptInvitation": {
    address: () => ({ params: { token: "nieistniejacy-token-0123456789" } }),
    body: {},
    expected: everyone(400),
  },
  "network.groups": { expected: signedIn(200) },
  "network.group": { address: () => ({ params: { slug: "gwd-malopolska" } }), expected: groupA(200) },
  "network.home": { expected: signedIn(200) },
  "tags.taxonomy": { expected: signedIn(200) },
  "network.categories": { expected: signedIn(200) },
  // Category management: an empty body is refused (400) only for those allowed to manage.
  "network.createGroupCategory": {
    address: () => ({ params: { slug: "gwd-malopolska" } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "network.createCategory": { body: {}, expected: { ...signedIn(403), moderator: 400, admin: 400 } },
  "threads.updateCategory": {
    address: () => ({ params: { id: ids.discussionA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "threads.moveCategory": {
    address: () => ({ params: { id: ids.discussionA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "threads.categoryThreads": { address: () => ({ params: { id: ids.categoryA } }), expected: groupA(200) },
  "threads.detail": { address: () => ({ params: { id: ids.threadA } }), expected: groupA(200) },
  "threads.posts": {
    address: () => ({ params: { id: ids.threadA }, query: { after: "0", limit: "5" } }),
    expected: groupA(200),
  },
  "threads.markRead": { address: () => ({ params: { id: ids.threadA } }), body: { number: 1 }, expected: groupA(200) },
  "threads.reply": { address: () => ({ params: { id: ids.threadA } }), body: {}, expected: groupA(400, 403) },
  "threads.startThread": { address: () => ({ params: { id: ids.discussionA } }), body: {}, expected: groupA(400, 403) },
  // ids.postA: the first post of a thread memberA started in group A (it cannot be deleted: 409).
  "posts.edit": { address: () => ({ params: { id: ids.postA } }), body: {}, expected: groupA(400, 403) },
  "posts.delete": { address: () => ({ params: { id: ids.postA } }), expected: groupA(409, 403) },
  "posts.revisions": { address: () => ({ params: { id: ids.postA } }), expected: groupA(200) },
  "posts.react": {
    address: () => ({ params: { id: ids.postA, kind: "like" } }),
    expected: { ...groupA(200), memberA: 403 },
  },
  "posts.unreact": {
    address: () => ({ params: { id: ids.postA, kind: "like" } }),
    expected: { ...groupA(200), memberA: 403 },
  },
  "notifications.list": { expected: signedIn(200) },
  "notifications.unreadCount": { expected: signedIn(200) },
  "notifications.markRead": {
    address: () => ({ params: { id: "0123456789abcdef01234567" } }),
    expected: signedIn(404),
  },
  "notifications.markAllRead": { expected: signedIn(200) },
  "threads.watch": { address: () => ({ params: { id: ids.threadA } }), expected: groupA(200) },
  "threads.setWatch": { address: () => ({ params: { id: ids.threadA } }), body: {}, expected: groupA(400) },
  "threads.categoryWatch": { address: () => ({ params: { id: ids.categoryA } }), expected: groupA(200) },
  "threads.setCategoryWatch": { address: () => ({ params: { id: ids.categoryA } }), body: {}, expected: groupA(400) },
  "threads.mentionable": { address: () => ({ params: { id: ids.threadA }, query: { q: "a" } }), expected: groupA(200) },
  "threads.categoryMentionable": {
    address: () => ({ params: { id: ids.discussionA }, query: { q: "a" } }),
    expected: groupA(200),
  },
  // The signed link is the only credential: a forged one is refused to everyone alike.
  "account.unsubscribePage": {
    address: () => ({ params: { token: `${ids.memberA}.digest.podrobiony-podpis` } }),
    expected: everyone(404),
  },
  "account.unsubscribe": {
    address: () => ({ params: { token: `${ids.memberA}.digest.podrobiony-podpis` } }),
    expected: everyone(404),
  },
  // memberA's card: her own group, staff and experts see it; another group's member does not.
  "network.person": {
    address: () => ({ params: { username: "piotr.mazur" } }),
    expected: { ...signedIn(200), memberB: 404 },
  },
  "account.profile": { expected: signedIn(200) },
  "account.updateProfile": { body: {}, expected: signedIn(400) },
  "account.updateConsents": { body: {}, expected: signedIn(400) },
  "account.changePassword": { body: {}, expected: signedIn(400) },
  "account.setAvatar": { expected: signedIn(400) },
  "account.avatar": { address: () => ({ params: { id: ids.memberA } }), expected: signedIn(200) },
  "account.removeAvatar": { expected: signedIn(204), fresh: true },
  "account.sessions": { expected: signedIn(200) },
  "account.revokeSession": { address: () => ({ params: { id: "nie-ma-takiej-sesji" } }), expected: signedIn(404) },
  "admin.users": { expected: staff(200) },
  "admin.changeRole": {
    address: () => ({ params: { id: ids.target } }),
    body: { role: "król" },
    expected: staff(403, 400),
  },
  "admin.suspend": { address: () => ({ params: { id: ids.target } }), body: {}, expected: staff(400) },
  "admin.unsuspend": { address: () => ({ params: { id: ids.target } }), expected: staff(200) },
  "registration.accountRequests": { expected: staff(200) },
  "registration.approveAccountRequest": { address: () => ({ params: { id: ids.memberB } }), expected: staff(409) },
  "registration.rejectAccountRequest": {
    address: () => ({ params: { id: ids.pending } }),
    body: {},
    expected: staff(400),
  },
  "registration.invite": {
    address: () => ({ params: { slug: "gwd-malopolska" } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "registration.invitations": {
    address: () => ({ params: { slug: "gwd-malopolska" } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  "registration.resendInvitation": {
    address: () => ({ params: { id: ids.invitation } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  "posts.upload": { expected: signedIn(400) },
  "posts.attachment": { address: () => ({ params: { id: ids.attachmentA } }), expected: groupA(200) },
  "posts.thumbnail": { address: () => ({ params: { id: ids.attachmentA } }), expected: groupA(200) },
  // Drafts: only where one may write (experts read group A but do not write there).
  "posts.replyDraft": { address: () => ({ params: { threadId: ids.threadA } }), expected: groupA(200, 403) },
  "posts.saveReplyDraft": {
    address: () => ({ params: { threadId: ids.threadA } }),
    body: {},
    expected: groupA(400, 403),
  },
  "posts.discardReplyDraft": { address: () => ({ params: { threadId: ids.threadA } }), expected: groupA(204, 403) },
  "posts.threadDraft": { address: () => ({ params: { categoryId: ids.discussionA } }), expected: groupA(200, 403) },
  "posts.saveThreadDraft": {
    address: () => ({ params: { categoryId: ids.discussionA } }),
    body: {},
    expected: groupA(400, 403),
  },
  "posts.discardThreadDraft": {
    address: () => ({ params: { categoryId: ids.discussionA } }),
    expected: groupA(204, 403),
  },
  // — moderation: audit —
  "moderation.queues": { expected: staff(200) },
  "moderation.dashboard": { expected: staff(200) },
  "moderation.audit": { expected: staff(200) },
  "moderation.auditActors": { expected: staff(200) },
  "moderation.auditCsv": { expected: staff(200) },
  // — moderation: flags —
  "posts.detail": { address: () => ({ params: { id: ids.postA } }), expected: groupA(200) },
  "moderation.hidePost": {
    address: () => ({ params: { id: ids.postA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "moderation.restorePost": {
    address: () => ({ params: { id: ids.postA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  // Admins only; the first post of a thread is never purged (409), so the row changes nothing.
  "moderation.purgePost": { address: () => ({ params: { id: ids.postA } }), expected: { ...groupA(403), admin: 409 } },
  // Whoever reads the post may flag it (an empty body is refused), except its author.
  "posts.flag": {
    address: () => ({ params: { id: ids.postA } }),
    body: {},
    expected: { ...groupA(400), memberA: 403 },
  },
  "moderation.flags": { expected: staff(200) },
  "moderation.resolveFlags": { address: () => ({ params: { id: ids.postA } }), body: {}, expected: staff(400) },
  "moderation.messageAuthor": { address: () => ({ params: { id: ids.postA } }), body: {}, expected: staff(400) },
  // — moderation: people —
  "moderation.approvals": { expected: staff(200) },
  "moderation.approve": {
    address: () => ({ params: { id: peopleIds.pendingPost } }),
    expected: { ...staff(200, 409), memberA: 403 },
  },
  "moderation.reject": {
    address: () => ({ params: { id: peopleIds.pendingPost } }),
    body: {},
    expected: { ...staff(400), memberA: 403 },
  },
  "moderation.categoryPending": { address: () => ({ params: { id: ids.discussionA } }), expected: groupA(200) },
  "moderation.threadPending": { address: () => ({ params: { id: ids.threadA } }), expected: groupA(200) },
  "moderation.person": { address: () => ({ params: { username: "robert.pawlak" } }), expected: staff(200) },
  "moderation.silence": { address: () => ({ params: { username: "robert.pawlak" } }), body: {}, expected: staff(400) },
  "moderation.unsilence": { address: () => ({ params: { username: "robert.pawlak" } }), expected: staff(200) },
  "moderation.addNote": { address: () => ({ params: { username: "robert.pawlak" } }), body: {}, expected: staff(400) },
  "moderation.deleteNote": {
    address: () => ({ params: { username: "robert.pawlak", noteId: peopleIds.noteByAdmin } }),
    expected: staff(403, 200),
  },
  // — moderation: threadState —
  // Bad bodies for the tools that change something, so the table leaves the thread as it was.
  "threads.pin": {
    address: () => ({ params: { id: ids.threadA } }),
    body: { scope: "wszędzie" },
    expected: threadModeration(400),
  },
  "threads.unpin": { address: () => ({ params: { id: ids.threadA } }), expected: threadModeration(200) },
  "threads.lock": { address: () => ({ params: { id: ids.threadA } }), body: {}, expected: threadModeration(400) },
  "threads.unlock": { address: () => ({ params: { id: ids.threadA } }), expected: threadModeration(200) },
  "threads.scheduleClose": {
    address: () => ({ params: { id: ids.threadA } }),
    body: { closesAt: "jutro" },
    expected: threadModeration(400),
  },
  "threads.setSlowMode": {
    address: () => ({ params: { id: ids.threadA } }),
    body: { seconds: -1 },
    expected: threadModeration(400),
  },
  "threads.edit": { address: () => ({ params: { id: ids.threadA } }), body: {}, expected: threadModeration(400) },
  // — moderation: threadRestructure —
  "threads.restructureTargets": { expected: staff(200) },
  // An empty body: moderators get as far as validation (400), so nothing is moved.
  "threads.move": {
    address: () => ({ params: { id: ids.threadA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "threads.merge": {
    address: () => ({ params: { id: ids.threadA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "threads.split": {
    address: () => ({ params: { id: ids.threadA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // — meetings: meetings —
  // Plan changes with an empty body (moderators reach validation, 400), so nothing changes; a held
  // session cannot be deleted (409), so the DELETE row leaves it in place.
  "meetings.groupMeetings": { address: () => ({ params: { slug: "gwd-malopolska" } }), expected: groupA(200) },
  "meetings.schedule": {
    address: () => ({ params: { slug: "gwd-malopolska" } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "meetings.detail": { address: () => ({ params: { id: meetingIds.held } }), expected: groupA(200) },
  "meetings.update": {
    address: () => ({ params: { id: meetingIds.planned } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "meetings.cancel": {
    address: () => ({ params: { id: meetingIds.held } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "meetings.setAgenda": {
    address: () => ({ params: { id: meetingIds.planned } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "meetings.experts": {
    address: () => ({ params: { id: meetingIds.planned } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  "meetings.inviteExperts": {
    address: () => ({ params: { id: meetingIds.planned } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // — meetings: sign-up — members of group A answer for themselves; ZMP and the facilitators see and remind.
  "meetingRegistrations.register": {
    address: () => ({ params: { id: meetingIds.planned } }),
    body: {},
    expected: { ...groupA(403), memberA: 400, moderator: 400 },
  },
  "meetingRegistrations.list": {
    address: () => ({ params: { id: meetingIds.planned } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  "meetingRegistrations.registerFor": {
    address: () => ({ params: { id: meetingIds.planned, userId: ids.memberA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // The held session: staff get as far as "the session is over" (409), so the matrix sends no reminder.
  "meetingRegistrations.remind": {
    address: () => ({ params: { id: meetingIds.held } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "meetingRegistrations.icsFile": { address: () => ({ params: { id: meetingIds.planned } }), expected: groupA(200) },
  "meetings.calendar": { address: () => ({ query: { month: "2026-11" } }), expected: signedIn(200) },
  // The feeds need no session: an unknown token is simply not found.
  "meetings.calendarFeed": {
    address: () => ({ params: { token: "nieznany-token-kalendarza" } }),
    expected: everyone(404),
  },
  "meetings.groupCalendarFeed": {
    address: () => ({ params: { token: "nieznany-token-kalendarza", slug: "gwd-malopolska" } }),
    expected: everyone(404),
  },
  "account.calendarToken": { expected: signedIn(200) },
  "account.newCalendarToken": { expected: signedIn(201) },
  "account.revokeCalendarToken": { expected: signedIn(204) },
  // — meetings: room-core —
  // A group-A meeting that has already been held: staff get as far as "not live" (409) or validation (400).
  "room.open": {
    address: () => ({ params: { id: roomIds.heldA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  // — issue 18: a room per day — on the held meeting, so no row changes what the others see (no reason: 400).
  "meetingDays.openDay": {
    address: () => ({ params: { id: roomIds.heldA, day: "1" } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "meetingDays.closeDay": {
    address: () => ({ params: { id: roomIds.heldA, day: "1" } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "meetingDays.end": {
    address: () => ({ params: { id: roomIds.heldA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "meetingDays.reopen": {
    address: () => ({ params: { id: roomIds.heldA } }),
    expected: { ...groupA(403), moderator: 403, admin: 400 },
  },
  "room.mute": {
    address: () => ({ params: { id: roomIds.heldA, userId: ids.memberA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "room.unmute": {
    address: () => ({ params: { id: roomIds.heldA, userId: ids.memberA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "room.setSlowMode": {
    address: () => ({ params: { id: roomIds.heldA } }),
    body: { seconds: -1 },
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "room.pin": {
    address: () => ({ params: { id: roomIds.heldA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "room.unpin": {
    address: () => ({ params: { id: roomIds.heldA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "room.removeMessage": {
    address: () => ({ params: { id: roomIds.heldA, messageId: roomIds.heldA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  // — meetings: roomQa — a live group-A room (roomQaIds below); experts are not invited, so they may not write.
  "room.ask": {
    address: () => ({ params: { id: roomQaIds.meeting } }),
    body: {},
    expected: { ...groupA(403), memberA: 400, moderator: 400, admin: 400 },
  },
  // Someone else's question: voting again and withdrawing are idempotent (200).
  "room.voteQuestion": {
    address: () => ({ params: { id: roomQaIds.meeting, questionId: roomQaIds.question } }),
    expected: { ...groupA(403), memberA: 200, moderator: 200, admin: 200 },
  },
  "room.unvoteQuestion": {
    address: () => ({ params: { id: roomQaIds.meeting, questionId: roomQaIds.question } }),
    expected: { ...groupA(403), memberA: 200, moderator: 200, admin: 200 },
  },
  "room.answerQuestion": {
    address: () => ({ params: { id: roomQaIds.meeting, questionId: roomQaIds.question } }),
    body: { answer: "x".repeat(1001) },
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "room.hideQuestion": {
    address: () => ({ params: { id: roomQaIds.meeting, questionId: roomQaIds.questionToHide } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  "room.createPoll": {
    address: () => ({ params: { id: roomQaIds.meeting } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // Opening an open poll and closing a closed one: moderators get 409, so nothing changes.
  "room.openPoll": {
    address: () => ({ params: { id: roomQaIds.meeting, pollId: roomQaIds.openPoll } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "room.closePoll": {
    address: () => ({ params: { id: roomQaIds.meeting, pollId: roomQaIds.closedPoll } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "room.votePoll": {
    address: () => ({ params: { id: roomQaIds.meeting, pollId: roomQaIds.openPoll } }),
    body: {},
    expected: { ...groupA(403), memberA: 400, moderator: 400, admin: 400 },
  },
  // — meetings: record — a planned meeting of group A (closing it answers 409: not live).
  "room.setAgendaItem": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "room.saveMinutes": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "room.setNoteTaker": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  "room.close": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    expected: { ...groupA(403), moderator: 409, admin: 409 },
  },
  "room.attendance": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  "room.attendanceCsv": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  // — issue 7: search —
  // Visitors (and suspended people, who act as visitors) find the public practices and analyses only.
  "knowledge.search": { address: () => ({ query: { q: "szkoła" } }), expected: everyone(200) },
  // — issue 7: practices —
  "knowledge.practices": { expected: signedIn(200) },
  "knowledge.createPractice": { body: {}, expected: signedIn(400) },
  "knowledge.practice": {
    address: () => ({ params: { id: practiceIds.draftA } }),
    expected: { ...everyone(404), memberA: 200, expert: 200, moderator: 200, admin: 200 },
  },
  "knowledge.updatePractice": {
    address: () => ({ params: { id: practiceIds.draftA } }),
    body: {},
    expected: { ...signedIn(404), memberA: 400, expert: 403, moderator: 400, admin: 400 },
  },
  "knowledge.deletePractice": {
    address: () => ({ params: { id: practiceIds.deletable.shift() ?? "brak" } }),
    expected: { ...signedIn(403), moderator: 204, admin: 204 },
  },
  "knowledge.submitPractice": {
    address: () => ({ params: { id: practiceIds.toSubmitA } }),
    expected: { ...signedIn(404), memberA: 200, expert: 403, moderator: 403, admin: 403 },
  },
  "knowledge.startReview": {
    address: () => ({ params: { id: practiceIds.submittedA } }),
    expected: { ...signedIn(404), memberA: 403, expert: 200, moderator: 409, admin: 409 },
  },
  "knowledge.reviewPractice": {
    address: () => ({ params: { id: practiceIds.submittedB } }),
    body: {},
    expected: { ...signedIn(404), memberA: 403, expert: 400, moderator: 400, admin: 400 },
  },
  "knowledge.publishPractice": {
    address: () => ({ params: { id: practiceIds.submittedB } }),
    body: { isPublic: "tak" },
    expected: { ...signedIn(404), memberA: 403, expert: 403, moderator: 400, admin: 400 },
  },
  "knowledge.unpublishPractice": {
    address: () => ({ params: { id: practiceIds.publishedB } }),
    expected: { ...signedIn(403), moderator: 200, admin: 403 },
  },
  "knowledge.setPracticePublic": {
    address: () => ({ params: { id: practiceIds.publishedA } }),
    body: {},
    expected: { ...signedIn(403), moderator: 400, admin: 400 },
  },
  "knowledge.practiceVersions": {
    address: () => ({ params: { id: practiceIds.draftA } }),
    expected: { ...everyone(404), memberA: 200, expert: 200, moderator: 200, admin: 200 },
  },
  "knowledge.practiceVersion": {
    address: () => ({ params: { id: practiceIds.draftA, number: "1" } }),
    expected: { ...everyone(404), memberA: 200, expert: 200, moderator: 200, admin: 200 },
  },
  "knowledge.threadPractices": { address: () => ({ params: { id: ids.threadA } }), expected: groupA(200) },
  // — issue 7: library — a published (not public) analysis by the expert, her draft, a moderator's draft, a comment.
  "knowledge.analyses": { expected: signedIn(200) },
  "knowledge.createAnalysis": { body: {}, expected: { ...signedIn(400), memberA: 403, memberB: 403 } },
  "knowledge.analysis": { address: () => ({ params: { id: libraryIds.published } }), expected: signedIn(200) },
  "knowledge.updateAnalysis": {
    address: () => ({ params: { id: libraryIds.published } }),
    body: {},
    expected: { ...signedIn(400), memberA: 403, memberB: 403 },
  },
  // Staff delete it; the admin, asked after the moderator, finds it gone.
  "knowledge.deleteAnalysis": {
    address: () => ({ params: { id: libraryIds.moderatorDraft } }),
    expected: { ...signedIn(404), moderator: 204 },
  },
  "knowledge.publishAnalysis": {
    address: () => ({ params: { id: libraryIds.published } }),
    expected: { ...signedIn(409), memberA: 403, memberB: 403 },
  },
  "knowledge.unpublishAnalysis": {
    address: () => ({ params: { id: libraryIds.expertDraft } }),
    expected: { ...signedIn(409), memberA: 404, memberB: 404 },
  },
  "knowledge.setAnalysisPublic": {
    address: () => ({ params: { id: libraryIds.published } }),
    body: {},
    expected: { ...signedIn(403), moderator: 400, admin: 400 },
  },
  "knowledge.sectionComments": {
    address: () => ({ params: { id: libraryIds.published, sectionId: libraryIds.section } }),
    expected: signedIn(200),
  },
  "knowledge.comment": {
    address: () => ({ params: { id: libraryIds.published, sectionId: libraryIds.section } }),
    body: {},
    expected: signedIn(400),
  },
  // The admin, asked after the moderator hid it, finds it hidden already.
  "knowledge.hideComment": {
    address: () => ({ params: { id: libraryIds.published, commentId: libraryIds.comment } }),
    expected: { ...signedIn(403), moderator: 200, admin: 409 },
  },
  "knowledge.library": { expected: everyone(200) },
  // — issue 7: tags — the taxonomy's tools are the moderators'; tag pages are open (visitors see public documents).
  "tags.overview": { expected: everyone(200) },
  "tags.createTagGroup": { body: {}, expected: staff(400) },
  "tags.updateTagGroup": { address: () => ({ params: { slug: "typ-jst" } }), body: {}, expected: staff(400) },
  "tags.moveTagGroup": { address: () => ({ params: { slug: "typ-jst" } }), body: {}, expected: staff(400) },
  "tags.deleteTagGroup": { address: () => ({ params: { slug: "typ-jst" } }), expected: staff(409) },
  "tags.createTag": { body: {}, expected: staff(400) },
  "tags.updateTag": { address: () => ({ params: { slug: "powiat" } }), body: {}, expected: staff(400) },
  "tags.moveTag": { address: () => ({ params: { slug: "powiat" } }), body: {}, expected: staff(400) },
  "tags.mergeTag": { address: () => ({ params: { slug: "powiat" } }), body: {}, expected: staff(400) },
  // The moderator removes the tag made for this row; the admin then finds none.
  "tags.deleteTag": { address: () => ({ params: { slug: "tag-macierzy" } }), expected: { ...staff(200), admin: 404 } },
  "tags.page": { address: () => ({ params: { slug: "powiat" } }), expected: everyone(200) },
  "tags.section": { address: () => ({ params: { slug: "powiat", section: "threads" } }), expected: everyone(200) },
  "tags.follow": { address: () => ({ params: { slug: "powiat" } }), expected: signedIn(200) },
  "tags.unfollow": { address: () => ({ params: { slug: "powiat" } }), expected: signedIn(200) },
  "network.setFreeTags": { address: () => ({ params: { slug: "gwd-malopolska" } }), body: {}, expected: staff(400) },
  // — issue 7: network —
  "network.map": { expected: everyone(200) },
  "network.leaders": { expected: signedIn(200) },
  // — issue 8: operations —
  "system.ready": { expected: everyone(200) },
  // This server runs without METRICS_TOKEN: the endpoint is off for everyone (test/api/operations covers the token).
  "system.metrics": { expected: everyone(404) },
  "admin.page": { address: () => ({ params: { slug: "privacy" } }), expected: everyone(200) },
  "admin.launchChecklist": { expected: { ...signedIn(404), admin: 200 } },
  "admin.updatePage": {
    address: () => ({ params: { slug: "accessibility" } }),
    body: {},
    expected: { ...signedIn(403), admin: 400 },
  },
  // — issue 8: erasure —
  "account.erase": { body: {}, expected: signedIn(400) },
  "admin.erase": { address: () => ({ params: { id: ids.memberB } }), body: {}, expected: staff(403, 400) },
  "admin.restrict": { address: () => ({ params: { id: ids.memberB } }), body: {}, expected: staff(403, 400) },
  "admin.liftRestriction": { address: () => ({ params: { id: ids.memberB } }), expected: staff(403, 409) },
  // The moderator marks the post, the admin finds it marked; the next row releases it the same way.
  "moderation.keepForRecord": {
    address: () => ({ params: { id: ids.postA } }),
    expected: { ...threadModeration(200), admin: 409 },
  },
  "moderation.releaseFromRecord": {
    address: () => ({ params: { id: ids.postA } }),
    expected: { ...threadModeration(200), admin: 409 },
  },
  // — issue 8: privacy — everyone takes their own data; only admins take someone else's (moderators are refused).
  "account.exportData": { expected: signedIn(200) },
  "account.consentHistory": { expected: signedIn(200) },
  "admin.exportData": { address: () => ({ params: { id: ids.target } }), expected: staff(403, 200) },
  "admin.consentHistory": { address: () => ({ params: { id: ids.target } }), expected: staff(403, 200) },
  // — issue 8: openapi —
  "system.openApi": { expected: everyone(200) },
  // — issue 17: programme administration — ZMP runs cohorts, groups and onboarding; a group's facilitators see its roster.
  "programme.cohorts": { expected: staff(200) },
  "programme.createCohort": { body: {}, expected: staff(400) },
  "programme.updateCohort": {
    address: () => ({ params: { id: programmeIds.cohort } }),
    body: {},
    expected: staff(400),
  },
  "programme.createGroup": { body: {}, expected: staff(400) },
  "programme.updateGroup": {
    address: () => ({ params: { slug: "gwd-malopolska" } }),
    body: {},
    expected: { ...groupA(403), moderator: 400, admin: 400 },
  },
  // A group of its own, without members: the moderator archives it (restores it), the admin then finds it done.
  "programme.archiveGroup": {
    address: () => ({ params: { slug: PROGRAMME_GROUP } }),
    expected: { ...signedIn(404), expert: 403, moderator: 200, admin: 409 },
  },
  "programme.unarchiveGroup": {
    address: () => ({ params: { slug: PROGRAMME_GROUP } }),
    expected: { ...signedIn(404), expert: 403, moderator: 200, admin: 409 },
  },
  "programme.members": { address: () => ({ params: { slug: "gwd-malopolska" } }), expected: roster(200) },
  "programme.membersCsv": { address: () => ({ params: { slug: "gwd-malopolska" } }), expected: roster(200) },
  "programme.memberCandidates": {
    address: () => ({ params: { slug: "gwd-malopolska" }, query: { q: "ma" } }),
    expected: roster(200),
  },
  "programme.addMembers": { address: () => ({ params: { slug: "gwd-malopolska" } }), body: {}, expected: roster(400) },
  // marek.kaminski is not in group A: those who manage its roster learn only that (404), like a name that names nothing.
  "programme.removeMember": {
    address: () => ({ params: { slug: "gwd-malopolska", username: "marek.kaminski" } }),
    expected: roster(404),
  },
  "programme.moveMember": {
    address: () => ({ params: { slug: "gwd-malopolska", username: "marek.kaminski" } }),
    body: {},
    expected: roster(404),
  },
  "programme.setMemberRole": {
    address: () => ({ params: { slug: "gwd-malopolska", username: "marek.kaminski" } }),
    body: {},
    expected: roster(404),
  },
  "programme.imports": { expected: staff(200) },
  "programme.uploadImport": { expected: staff(400) },
  "programme.importRows": { address: () => ({ params: { id: programmeIds.import } }), expected: staff(200) },
  "programme.fixRow": {
    address: () => ({ params: { id: programmeIds.import, rowId: programmeIds.row } }),
    body: {},
    expected: staff(400),
  },
  // Its only row needs fixing: nothing is ready to send.
  "programme.sendImport": { address: () => ({ params: { id: programmeIds.import } }), expected: staff(409) },
  // — issue 18: attendance sheet, certificates, the programme's report —
  "meetingDocuments.meetingDocuments": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    expected: groupA(200),
  },
  "meetingDocuments.attendanceSheet": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    expected: { ...groupA(403), moderator: 200, admin: 200 },
  },
  // The session is not held yet: its readers are told there is no certificate (409), others do not see it.
  "meetingDocuments.meetingCertificate": {
    address: () => ({ params: { id: recordIds.meetingA } }),
    expected: groupA(409),
  },
  // Nobody attended a held session of this cohort.
  "meetingDocuments.cohortCertificate": {
    address: () => ({ params: { id: programmeIds.cohort } }),
    expected: signedIn(409),
  },
  "meetingDocuments.myCertificates": { expected: signedIn(200) },
  "meetingDocuments.verifyCertificate": {
    address: () => ({ params: { code: "ABCDEFGH23" } }),
    expected: everyone(404),
  },
  "meetingDocuments.cohortReport": { address: () => ({ params: { id: programmeIds.cohort } }), expected: staff(200) },
  "meetingDocuments.cohortReportXlsx": {
    address: () => ({ params: { id: programmeIds.cohort } }),
    expected: staff(200),
  },
  "meetingDocuments.cohortReportCsv": {
    address: () => ({ params: { id: programmeIds.cohort } }),
    expected: staff(200),
  },
};

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

// — issue 17: programme — a cohort, a group without members to archive, and an uploaded list with one row to fix.
const PROGRAMME_GROUP = "gwd-macierz-archiwum";
const programmeIds = { cohort: "", import: "", row: "" };
beforeAll(async () => {
  const cohort = await Cohort.create({ name: "Edycja macierzy", startsOn: "2026-01-01", endsOn: "2027-12-31" });
  programmeIds.cohort = cohort._id.toString();
  await Group.create({ slug: PROGRAMME_GROUP, name: "GWD macierzy", cohort: cohort.name, cohortId: cohort._id });
  const admin = await User.findOne({ email: DEMO.admin }).lean();
  const list = await OnboardingImport.create({ fileName: "lista.xlsx", createdById: admin?._id, rowCount: 1 });
  programmeIds.import = list._id.toString();
  const row = await OnboardingRow.create({
    importId: list._id,
    index: 0,
    line: 2,
    cells: { fullName: "Jan Kowalski", email: "zly-adres" },
    name: "Jan Kowalski",
    email: "zly-adres",
    problems: ["badEmail", "unknownJst", "missingGroup"],
    attention: true,
  });
  programmeIds.row = row._id.toString();
});

/** The table in declaration order of its rows (some rows change what later ones find). */
const table = (Object.keys(rows) as EndpointName[]).map((name) => {
  const declared = endpointList.find((entry) => entry.name === name);
  if (!declared) throw new Error(`no endpoint named ${name}`);
  return { name, endpoint: declared.endpoint, row: rows[name] as Row<Endpoint> };
});

/** What a refusal says: its status and the error's code and Polish message. */
const answerOf = (response: { status: number; body?: { error?: { code?: string; message?: string } } }) => ({
  status: response.status,
  code: response.body?.error?.code ?? null,
  message: response.body?.error?.message ?? null,
});

/** Path parameters that name something (ids, slugs, usernames, tokens), as opposed to values (a reaction, a page). */
const NAMING_PARAMS = /^(?:id|\w+Id|slug|username|token)$/;

/** The same address with every naming parameter replaced by one that names nothing. */
function addressOfNothing(endpoint: Endpoint, address: AddressOf<Endpoint> | undefined): AddressOf<Endpoint> {
  const params = Object.fromEntries(
    Object.entries((address?.params ?? {}) as Record<string, string>).map(([name, value]) => [
      name,
      !NAMING_PARAMS.test(name)
        ? value
        : endpoint.params?.[name] === objectId
          ? new mongoose.Types.ObjectId().toString()
          : `nieistniejacy-${randomUUID().slice(0, 12)}`,
    ]),
  );
  return { ...address, params } as unknown as AddressOf<Endpoint>;
}

describe.each(table.map((entry) => [`${entry.endpoint.method.toUpperCase()} ${entry.endpoint.path}`, entry] as const))(
  "%s",
  (_name, { endpoint, row }) => {
    /** Each person's address (a row may hand each its own object, e.g. a practice to delete) and answer. */
    const addresses = {} as Record<RoleName, AddressOf<Endpoint> | undefined>;
    const answers = {} as Record<RoleName, ReturnType<typeof answerOf>>;

    it("answers each kind of person as the policies say", async () => {
      const actual = {} as Expected;
      for (const role of ROLES) {
        const agent = row.fresh ? await agentFor(role) : agents[role];
        addresses[role] = row.address?.() as AddressOf<Endpoint> | undefined;
        const request = agent[endpoint.method](urlOf(endpoint, addresses[role] as AddressOf<Endpoint>));
        const response = row.body ? await request.send(row.body) : await request;
        actual[role] = response.status;
        answers[role] = answerOf(response);
      }
      expect(actual).toEqual(row.expected);
    });

    const namesSomething = [...endpoint.path.matchAll(/:(\w+)/g)].some(([, param]) => NAMING_PARAMS.test(param ?? ""));
    if (namesSomething) {
      it("answers those who may not see it exactly as for a name that names nothing", async () => {
        const refused = ROLES.filter((role) => row.expected[role] === 401 || row.expected[role] === 404);
        const got = {} as Record<string, ReturnType<typeof answerOf>>;
        for (const role of refused) {
          const request = agents[role][endpoint.method](urlOf(endpoint, addressOfNothing(endpoint, addresses[role])));
          got[role] = answerOf(row.body ? await request.send(row.body) : await request);
        }
        expect(got).toEqual(Object.fromEntries(refused.map((role) => [role, answers[role]])));
      });
    }
  },
);

/** A socket connected as this kind of person (a visitor's carries no session). */
async function connectAsRole(role: RoleName): Promise<ForumClient> {
  return connectWithCookie(server.url, role === "visitor" ? "" : await signInCookieFor(role));
}

/** A socket per kind of person, each keeping what `event` brings it; `prepare` runs on each once connected. */
async function listenAsEveryRole<Event extends keyof ServerToClientEvents>(
  event: Event,
  prepare?: (socket: ForumClient) => Promise<unknown>,
) {
  const sockets = await Promise.all(
    ROLES.map(async (role) => {
      const socket = await connectAsRole(role);
      await prepare?.(socket);
      type Payload = Parameters<ServerToClientEvents[Event]>[0];
      const received: Payload[] = [];
      // The event's name is generic here, which Socket.IO's typed `on` cannot narrow.
      (socket as unknown as { on(name: string, listener: (payload: Payload) => void): void }).on(event, (payload) =>
        received.push(payload),
      );
      return { role, socket, received };
    }),
  );
  return {
    sockets,
    /** Until each of `allowed` got something (at most 5 s), then a moment more for a wrong delivery to arrive. */
    async settle(allowed: readonly string[], afterwards = 500): Promise<void> {
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && !sockets.every((s) => !allowed.includes(s.role) || s.received.length > 0)) {
        await pause(100);
      }
      await pause(afterwards);
    },
    close: () => sockets.forEach(({ socket }) => socket.disconnect()),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ack = (socket: ForumClient, event: "thread.join" | "thread.typing", threadId: string) =>
  new Promise<SocketAck>((resolve) => socket.emit(event, { threadId }, resolve));

describe("socket events", () => {
  it.each(ROLES)("thread.join of a group-A thread for %s", async (role) => {
    const socket = await connectAsRole(role);
    try {
      const joined = await ack(socket, "thread.join", ids.threadA);
      const allowed = ["memberA", "expert", "moderator", "admin"].includes(role);
      expect(joined.ok).toBe(allowed);
    } finally {
      socket.disconnect();
    }
  });

  it.each(ROLES)("thread.typing in a group-A thread for %s", async (role) => {
    const socket = await connectAsRole(role);
    try {
      await ack(socket, "thread.join", ids.threadA);
      const typed = await ack(socket, "thread.typing", ids.threadA);
      // Experts read group A but do not write there.
      expect(typed.ok).toBe(["memberA", "moderator", "admin"].includes(role));
    } finally {
      socket.disconnect();
    }
  });

  it("thread.activity of a group-A post reaches only those who may read group A", async () => {
    const listening = await listenAsEveryRole("thread.activity");
    try {
      // The group rooms are joined right after connecting: give the joins a moment.
      await pause(500);
      const reply = await agents.memberA
        .post(`/api/threads/${ids.startedA}/posts`)
        .send({ body: "Wpis dla pokojów grup.", clientId: randomUUID() });
      expect(reply.status).toBe(201);
      const allowed = ["memberA", "expert", "moderator", "admin"];
      await listening.settle(allowed);
      const got = Object.fromEntries(
        listening.sockets.map((s) => [s.role, s.received.some((activity) => activity.threadId === ids.startedA)]),
      );
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
    } finally {
      listening.close();
    }
  });

  it("moderation.queue (a new flag) reaches only moderators and admins", async () => {
    const listening = await listenAsEveryRole("moderation.queue");
    try {
      await pause(300);
      const reply = await agents.moderator
        .post(`/api/threads/${ids.startedA}/posts`)
        .send({ body: "Wpis do zgłoszenia w macierzy.", clientId: randomUUID() });
      expect(reply.status).toBe(201);
      const flagged = await agents.memberA
        .post(`/api/posts/${reply.body.post.id}/flags`)
        .send({ reason: "spam", text: "" });
      expect(flagged.status).toBe(201);
      const allowed = ["moderator", "admin"];
      await listening.settle(allowed);
      const got = Object.fromEntries(listening.sockets.map((s) => [s.role, s.received.length > 0]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
    } finally {
      listening.close();
    }
  });

  it("thread.moved of a group-A thread moved to group B: the new place only to those who still read it", async () => {
    const started = await agents.memberA
      .post(`/api/categories/${ids.discussionA}/threads`)
      .send({ title: "Wątek przenoszony w macierzy", body: "Treść.", clientId: randomUUID() });
    const threadId: string = started.body.thread.id;
    const listening = await listenAsEveryRole("thread.moved", (socket) => ack(socket, "thread.join", threadId));
    try {
      const groupB = (await agents.moderator.get("/api/groups/gwd-wielkopolska-pomorze")).body as GroupDetail;
      const categoryId = groupB.categories.find((category) => category.slug === "dyskusje")?.id;
      expect((await agents.moderator.post(`/api/threads/${threadId}/move`).send({ categoryId })).status).toBe(200);
      await pause(1_000);
      const got = Object.fromEntries(listening.sockets.map((s) => [s.role, s.received[0]?.readable ?? "nothing"]));
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
      listening.close();
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
    const listening = await listenAsEveryRole("thread.updated");
    try {
      await pause(500);
      const changed = await agents.moderator.put(`/api/threads/${ids.startedA}/slow-mode`).send({ seconds: 0 });
      expect(changed.status).toBe(200);
      const allowed = ["memberA", "expert", "moderator", "admin"];
      await listening.settle(allowed);
      const got = Object.fromEntries(
        listening.sockets.map((s) => [s.role, s.received.some((update) => update.threadId === ids.startedA)]),
      );
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role)])));
    } finally {
      listening.close();
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
    const listening = await listenAsEveryRole("approval.changed");
    try {
      await pause(500);
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
      await pause(1_000);
      const got = Object.fromEntries(listening.sockets.map((s) => [s.role, s.received.length > 0]));
      expect(got).toEqual(Object.fromEntries(ROLES.map((role) => [role, role === "moderator" || role === "admin"])));
    } finally {
      listening.close();
    }
  });
});

describe("socket events: programme", () => {
  it("group.archived reaches only those who read the group; groups.changed only the person added", async () => {
    const group = await Group.findOne({ slug: PROGRAMME_GROUP }).lean();
    const memberA = await User.findOne({ email: DEMO.memberA }).lean();
    await Membership.create({ groupId: group?._id, userId: memberA?._id, role: "member" });
    const archived = await listenAsEveryRole("group.archived");
    const changed = await listenAsEveryRole("groups.changed");
    try {
      expect((await agents.moderator.post(`/api/groups/${PROGRAMME_GROUP}/archive`)).status).toBe(200);
      await archived.settle(["memberA", "expert", "moderator", "admin"]);
      expect(Object.fromEntries(archived.sockets.map((s) => [s.role, s.received.length > 0]))).toEqual({
        visitor: false,
        memberA: true,
        memberB: false,
        expert: true,
        moderator: true,
        admin: true,
        suspended: false,
      });
      expect((await agents.moderator.delete(`/api/groups/${PROGRAMME_GROUP}/archive`)).status).toBe(200);
      const added = await agents.moderator
        .post(`/api/groups/${PROGRAMME_GROUP}/members`)
        .send({ usernames: ["marek.kaminski"] });
      expect(added.status).toBe(200);
      await changed.settle(["memberB"]);
      expect(changed.sockets.filter((s) => s.received.length > 0).map((s) => s.role)).toEqual(["memberB"]);
    } finally {
      archived.close();
      changed.close();
    }
  });
});

describe("the table", () => {
  it("has a row for every declared endpoint", () => {
    expect(table.map((entry) => entry.name).sort()).toEqual(endpointList.map((entry) => entry.name).sort());
  });

  it("asks visitors and suspended people to sign in wherever the declaration says sign-in is needed", () => {
    const signedInRows = table.filter((entry) => entry.endpoint.signedIn);
    const answers = Object.fromEntries(
      signedInRows.map(({ name, row }) => [name, { visitor: row.expected.visitor, suspended: row.expected.suspended }]),
    );
    expect(answers).toEqual(
      Object.fromEntries(signedInRows.map(({ name }) => [name, { visitor: 401, suspended: 401 }])),
    );
  });
});
