import type { Role } from "./constants.js";

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
