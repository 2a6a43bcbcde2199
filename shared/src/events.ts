import type {
  AnalysisStatus,
  GroupRole,
  MeetingDay,
  MeetingStatus,
  PracticeReviewVerdict,
  PracticeStatus,
  RegistrationMode,
  Role,
  RoomPollStatus,
  RoomQuestionStatus,
  WatchLevel,
} from "./constants.js";
import type { MeetingSummary } from "./api.js";
import type { ConsentKind } from "./consents.js";
import type { ConsentsUpdateInput, ProfileUpdateInput, UserStatus } from "./schemas/account.js";
import type { CategoryInput, CategoryKind } from "./schemas/category.js";
import type { FlagReason, FlagResolution, FlagStatus } from "./schemas/flags.js";
import type { ReactionKind } from "./schemas/post.js";
import type { PinScope } from "./schemas/threadState.js";
import type { TagGroupInput } from "./schemas/tags.js";
import type { SitePageSlug } from "./sitePages.js";
import type { CohortStatus } from "./programme.js";

/**
 * Every event the forum records, with what it is about (`subject`) and what it stores (`data`): the one list a
 * command, a subscriber, the audit log and its labels (events/eventLabels.ts) are checked against. A command can
 * record only a name listed here, with exactly this data; a subscriber narrowing on `event.name` gets this data
 * without a cast. `transient` is handed to the in-process subscribers with the event and never stored (secret link
 * tokens for the e-mails that carry them).
 *
 * Adding an event: one entry here, one label in eventLabels.ts (the typecheck asks for it), then the command.
 */

/** A cohort as its events record it. */
export interface CohortFacts {
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  sessionCount: number;
  status: CohortStatus;
}

/** A group's editable facts as its events record them (JSTs by TERYT code). */
export interface GroupFacts {
  name: string;
  description: string;
  cohort: string;
  jsts: string[];
}

/** An id as the server stores it inside event data (a MongoDB ObjectId); the client never reads event data. */
export interface StoredId {
  toHexString(): string;
}

/** What a subject type is called on screen comes from SUBJECT_LABELS (eventLabels.ts). */
export type EventSubjectType =
  | "Analysis"
  | "AnalysisComment"
  | "Attachment"
  | "Category"
  | "Certificate"
  | "Cohort"
  | "Flag"
  | "Group"
  | "Invitation"
  | "Meeting"
  | "OnboardingImport"
  | "PendingPost"
  | "Post"
  | "Practice"
  | "RoomMessage"
  | "RoomPoll"
  | "RoomQuestion"
  | "SitePage"
  | "Tag"
  | "TagGroup"
  | "Thread"
  | "User"
  | "UserNote";

/** Nothing beyond the envelope (who, what, when). */
type NoData = Record<string, never>;

/** A post's moderation state as hides and restores store it. */
export interface PostHiddenState {
  hidden: boolean;
  reason: string | null;
  auto: boolean;
}

/** A thread's moderation fields as plain JSON, before and after each thread-state change. */
export interface ThreadStateSnapshot {
  title?: string;
  tags: string[];
  pin: { scope: PinScope; until: string | null; byId: string; at: string } | null;
  lock: { reason: string; byId: string; at: string } | null;
  closesAt: string | null;
  closeReason: string | null;
  slowModeSeconds: number;
}

interface ThreadStateChange {
  before: ThreadStateSnapshot;
  after: ThreadStateSnapshot;
  reason?: string;
}

/** A suspension, silence or restriction as the user document keeps it (any part may be unset). */
export interface StoredUserLimit {
  reason?: string | null;
  until?: Date | null;
  since?: Date | null;
  byId?: StoredId | null;
}

/** A silence as the events keep it. */
export interface SilenceTerms {
  reason: string;
  until: Date | null;
}

/** A sign-up as its changes store it: per day on site, online or not coming, and the note. */
export interface RegistrationSummary {
  days: { day: MeetingDay; mode: RegistrationMode }[];
  note: string;
}

/** A meeting's plan as its changes store it before and after. */
export type MeetingPlanSummary = Pick<
  MeetingSummary,
  "number" | "title" | "startsAt" | "endsAt" | "venue" | "onlineUrl"
