import type { AddresseeGroup, JstType, MeetingStatus, Role } from "./constants.js";
import type { AnalysisSummary, PracticeSummary } from "./library.js";
import type { MyRegistrationView } from "./meetingRegistrations.js";

/** Shapes of the JSON the API returns; the server's presenters produce exactly these. */

export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string>; retryable?: boolean };
}

/** The powiat a gmina lies in: a powiat ("powiat krakowski") or a city with powiat rights ("Kraków"). */
export interface JstPowiat {
  teryt: string;
  name: string;
  type: Extract<JstType, "powiat" | "miasto_na_prawach_powiatu">;
}

export interface JstSummary {
  teryt: string;
  name: string;
  type: JstType;
  voivodeship: string;
  /**
   * For a gmina, the TERYT unit of its first 4 digits, so that two units of one name ("Kraków" the
   * city with powiat rights and "Kraków" the urban gmina) can be told apart; null for others.
   */
  powiat: JstPowiat | null;
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  position: string | null;
  addresseeGroup: AddresseeGroup | null;
  jst: JstSummary | null;
}

export interface GroupSummary {
  id: string;
  slug: string;
  name: string;
  cohort: string;
  description: string;
  memberCount: number;
  jsts: JstSummary[];
  /** Members may add tags outside the taxonomy (moderator's choice). */
  allowFreeTags?: boolean;
  /** Set when the programme ended for the group: it is read-only for everyone. */
  archivedAt?: string | null;
}

export interface NetworkOverview {
  /**
   * Public totals. jsts: JSTs in the network (the groups' JSTs plus their members' JSTs); practices and analyses:
   * published ones; sessions: group meetings held (closed).
   */
  stats: {
    jsts: number;
    groups: number;
    members: number;
    voivodeships: number;
    cohorts: number;
    practices: number;
    analyses: number;
    sessions: number;
  };
  groups: GroupSummary[];
  /** Latest published practices and analyses: visitors get only the public ones. */
  latestPractices: PracticeSummary[];
  latestAnalyses: AnalysisSummary[];
}

export interface HealthReport {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; kind: string };
  /** Only when the server runs with REDIS_URL (Socket.IO shared between processes). */
  redis?: { status: "up" | "down" };
}

/** `/api/ready`: whether this process should get traffic (database, and Redis when configured). */
export interface ReadinessReport {
  ready: boolean;
  database: "up" | "down";
  /** Only when the server runs with REDIS_URL. */
  redis?: "up" | "down";
  /** Polish, for people reading the orchestrator's log; absent when ready. */
  message?: string;
}

export interface CategorySummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** Announcements: only moderators start threads there. */
  kind: "discussion" | "announcements";
  threadCount: number;
  /** Posts the signed-in viewer has not read in the category's threads (0 for visitors). */
  unread: number;
}

export interface GroupDetail {
  group: GroupSummary;
  categories: CategorySummary[];
  /** What the viewer may do with the group itself (decided by the policies). */
  can?: { seeRoster: boolean; manage: boolean };
}

export interface AuthorSummary {
  id: string;
  name: string;
  jstName: string | null;
}

export interface TagView {
  slug: string;
  name: string;
}

export interface TagGroupView {
  slug: string;
  name: string;
  description: string;
  tags: TagView[];
}

/** A pinned thread is listed first until `until` (null: until unpinned). */
export interface ThreadPinView {
  scope: "category" | "global";
  until: string | null;
}

/** Why the thread accepts no replies (but from moderators); `closed` when its closing date passed. */
export interface ThreadLockView {
  reason: string;
  closed: boolean;
  at: string;
}

/** A thread's moderation state as everyone sees it (pins and closings already checked against now). */
export interface ThreadStateView {
  pin: ThreadPinView | null;
  lock: ThreadLockView | null;
  /** A planned closing still to come; null when none (or already closed: see `lock`). */
  closesAt: string | null;
  /** Minimum seconds between one person's posts here; 0 = off. */
  slowModeSeconds: number;
}

export interface ThreadSummary {
  id: string;
  /** Set in category lists, which show pinned threads first. */
  pin?: ThreadPinView | null;
  title: string;
  tags: TagView[];
  author: AuthorSummary;
  postCount: number;
  createdAt: string;
  lastPostAt: string;
  /** Number of the newest post; with `lastReadNumber` it gives the unread count. */
  lastPostNumber: number;
  /** Highest post number the viewer has read; 0 when they never opened the thread. */
  lastReadNumber: number;
}

