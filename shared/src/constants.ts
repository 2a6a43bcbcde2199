export const ROLES = ["admin", "moderator", "expert", "member"] as const;
export type Role = (typeof ROLES)[number];

export const GROUP_ROLES = ["facilitator", "member"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Addressee groups of the project (grupy adresatów). */
export const ADDRESSEE_GROUPS = ["kadra_kierownicza", "pracownik_operacyjny"] as const;
export type AddresseeGroup = (typeof ADDRESSEE_GROUPS)[number];

/** JST kinds that run schools; the TERYT register knows them by RODZ code or by powiat code. */
export const JST_TYPES = [
  "wojewodztwo",
  "powiat",
  "miasto_na_prawach_powiatu",
  "gmina_miejska",
  "gmina_wiejska",
  "gmina_miejsko_wiejska",
] as const;
export type JstType = (typeof JST_TYPES)[number];

/** A GWD session: planned, running live, or closed (archived). */
export const MEETING_STATUSES = ["planned", "live", "closed"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The days of a two-day session (1 and 2): sign-up, the room and attendance are kept per day. */
export const MEETING_DAYS = [1, 2] as const;
export type MeetingDay = (typeof MEETING_DAYS)[number];

/** How a member says they will take part in a session's day: on site, online, or not coming. */
export const REGISTRATION_MODES = ["onsite", "online", "absent"] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** A live-room question: waiting, answered by the moderator, or hidden by them. */
export const ROOM_QUESTION_STATUSES = ["open", "answered", "hidden"] as const;
export type RoomQuestionStatus = (typeof ROOM_QUESTION_STATUSES)[number];

/** A live poll: prepared, open for votes, closed. */
export const ROOM_POLL_STATUSES = ["draft", "open", "closed"] as const;
export type RoomPollStatus = (typeof ROOM_POLL_STATUSES)[number];

/** Who sees a poll's results while it is open: everyone ("live") or only after it closes. */
export const ROOM_POLL_RESULTS_VISIBILITY = ["live", "afterClose"] as const;
export type RoomPollResultsVisibility = (typeof ROOM_POLL_RESULTS_VISIBILITY)[number];

/** How many chat messages a client receives when it (re)joins without a last-seen number. */
export const ROOM_CHAT_BACKLOG = 200;

/** How many tags a thread may carry. */
export const THREAD_TAGS_MAX = 5;

/** How closely a person follows a thread or a category (Discourse-like). */
export const WATCH_LEVELS = ["watching", "tracking", "muted"] as const;
export type WatchLevel = (typeof WATCH_LEVELS)[number];

export const NOTIFICATION_KINDS = [
  "reply",
  "mention",
  "quote",
  "reaction",
  "new_thread",
  "moderation",
  "post_hidden",
  "flag_outcome",
  "moderator_message",
  /** Something happened to the recipient's good practice (submitted, reviewed, returned, published). */
  "practice_status",
  /** A practice waits for review (to experts and moderators). */
  "practice_review_request",
  /** New content carries a tag the recipient follows; `message` holds the tag's name. */
  "followed_tag",
  /** A comment on a section of the recipient's thematic analysis. */
  "analysis_comment",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Documents a notification may be about besides threads. */
export const NOTIFICATION_DOCUMENT_KINDS = ["practice", "analysis"] as const;
export type NotificationDocumentKind = (typeof NOTIFICATION_DOCUMENT_KINDS)[number];

/** Which e-mails a one-click unsubscribe link stops. */
export const MAIL_SUBSCRIPTIONS = ["digest", "mentions"] as const;
export type MailSubscription = (typeof MAIL_SUBSCRIPTIONS)[number];

/**
 * Lifecycle of a good practice (dobra praktyka): the author writes a draft and submits it; an expert takes it into
 * review and either recommends it or returns it with comments; a moderator publishes it.
 */
export const PRACTICE_STATUSES = ["draft", "submitted", "inReview", "returned", "published"] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** An expert review ends with one of these verdicts. */
export const PRACTICE_REVIEW_VERDICTS = ["recommend", "revise"] as const;
export type PracticeReviewVerdict = (typeof PRACTICE_REVIEW_VERDICTS)[number];

/** A thematic analysis is written as a draft and then published to the network. */
export const ANALYSIS_STATUSES = ["draft", "published"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

/** What the search finds. */
export const SEARCH_KINDS = ["thread", "post", "practice", "analysis", "person", "tag"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Slug of the tag group that holds the free tags groups may allow besides the taxonomy. */
export const FREE_TAG_GROUP_SLUG = "wolne-tagi";

/** A practice or an analysis carries at most this many tags. */
export const DOCUMENT_TAGS_MAX = 12;