>;

/** What every practice event carries, so listeners (notices, search, the library) need no query. */
export interface PracticeFacts {
  title: string;
  authorId: string;
  status: PracticeStatus;
  isPublic: boolean;
  version: number;
}

/** A move up or down among siblings (categories, tag groups, tags): the new order of ids. */
interface Reordered {
  slug: string;
  direction: "up" | "down";
  after: { order: string[] };
}

type PendingPostKind = "reply" | "thread";

/** A secret link's token and how long it stays valid: for the e-mail only, never stored. */
export interface LinkToken {
  token: string;
}

export interface ForumEvents {
  // Posts
  "posts.create": {
    subject: "Post";
    data: { number: number; attachmentIds: string[]; mentionedUserIds: string[]; quotedPostIds: string[] };
  };
  "posts.edit": {
    subject: "Post";
    data: {
      number: number;
      version: number;
      before: string;
      after: string;
      attachmentIds: string[];
      authorId: string;
      mentionedUserIds: string[];
      /** People not mentioned before this edit: only they hear of it. */
      newMentionIds: string[];
      quotedPostIds: string[];
      newQuotedPostIds: string[];
    };
  };
  "posts.delete": { subject: "Post"; data: { number: number; authorId: string } };
  "posts.react": { subject: "Post"; data: { kind: ReactionKind } };
  "posts.unreact": { subject: "Post"; data: { kind: ReactionKind } };
  "posts.hide": {
    subject: "Post";
    data: {
      number: number;
      authorId: string;
      targetUserId: string;
      reason: string;
      before: PostHiddenState;
      after: PostHiddenState;
    };
  };
  "posts.restore": {
    subject: "Post";
    data: { number: number; authorId: string; targetUserId: string; before: PostHiddenState; after: PostHiddenState };
  };
  "posts.purge": {
    subject: "Post";
    data: {
      number: number;
      authorId: string;
      targetUserId: string;
      /** Hashes, never the text: the audit log outlives the post. */
      before: {
        number: number;
        authorId: string;
        contentHash: string;
        revisionHashes: string[];
        attachmentCount: number;
      };
      after: null;
    };
  };
  "posts.keepForRecord": {
    subject: "Post";
    data: { number: number; before: { keptForRecord: boolean }; after: { keptForRecord: boolean } };
  };
  "posts.releaseFromRecord": {
    subject: "Post";
    data: { number: number; before: { keptForRecord: boolean }; after: { keptForRecord: boolean } };
  };
  "posts.approve": {
    subject: "Post";
    data: {
      before: { status: "pending" };
      after: { status: "approved"; number: number };
      pendingId: string;
      kind: PendingPostKind;
      targetUserId: string;
    };
  };
  "posts.reject": {
    subject: "PendingPost";
    data: {
      before: { status: "pending" };
      after: { status: "rejected" };
      reason: string;
      pendingId: string;
      kind: PendingPostKind;
      targetUserId: string;
    };
  };
  "pendingPosts.create": { subject: "PendingPost"; data: { kind: PendingPostKind; targetUserId: string } };

  // Flags and moderators' messages
  "flags.create": {
    subject: "Flag";
    data: {
      postId: string;
      targetUserId: string;
      number: number;
      before: null;
      after: { reason: FlagReason; text: string; status: FlagStatus };
    };
  };
  "flags.resolve": {
    subject: "Post";
    data: {
      number: number;
      resolution: FlagResolution;
      targetUserId: string;
      flagIds: string[];
      flaggerIds: string[];
      before: { status: "pending"; hidden: boolean };
      after: { status: FlagStatus; note: string };
      reason: string | undefined;
    };
  };
  "users.message": {
    subject: "User";
    data: { postId: string; number: number; targetUserId: string; text: string; before: null; after: null };
  };