export interface CategoryThreads {
  category: CategorySummary & { group: { slug: string; name: string; archived?: boolean } };
  threads: ThreadSummary[];
  /** Whether the viewer may start a thread here (announcements: moderators only). */
  canStartThread: boolean;
  /** Whether the viewer may add tags outside the taxonomy here (a group whose moderators allow it). */
  canUseFreeTags?: boolean;
}

export interface PostView {
  id: string;
  /** Position in the thread (1 = the opening post); increasing, never reused. */
  number: number;
  author: AuthorSummary;
  /** Sanitized HTML; for a deleted post an empty string (the client shows a note). */
  html: string;
  createdAt: string;
  /** Set when the post was edited; the history is at GET /api/posts/:id/revisions. */
  editedAt: string | null;
  /** Set when the author deleted the post (soft delete). */
  deletedAt: string | null;
  /**
   * Set when a moderator (or enough flags) hid the post. The author and moderators get the reason
   * and the text; everyone else an empty `html` and a null reason (the client shows a placeholder).
   */
  hidden: { reason: string | null; auto: boolean } | null;
  /** The moderator who made the last edit of someone else's post; null when the author did. */
  editedByModerator: { id: string; name: string } | null;
  /** Count per reaction kind, and which ones the viewer gave. */
  reactions: { kind: "like" | "thanks" | "idea" | "question"; count: number; mine: boolean }[];
  /** What the viewer may do with this post (from the policies). */
  can: {
    edit: boolean;
    delete: boolean;
    react: boolean;
    flag: boolean;
    hide: boolean;
    restore: boolean;
    purge: boolean;
    /** Mark or release "keep for the group's record" (moderators). */
    keepForRecord?: boolean;
  };
  /** Kept for the group's record: survives (anonymised) the erasure of its author's account. */
  keptForRecord?: boolean;
}

export interface PostRevisionView {
  /** 1 = the original text. */
  version: number;
  body: string;
  editedAt: string;
  editor: { id: string; name: string };
  /** The editor was a moderator changing someone else's post. */
  byModerator: boolean;
}

/** A contiguous run of a thread's posts, in order, and whether the thread goes on either side. */
export interface PostsPage {
  posts: PostView[];
  hasBefore: boolean;
  hasAfter: boolean;
  /**
   * The post the reader asked for (`around`, `at`) or should be shown first (the first unread
   * one when opening the thread); null when the page just starts at its top.
   */
  anchor: number | null;
}

export interface ThreadDetail extends PostsPage {
  thread: {
    id: string;
    title: string;
    tags: TagView[];
    category: { id: string; name: string };
    /** `archived`: the group's programme ended; it is read-only (a banner says so, no composer). */
    group: { slug: string; name: string; archived?: boolean };
    postCount: number;
    lastPostNumber: number;
    createdAt: string;
    lastPostAt: string;
    state: ThreadStateView;
    /** What the viewer may do: reply (even when locked, for moderators), use the moderator tools. */
    can: { reply: boolean; moderate: boolean };
  };
  /** Highest post number the viewer has read before this visit; 0 if never opened (or a visitor). */
  lastReadNumber: number;
}

/** GET /groups: the groups the viewer reads, with what they have not read yet. */
export interface GroupList {
  groups: GroupSummary[];
  unread: UnreadCounts;
}

/** Unread posts per group the viewer reads (by group id), and in network-wide categories. */
export interface UnreadCounts {
  groups: Record<string, number>;
  network: number;
}

