import type mongoose from "mongoose";
import { isStaff } from "./actor.js";
import { allow, can } from "./policy.js";
import type { MeetingSubject } from "./meetingPolicy.js";
import type { PracticeSubject } from "./practicePolicy.js";
import type { ThreadSubject } from "./threadPolicy.js";

export interface AttachmentSubject {
  uploaderId: mongoose.Types.ObjectId;
  /** The thread of the post that links to it; null while it is not in any post yet. */
  thread: ThreadSubject | null;
  /** Set when the post that links to it is hidden: then only its author and moderators may download it. */
  hiddenPostAuthorId?: mongoose.Types.ObjectId | null;
  /** The meeting whose agenda lists it as material, if any. */
  meeting?: MeetingSubject | null;
  /** The good practice that lists it, if any: as readable as the practice (by visitors too, once public). */
  practice?: PracticeSubject | null;
}

/** Anyone signed in may post somewhere (the network-wide categories), so may upload. */
allow<null>("Attachment", ["upload"], (actor) => actor !== null);

/**
 * A file in a post is as private as its thread, a meeting's material as its meeting; one not yet
 * posted is only its uploader's.
 */
allow<AttachmentSubject>("Attachment", ["read"], (actor, attachment) => {
  if (attachment.practice && can(actor, "read", "Practice", attachment.practice)) return true;
  if (!actor) return false;
  if (attachment.meeting && can(actor, "read", "Meeting", attachment.meeting)) return true;
  if (attachment.thread === null) return actor.id === attachment.uploaderId.toString();
  if (!can(actor, "read", "Thread", attachment.thread)) return false;
  if (!attachment.hiddenPostAuthorId) return true;
  return isStaff(actor) || actor.id === attachment.hiddenPostAuthorId.toString();
});