  // Threads
  "threads.create": {
    subject: "Thread";
    data: { title: string; tags: string[]; categoryId: string; firstPostId: string };
  };
  "threads.pin": { subject: "Thread"; data: ThreadStateChange };
  "threads.unpin": { subject: "Thread"; data: ThreadStateChange };
  "threads.lock": { subject: "Thread"; data: ThreadStateChange };
  "threads.unlock": { subject: "Thread"; data: ThreadStateChange };
  "threads.scheduleClose": { subject: "Thread"; data: ThreadStateChange };
  "threads.setSlowMode": { subject: "Thread"; data: ThreadStateChange };
  "threads.edit": { subject: "Thread"; data: ThreadStateChange };
  "threads.move": {
    subject: "Thread";
    data: {
      before: { categoryId: string; groupId: string | null };
      after: { categoryId: string; groupId: string | null };
    };
  };
  "threads.merge": {
    subject: "Thread";
    data: {
      before: {
        threadId: string;
        categoryId: string;
        groupId: string | null;
        postIds: string[];
        targetPostCount: number;
      };
      after: { threadId: string; postCount: number };
    };
  };
  "threads.split": {
    subject: "Thread";
    data: {
      before: { threadId: string; postIds: string[]; postCount: number };
      after: {
        threadId: string;
        created: boolean;
        categoryId: string;
        groupId: string | null;
        postCount: number;
        sourcePostCount: number;
      };
    };
  };

  // A reader's own things
  "attachments.upload": { subject: "Attachment"; data: { name: string; mime: string; size: number } };
  /** A null level: back to the default (no choice stored). */
  "watches.update": { subject: "Thread" | "Category"; data: { level: WatchLevel | null } };
  "notifications.read": {
    subject: "User";
    /** One notification, or every one about one thread (opening it), or all (notificationId and threadId null). */
    data: { notificationId: string | null; count: number; threadId?: string | null };
  };
  "sessions.revoke": { subject: "User"; data: { current: boolean } };
  "calendarTokens.create": { subject: "User"; data: NoData };
  "calendarTokens.revoke": { subject: "User"; data: NoData };

  // Spaces
  "categories.create": {
    subject: "Category";
    data: { after: { slug: string; name: string; description: string; kind: CategoryKind } };
  };
  "categories.update": {
    subject: "Category";
    data: { before: { name: string; description: string; kind: CategoryKind }; after: CategoryInput };
  };
  "categories.move": { subject: "Category"; data: { direction: "up" | "down"; before: string[]; after: string[] } };
  "groups.create": { subject: "Group"; data: { after: { slug: string; name: string } } };
  "groups.addMember": { subject: "Group"; data: { userId: string; targetUserId?: string; role: GroupRole } };

  // Programme administration: cohorts, groups' lifecycle, rosters, onboarding from a participant list
  "cohorts.create": { subject: "Cohort"; data: { after: CohortFacts } };
  "cohorts.update": { subject: "Cohort"; data: { before: Partial<CohortFacts>; after: Partial<CohortFacts> } };
  // Certificates of participation (issued once per person and subject, then handed out again)
  "certificates.issue": {
    subject: "Certificate";
    data: { code: string; subjectType: "Meeting" | "Cohort"; subjectId: string; days: string[] };
  };
  "groups.update": { subject: "Group"; data: { before: Partial<GroupFacts>; after: Partial<GroupFacts> } };
  "groups.archive": { subject: "Group"; data: { slug: string; after: { archivedAt: string } } };
  "groups.unarchive": { subject: "Group"; data: { slug: string; before: { archivedAt: string } } };
  /** The person's posts stay; their access to the group ends. */
  "groups.removeMember": { subject: "Group"; data: { userId: string; targetUserId: string; role: GroupRole } };
  /** Recorded on the group left (subject, groupId); `to` is where the person went. */
  "groups.moveMember": {
    subject: "Group";
    data: {
      userId: string;
      targetUserId: string;
      role: GroupRole;
      from: { id: string; slug: string; name: string };
      to: { id: string; slug: string; name: string };
    };
  };
  "groups.setMemberRole": {
    subject: "Group";
    data: { userId: string; targetUserId: string; before: { role: GroupRole }; after: { role: GroupRole } };
  };
  "onboarding.upload": { subject: "OnboardingImport"; data: { fileName: string; rows: number; problems: number } };
  "onboarding.fixRow": {
    subject: "OnboardingImport";
    data: { line: number; fields: string[]; before: { problems: string[] }; after: { problems: string[] } };
  };
  "onboarding.send": { subject: "OnboardingImport"; data: { ready: number } };
  "groups.setFreeTags": {
    subject: "Group";
    data: { before: { allowFreeTags: boolean }; after: { allowFreeTags: boolean } };
  };

