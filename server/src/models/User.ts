import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";
import { ADDRESSEE_GROUPS, DIGEST_FREQUENCIES, LANGUAGES, ROLES, USER_STATUSES } from "@forum/shared";

const userSchema = new mongoose.Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true },
    /** Stable handle for @mentions, from the e-mail's local part (see queries/usernames.ts). */
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    /** Per-person secret that signs one-click unsubscribe links; made when the first such mail is sent. */
    mailKey: { type: String, default: null },
    role: { type: String, required: true, enum: ROLES, default: "member" },
    /** pending: an account request waiting for a moderator; rejected: a request that was turned down. */
    status: { type: String, required: true, enum: USER_STATUSES, default: "active", index: true },
    jstId: { type: mongoose.Schema.Types.ObjectId, ref: "Jst", default: null },
    position: { type: String, default: null },
    addresseeGroup: { type: String, enum: [...ADDRESSEE_GROUPS, null], default: null },
    bio: { type: String, default: "" },
    expertise: { type: [String], default: [] },
    language: { type: String, enum: LANGUAGES, default: "pl" },
    /** Stored file name of the resized avatar under DATA_DIR/avatars; null for none. */
    avatarFile: { type: String, default: null },
    consents: {
      digest: { type: String, enum: DIGEST_FREQUENCIES, default: "off" },
      mentionEmails: { type: Boolean, default: false },
      directoryListing: { type: Boolean, default: false },
      /** The project's newsletter (RODO: opt-in only; every change is logged in ConsentRecord). */
      newsletter: { type: Boolean, default: false },
    },
    /** Set when the account was erased (RODO art. 17): what was kept names the person "Użytkownik usunięty #number". */
    erasure: {
      at: { type: Date, default: null },
      number: { type: Number, default: null },
      /** False while the erasure's steps are still running (a crash leaves it false: start-up finishes it). */
      done: { type: Boolean, default: false },
      /**
       * The old name and username, kept only until the steps that de-identify mentions and quotes have run;
       * cleared when done.
       */
      pendingName: { type: String, default: null },
      pendingUsername: { type: String, default: null },
    },
    /** Set while an admin restricts processing of the account (RODO art. 18 and 21: restriction, objection). */
    restriction: {
      reason: { type: String, default: null },
      since: { type: Date, default: null },
      byId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    },
    /** Set while suspended: the reason is shown to the person at sign-in. */
    suspension: {
      reason: { type: String, default: null },
      until: { type: Date, default: null },
      byId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    },
    /** Set while silenced: the person reads but may not post, react or flag (see domain/silenceStatus.ts). */
    silence: {
      reason: { type: String, default: null },
      until: { type: Date, default: null },
      byId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    },
    /** What the person wrote with an account request, for the moderators' queue. */
    requestMessage: { type: String, default: "" },
    lastLoginAt: { type: Date, default: null },
    /** Last request, stamped at most every few minutes (see infra/visitTracker.ts). */
    lastSeenAt: { type: Date, default: null },
    /** Where the previous visit ended: "what is new since my last visit" starts here. */
    previousVisitAt: { type: Date, default: null },
  },
  { timestamps: true },
);
userSchema.index({ createdAt: -1 });

// Every way an account is created (seed, invitation, account request) gets a free username here.
userSchema.pre("validate", async function assignUsername() {
  if (this.username || !this.email) return;
  const { freeUsername, usernameFromEmail } = await import("../queries/usernames.js");
  this.username = await freeUsername(usernameFromEmail(this.email));
});

displayTextFields(userSchema, ["name"]);
export type UserDocument = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export const User = mongoose.model("User", userSchema, "users");