/** What the signed-in user may do, so the client shows only what will work. */
export interface Abilities {
  /** Moderator screens: users, account requests, invitations. */
  manageUsers: boolean;
  /** Change roles (admins only). */
  changeRoles: boolean;
  /** Slugs of groups the user may invite people to. */
  inviteTo: string[];
  /** Create, describe and order categories in groups and the network. */
  manageCategories: boolean;
  /** Set while the user is silenced: they read but may not post, react or flag. */
  silence?: { reason: string; until: string | null } | null;
  /*
   * The abilities below are sent only when granted (absent: not allowed), so most people's answer
   * carries none of them. The client decides from these, never from a role's name.
   */
  /** Edit the legal pages (privacy notice, accessibility statement). */
  editSitePages?: boolean;
  /** See what is still missing before the forum goes live (configuration, legal pages, backup). */
  launchChecklist?: boolean;
  /** Handle others' personal-data requests made by letter: their archive, consents log, restriction, erasure. */
  handleDataRequests?: boolean;
  /** Move threads, merge them and move posts between them (where the thread may be read). */
  restructureThreads?: boolean;
  /** Run the programme: cohorts, groups (create, edit, archive), rosters, onboarding from a participant list. */
  manageProgramme?: boolean;
}

export interface MeResponse {
  user: UserSummary | null;
  abilities: Abilities | null;
}

export interface ProfileView extends UserSummary {
  bio: string;
  expertise: string[];
  language: "pl" | "en";
  avatarUrl: string | null;
  consents: {
    digest: "off" | "daily" | "weekly";
    mentionEmails: boolean;
    directoryListing: boolean;
    newsletter: boolean;
  };
}

/** One logged change of one consent (RODO art. 7: when, what, and which wording was agreed to). */
export interface ConsentRecordView {
  kind: "digest" | "mentionEmails" | "directoryListing" | "newsletter";
  value: "given" | "withdrawn";
  /** For the digest: how often it was asked for; null otherwise and when withdrawn. */
  frequency: "daily" | "weekly" | null;
  textVersion: string;
  at: string;
}

export interface ConsentHistoryResponse {
  records: ConsentRecordView[];
}

export interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string | null;
}

/** One page of the admins' user list: newest accounts first, paged by cursor. */
export interface AdminUserPage {
  users: AdminUserView[];
  nextCursor: string | null;
  /** Accounts matching the filters, on every page. */
  total: number;
}

export interface AdminUserView {
  id: string;
  name: string;
  email: string;
  role: "admin" | "moderator" | "expert" | "member";
  status: "active" | "pending" | "suspended" | "rejected" | "erased";
  jst: JstSummary | null;
  position: string | null;
  addresseeGroup: "kadra_kierownicza" | "pracownik_operacyjny" | null;
  groups: { slug: string; name: string; role: "facilitator" | "member" }[];
  requestMessage: string;
  suspension: { reason: string; until: string | null } | null;
  /** Set while an admin restricts processing of the account (RODO art. 18/21). */
  restriction?: { reason: string; since: string } | null;
  /** Set for an erased account: its number in "Użytkownik usunięty #n". */
  erasure?: { at: string; number: number } | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface InvitationView {
  id: string;
  email: string;
  group: { slug: string; name: string };
  role: "facilitator" | "member";
  status: "pending" | "accepted" | "expired" | "revoked";
  expiresAt: string;
  createdAt: string;
  invitedBy: { id: string; name: string };
}

export interface MeetingSummary {
  id: string;
  number: number;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl: string | null;
  status: MeetingStatus;
  group: { slug: string; name: string };
  /** The viewer's sign-up (null: not answered); absent where the list is not the viewer's own. */
  myRegistration?: MyRegistrationView | null;
}

/** A thread with activity, with where it lives (for lists that span groups). */
export interface ActivityThread extends ThreadSummary {
  category: { id: string; name: string };
  /** Empty slug: the network-wide space. */
  group: { slug: string; name: string };
}

/** The signed-in home page: what is new since the previous visit and the next sessions. */
export interface HomeOverview {
  /** Start of "new": the end of the previous visit; null on the first visit (latest activity shown). */
  since: string | null;
  whatsNew: ActivityThread[];
  /** Threads pinned for the whole forum ("global") that the viewer may read. */
  pinned?: ActivityThread[];
  upcomingMeetings: MeetingSummary[];
}

/** A stored upload, as the composer gets it back. */
export interface AttachmentView {
  id: string;
  /** The original file name (shown and used for the download). */
  name: string;
  /** The type found in the content. */
  mime: string;
  size: number;
  image: boolean;
  url: string;
  /** Only for images. */
  thumbnailUrl: string | null;
}

/** A composer's text kept on the server (per person × thread reply or new thread in a category). */
export interface DraftView {
  title: string;
  body: string;
  clientId: string;
  updatedAt: string;
}