  // Invitations and accounts
  "invitations.create": {
    subject: "Invitation";
    data: { after: { email: string; role: GroupRole; expiresAt: string }; revokedEarlier: number };
    transient: LinkToken & { validHours: number };
  };
  "invitations.resend": {
    subject: "Invitation";
    data: { before: { expiresAt: string }; after: { expiresAt: string } };
    transient: LinkToken & { validHours: number };
  };
  "invitations.accept": {
    subject: "Invitation";
    data: { before: { acceptedAt: null }; after: { acceptedAt: string; userId: string } };
  };
  "users.request": {
    subject: "User";
    data: { after: { email: string; status: "pending"; jstTeryt: string } };
  };
  "users.requestForExisting": { subject: "User"; data: { status: UserStatus } };
  "users.approveRequest": { subject: "User"; data: { before: { status: "pending" }; after: { status: "active" } } };
  "users.rejectRequest": {
    subject: "User";
    data: { before: { status: "pending" }; after: { status: "rejected" }; message: string };
  };
  "users.create": { subject: "User"; data: { after: { email: string; role: Role } } };
  "users.changeRole": { subject: "User"; data: { before: { role: Role }; after: { role: Role } } };
  "users.suspend": {
    subject: "User";
    data: {
      before: { status: UserStatus; suspension: StoredUserLimit | null | undefined };
      after: { status: "suspended"; suspension: { reason: string; until: Date | null } };
    };
  };
  "users.unsuspend": {
    subject: "User";
    data: {
      before: { status: UserStatus; suspension: StoredUserLimit | null | undefined };
      after: { status: "active" };
    };
  };
  "users.silence": {
    subject: "User";
    data: {
      before: { silence: SilenceTerms | null };
      after: { silence: SilenceTerms };
      reason: string;
      targetUserId: string;
    };
  };
  "users.unsilence": {
    subject: "User";
    data: { before: { silence: SilenceTerms | null }; after: { silence: null }; targetUserId: string };
  };
  "users.restrict": {
    subject: "User";
    data: {
      before: { restriction: { reason: string | null | undefined } | null };
      after: { restriction: { reason: string | null } | null };
    };
  };
  "users.unrestrict": {
    subject: "User";
    data: {
      before: { restriction: { reason: string | null | undefined } | null };
      after: { restriction: { reason: string | null } | null };
    };
  };
  "users.changePassword": { subject: "User"; data: { otherSessionsEnded: number } };
  "users.passwordResetRequest": {
    subject: "User";
    data: { tokenId: string; expiresAt: string };
    transient: LinkToken & { validMinutes: number };
  };
  "users.passwordReset": {
    subject: "User";
    data: { tokenId: string; otherLinksClosed: number; sessionsEnded: number };
  };
  "users.updateProfile": {
    subject: "User";
    data: {
      before: { [field: string]: unknown };
      after: {
        name: string;
        jstId: StoredId | null;
        position: ProfileUpdateInput["position"];
        addresseeGroup: ProfileUpdateInput["addresseeGroup"];
        bio: string;
        expertise: string[];
        language: ProfileUpdateInput["language"];
      };
    };
  };
  "users.updateConsents": {
    subject: "User";
    data: { before: ConsentsUpdateInput; after: ConsentsUpdateInput; changed: ConsentKind[]; textVersion: string };
  };
  "users.setAvatar": { subject: "User"; data: NoData };
  "users.removeAvatar": { subject: "User"; data: NoData };
  "users.erase": {
    subject: "User";
    /** Never the old name or e-mail: the audit log outlives the account. */
    data: { number: number; reason: string | null; bySelf: boolean; threadIds: string[] };
  };
  "users.export": { subject: "User"; data: { byAdmin: boolean; bytes: number; files: number } };
  "userNotes.create": {
    subject: "UserNote";
    data: { before: null; after: { body: string }; targetUserId: string };
  };
  "userNotes.delete": {
    subject: "UserNote";
    data: { before: { body: string }; after: null; targetUserId: string };
  };

  // Meetings and their live rooms
  "meetings.schedule": {
    subject: "Meeting";
    data: { after: { number: number; title: string; startsAt: string } };
  };
  "meetings.update": { subject: "Meeting"; data: { before: MeetingPlanSummary; after: MeetingPlanSummary } };
  "meetings.delete": { subject: "Meeting"; data: { before: { number: number; title: string } } };
  /** A sign-up answered or changed, by the person or (after the deadline) a moderator for them. */
  "meetings.register": {
    subject: "Meeting";
    data: { userId: string; before: RegistrationSummary | null; after: RegistrationSummary };
  };
  /** The reminder e-mail to the group members who have not answered the sign-up. */
  "meetings.remindRegistrations": { subject: "Meeting"; data: { remindedOn: string; recipientIds: string[] } };
  "meetings.setAgenda": {
    subject: "Meeting";
    data: { before: { items: number }; after: { items: number; materials: string[] } };
  };
  "meetings.inviteExperts": {
    subject: "Meeting";
    data: { before: { expertIds: string[] }; after: { expertIds: string[] } };
  };
  "meetings.openRoom": {
    subject: "Meeting";
    data: { before: { status: MeetingStatus }; after: { status: MeetingStatus } };
  };
  "meetings.closeRoom": { subject: "Meeting"; data: { archiveThreadId: string; closedAt: string } };
  /** `offDate`: opened on another date than planned, confirmed by the moderator. */
  "meetings.openDay": { subject: "Meeting"; data: { day: MeetingDay; plannedDate: string; offDate: boolean } };
  "meetings.closeDay": { subject: "Meeting"; data: { day: MeetingDay; closedAt: string } };
  "meetings.reopen": { subject: "Meeting"; data: { reason: string; archiveThreadId: string | null } };
  "meetings.setAgendaItem": {
    subject: "Meeting";
    data: { before: { currentAgendaItemId: string | null }; after: { currentAgendaItemId: string | null } };
  };
  "meetings.setNoteTaker": {
    subject: "Meeting";
    data: { before: { noteTakerId: string | null }; after: { noteTakerId: string | null } };
  };
  /** The text itself stays in the meeting: autosave would otherwise copy it into every event. */
  "meetings.saveMinutes": { subject: "Meeting"; data: { version: number; length: number } };
  "meetings.mute": { subject: "Meeting"; data: { userId: string } };
  "meetings.unmute": { subject: "Meeting"; data: { userId: string } };
  "meetings.setSlowMode": { subject: "Meeting"; data: { before: number; after: number } };
  "meetings.pinMessage": { subject: "Meeting"; data: { before: string | null; after: string | null } };
  "meetings.removeMessage": {
    subject: "Meeting";
    data: { messageId: string; seq: number; authorId: string; unpinned: boolean };
  };
  "roomMessages.create": { subject: "RoomMessage"; data: { meetingId: string; seq: number } };
  "roomQuestions.ask": { subject: "RoomQuestion"; data: { meetingId: string } };
  "roomQuestions.vote": { subject: "RoomQuestion"; data: { meetingId: string } };
  "roomQuestions.unvote": { subject: "RoomQuestion"; data: { meetingId: string } };
  "roomQuestions.answer": {
    subject: "RoomQuestion";
    data: { meetingId: string; before: RoomQuestionStatus; after: RoomQuestionStatus };
  };
  "roomQuestions.hide": {
    subject: "RoomQuestion";
    data: { meetingId: string; before: RoomQuestionStatus; after: RoomQuestionStatus };
  };
  "roomPolls.create": { subject: "RoomPoll"; data: { meetingId: string; question: string } };
  "roomPolls.open": {
    subject: "RoomPoll";
    data: { meetingId: string; before: RoomPollStatus; after: RoomPollStatus };
  };
  "roomPolls.close": {
    subject: "RoomPoll";
    data: { meetingId: string; before: RoomPollStatus; after: RoomPollStatus };
  };
  "roomPolls.vote": { subject: "RoomPoll"; data: { meetingId: string } };

  // Good practices (commands/support/practiceEvent.ts adds the PracticeFacts)
  "practices.create": { subject: "Practice"; data: PracticeFacts & { threadId: string | null; postId: string | null } };
  "practices.update": { subject: "Practice"; data: PracticeFacts & { note: string } };
  "practices.submit": { subject: "Practice"; data: PracticeFacts };
  "practices.startReview": { subject: "Practice"; data: PracticeFacts & { reviewerId: string } };
  "practices.review": {
    subject: "Practice";
    data: PracticeFacts & { verdict: PracticeReviewVerdict; reviewId: string };
  };
  "practices.return": {
    subject: "Practice";
    data: PracticeFacts & { verdict: PracticeReviewVerdict; reviewId: string };
  };
  "practices.publish": { subject: "Practice"; data: PracticeFacts & { voivodeshipCodes: string[]; tags: string[] } };
  "practices.unpublish": {
    subject: "Practice";
    data: PracticeFacts & { voivodeshipCodes: string[]; tags: string[] };
  };
  "practices.setPublic": { subject: "Practice"; data: PracticeFacts };
  "practices.delete": { subject: "Practice"; data: PracticeFacts & { voivodeshipCodes: string[]; tags: string[] } };

  // Thematic analyses
  "analyses.create": { subject: "Analysis"; data: { title: string } };
  "analyses.update": {
    subject: "Analysis";
    data: { title: string; before: { title: string }; removedSections: number };
  };
  "analyses.publish": { subject: "Analysis"; data: { title: string; isPublic: boolean } };
  "analyses.unpublish": { subject: "Analysis"; data: { title: string } };
  "analyses.setPublic": {
    subject: "Analysis";
    data: { title: string; before: { isPublic: boolean }; after: { isPublic: boolean } };
  };
  "analyses.delete": { subject: "Analysis"; data: { title: string; before: { status: AnalysisStatus } } };
  "analysisComments.create": {
    subject: "AnalysisComment";
    data: { title: string; analysisId: string; analysisAuthorId: string; sectionId: string; heading: string };
  };
  "analysisComments.hide": {
    subject: "AnalysisComment";
    data: { title: string; analysisId: string; authorId: string; targetUserId: string };
  };

  // Tags
  "tags.create": { subject: "Tag"; data: { slug: string; after: { name: string; tagGroup: string } } };
  "tags.update": {
    subject: "Tag";
    data:
      | {
          slug: string;
          before: { name: string; description: string };
          after: { name: string; description: string; tagGroup?: string };
        }
      | Reordered;
  };
  "tags.delete": { subject: "Tag"; data: { slug: string; before: { name: string }; documents: number } };
  "tags.merge": {
    subject: "Tag";
    data: { slug: string; into: string; before: { name: string }; documents: number };
  };
  "tags.follow": { subject: "Tag"; data: { slug: string } };
  "tags.unfollow": { subject: "Tag"; data: { slug: string } };
  "tags.createGroup": {
    subject: "TagGroup";
    data: { slug: string; after: { name: string; description: string } };
  };
  "tags.updateGroup": {
    subject: "TagGroup";
    data: { slug: string; before: { name: string; description: string }; after: TagGroupInput } | Reordered;
  };
  "tags.deleteGroup": { subject: "TagGroup"; data: { slug: string; before: { name: string } } };

  // Information pages
  "pages.update": {
    subject: "SitePage";
    data: { slug: SitePageSlug; version: number; title: string; length: number };
  };
}

export type EventName = keyof ForumEvents;
export type EventData<Name extends EventName> = ForumEvents[Name]["data"];
export type EventSubject<Name extends EventName> = ForumEvents[Name]["subject"];
/** What only the in-process subscribers get with the event (never stored); `undefined` for most events. */
export type EventTransient<Name extends EventName> = ForumEvents[Name] extends { transient: infer Transient }
  ? Transient
  : undefined;
/** The names whose events carry a transient part. */
export type EventNameWithTransient = {
  [Name in EventName]: EventTransient<Name> extends undefined ? never : Name;
}[EventName];
