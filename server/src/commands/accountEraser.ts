import { randomBytes } from "node:crypto";
import type mongoose from "mongoose";
import { attachmentThumbnailUrl, attachmentUrl } from "@forum/shared";
import type { Config } from "../config.js";
import { anyOf } from "../db/anyOf.js";
import { Analysis } from "../models/Analysis.js";
import { AnalysisComment } from "../models/AnalysisComment.js";
import { Attachment } from "../models/Attachment.js";
import { CalendarFeedToken } from "../models/CalendarFeedToken.js";
import { nextCounterValue } from "../models/Counter.js";
import { DigestState } from "../models/DigestState.js";
import { Draft } from "../models/Draft.js";
import { Invitation } from "../models/Invitation.js";
import { Meeting } from "../models/Meeting.js";
import { Membership } from "../models/Membership.js";
import { Notification } from "../models/Notification.js";
import { PasswordResetToken } from "../models/PasswordResetToken.js";
import { PendingPost } from "../models/PendingPost.js";
import { Post } from "../models/Post.js";
import { PostRevision } from "../models/PostRevision.js";
import { Practice } from "../models/Practice.js";
import { PracticeReview } from "../models/PracticeReview.js";
import { PracticeVersion } from "../models/PracticeVersion.js";
import { ReadPosition } from "../models/ReadPosition.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { RoomQuestion } from "../models/RoomQuestion.js";
import { TagFollow } from "../models/TagFollow.js";
import { Thread } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { UserNote } from "../models/UserNote.js";
import { Watch } from "../models/Watch.js";
import { deleteAvatar } from "../infra/avatarStorage.js";
import { renderMarkdown } from "../infra/markdown.js";
import { preparePostBody } from "./support/postBody.js";
import { sessionStore } from "../queries/sessionDirectory.js";
import { deleteStoredUpload } from "../infra/uploadStorage.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

type Id = mongoose.Types.ObjectId;

/** What replaces the words of an erased person that nobody kept for the group's record. */
export const ERASED_TEXT = "Treść usunięta na prośbę autora.";
/** What a kept post shows where the erased person's upload was. */
export const REMOVED_ATTACHMENT_TEXT = "*Załącznik usunięty*";

const erasedName = (number: number): string => `Użytkownik usunięty #${number}`;
const erasedUsername = (number: number): string => `usuniety-${number}`;

export interface AccountEraserProps {
  userId: Id;
  /** The person themselves, an admin, or null when start-up finishes an erasure a crash interrupted. */
  actorId: Id | null;
  /** Why an admin erased the account (the person's request), for the audit log. */
  reason?: string | null;
  dataDir: Config["DATA_DIR"];
  uploadDirectory: string;
  context?: RequestContext;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** As shared/src/mentions.ts quoteMarkdown escapes a name in the "Cytuj" attribution. */
const quotedName = (name: string) => name.replace(/[[\]\\*_`]/g, (character) => `\\${character}`);

interface Identity {
  name: string;
  username: string;
}

/** Rewrites the old identity in a text: @username becomes the shell's username, the name (also as quoted) its name. */
function deidentify(text: string, old: Identity, number: number): string {
  const mention = new RegExp(`(^|[^\\p{L}\\p{N}_.+@-])@${escapeRegex(old.username)}(?![a-z0-9_-]|\\.[a-z0-9])`, "giu");
  let result = text.replace(mention, (_match, before: string) => `${before}@${erasedUsername(number)}`);
  for (const form of new Set([quotedName(old.name), old.name])) {
    result = result.replace(new RegExp(escapeRegex(form), "giu"), erasedName(number));
  }
  return result;
}

/** Links to the erased person's uploads (image thumbnails and files) become "Załącznik usunięty". */
function withoutAttachments(body: string, attachmentIds: string[]): string {
  let result = body;
  for (const id of attachmentIds) {
    const label = "(?:\\\\.|[^\\]\\\\])*";
    const image = `\\[!\\[${label}\\]\\(${escapeRegex(attachmentThumbnailUrl(id))}\\)\\]\\(${escapeRegex(attachmentUrl(id))}\\)`;
    const file = `\\[${label}\\]\\(${escapeRegex(attachmentUrl(id))}\\)`;
    result = result.replace(new RegExp(image, "g"), REMOVED_ATTACHMENT_TEXT);
    result = result.replace(new RegExp(file, "g"), REMOVED_ATTACHMENT_TEXT);
  }
  return result;
}

/**
 * Step one, the only one that is not repeatable: the person becomes "Użytkownik usunięty #n" and cannot sign in.
 * The old name and username are kept in `erasure` until the later steps have de-identified what others wrote.
 */
async function markErased(user: UserDocument): Promise<UserDocument> {
  if (user.erasure?.number) return user;
  const number = await nextCounterValue("erasure");
  const marked = await User.findOneAndUpdate(
    { _id: user._id, "erasure.number": null },
    {
      $set: {
        erasure: { at: new Date(), number, done: false, pendingName: user.name, pendingUsername: user.username },
        status: "erased",
        name: erasedName(number),
        username: erasedUsername(number),
        // Not an address (".invalid" is reserved, RFC 2606): nothing can be sent to it and sign-in never finds it.
        email: `usuniety-${number}@invalid`,
        passwordHash: `!erased-${randomBytes(24).toString("base64url")}`,
        mailKey: null,
        jstId: null,
        position: null,
        addresseeGroup: null,
        bio: "",
        expertise: [],
        consents: { digest: "off", mentionEmails: false, directoryListing: false, newsletter: false },
        requestMessage: "",
        suspension: { reason: null, until: null, byId: null },
        silence: { reason: null, until: null, byId: null },
        restriction: { reason: null, since: null, byId: null },
        lastLoginAt: null,
        lastSeenAt: null,
        previousVisitAt: null,
      },
    },
    { returnDocument: "after" },
  ).lean();
  // Another process marked it first: continue with its number.
  return marked ?? (await User.findById(user._id).lean()) ?? user;
}

async function removePersonalRecords(user: UserDocument, oldEmail: string | null): Promise<void> {
  const userId = user._id;
  await sessionStore.endSessionsOf(userId.toString(), null);
  await Promise.all([
    CalendarFeedToken.deleteMany({ userId }),
    PasswordResetToken.deleteMany({ userId }),
    Invitation.deleteMany({ userId }),
    oldEmail ? Invitation.deleteMany({ email: oldEmail }) : null,
    Watch.deleteMany({ userId }),
    TagFollow.deleteMany({ userId }),
    ReadPosition.deleteMany({ userId }),
    Draft.deleteMany({ userId }),
    Notification.deleteMany({ recipientId: userId }),
    DigestState.deleteMany({ userId }),
    PendingPost.deleteMany({ authorId: userId }),
    UserNote.deleteMany({ userId }),
    Membership.deleteMany({ userId }),
  ]);
}

async function removeUploads(user: UserDocument, props: AccountEraserProps): Promise<string[]> {
  if (user.avatarFile) {
    await deleteAvatar(props.dataDir, user.avatarFile);
    await User.updateOne({ _id: user._id }, { $set: { avatarFile: null } });
  }
  const uploads = await Attachment.find({ uploaderId: user._id }).lean();
  for (const upload of uploads.filter((candidate) => !candidate.removedAt)) {
    await deleteStoredUpload(props.uploadDirectory, [upload.storageKey, upload.thumbnailKey ?? null]);
    await Attachment.updateOne({ _id: upload._id }, { $set: { removedAt: new Date() } });
  }
  return uploads.map((upload) => upload._id.toString());
}

/** The person's own posts: tombstoned, except what moderators kept for the record and meeting records. */
async function eraseOwnPosts(user: UserDocument, attachmentIds: string[], old: Identity, number: number) {
  const posts = await Post.find({ authorId: user._id }).lean();
  const threadIds = [...new Set(posts.map((post) => post.threadId.toString()))];
  const records = await Meeting.find({ archiveThreadId: anyOf(threadIds) }, { archiveThreadId: 1 }).lean();
  const recordThreads = new Set(records.map((meeting) => meeting.archiveThreadId?.toString()));
  const threads = new Map(
    (await Thread.find({ _id: anyOf(threadIds) }, { groupId: 1 }).lean()).map((thread) => [
      thread._id.toString(),
      thread,
    ]),
  );
  for (const post of posts) {
    const kept = post.keptForRecord || recordThreads.has(post.threadId.toString());
    if (!kept) {
      if (post.body === ERASED_TEXT) continue;
      await Post.updateOne(
        { _id: post._id },
        { $set: { body: ERASED_TEXT, html: renderMarkdown(ERASED_TEXT), mentionedUserIds: [], quotedPostIds: [] } },
      );
      await PostRevision.deleteMany({ postId: post._id });
      continue;
    }
    const body = deidentify(withoutAttachments(post.body, attachmentIds), old, number);
    const thread = threads.get(post.threadId.toString());
    if (body === post.body || !thread) continue;
    const prepared = await preparePostBody({ body, thread: { groupId: thread.groupId ?? null }, authorId: user._id });
    await Post.updateOne({ _id: post._id }, { $set: { body, ...prepared } });
  }
  return threadIds;
}

/** Mentions of the person and quotes attributed to them in anyone's posts (and earlier versions) are rewritten. */
async function deidentifyOthersPosts(user: UserDocument, old: Identity, number: number): Promise<string[]> {
  const mention = new RegExp(`@${escapeRegex(old.username)}`, "i");
  const names = [...new Set([old.name, quotedName(old.name)])].map((form) => new RegExp(escapeRegex(form), "i"));
  const textFilter = { $or: [{ body: mention }, ...names.map((name) => ({ body: name }))] };
  const posts = await Post.find(textFilter).lean();
  const threads = new Map(
    (
      await Thread.find(
        { _id: anyOf([...new Set(posts.map((post) => post.threadId.toString()))]) },
        { groupId: 1 },
      ).lean()
    ).map((thread) => [thread._id.toString(), thread]),
  );
  const touched = new Set<string>();
  for (const post of posts) {
    const body = deidentify(post.body, old, number);
    const thread = threads.get(post.threadId.toString());
    if (body === post.body || !thread) continue;
    const prepared = await preparePostBody({
      body,
      thread: { groupId: thread.groupId ?? null },
      authorId: post.authorId,
    });
    await Post.updateOne({ _id: post._id }, { $set: { body, ...prepared } });
    touched.add(post.threadId.toString());
  }
  for (const revision of await PostRevision.find(textFilter).lean()) {
    const body = deidentify(revision.body, old, number);
    if (body !== revision.body) await PostRevision.updateOne({ _id: revision._id }, { $set: { body } });
  }
  return [...touched];
}

/** Room chat, questions and comments lose their text; published practices and analyses stay as the network's record. */
async function eraseOtherWritings(user: UserDocument): Promise<void> {
  const authorId = user._id;
  await Promise.all([
    RoomMessage.updateMany({ authorId }, { $set: { text: ERASED_TEXT } }),
    RoomQuestion.updateMany({ authorId }, { $set: { text: ERASED_TEXT } }),
    AnalysisComment.updateMany({ authorId }, { $set: { markdown: ERASED_TEXT, html: renderMarkdown(ERASED_TEXT) } }),
  ]);
  for (const practice of await Practice.find({ authorId }, { status: 1 }).lean()) {
    if (practice.status === "published") {
      const noContact = { "contact.name": "", "contact.email": "", "contact.phone": "" };
      await Practice.updateOne({ _id: practice._id }, { $set: noContact });
      await PracticeVersion.updateMany({ practiceId: practice._id }, { $set: noContact });
    } else {
      await Promise.all([
        PracticeVersion.deleteMany({ practiceId: practice._id }),
        PracticeReview.deleteMany({ practiceId: practice._id }),
      ]);
      await Practice.deleteOne({ _id: practice._id });
    }
  }
  for (const analysis of await Analysis.find({ authorId }, { status: 1 }).lean()) {
    if (analysis.status !== "published") await Analysis.deleteOne({ _id: analysis._id });
  }
}

/**
 * Erases an account (RODO art. 17), Discourse's "anonymize" adapted: what the group needs keeps an anonymous
 * author, everything else that names or describes the person goes. Without transactions, every step after the
 * first can be repeated: a second run (or start-up: jobs/erasureRecovery.ts) completes a half-done erasure.
 */
export async function accountEraser(props: AccountEraserProps): Promise<UserDocument> {
  const found = await User.findById(props.userId).lean();
  if (!found) throw new Error(`user ${props.userId.toString()} not found for erasure`);
  if (found.erasure?.done) return found;
  const oldEmail = found.erasure?.number ? null : found.email;
  const user = await markErased(found);
  const number = user.erasure!.number!;
  const old: Identity = {
    name: user.erasure?.pendingName ?? found.name,
    username: user.erasure?.pendingUsername ?? found.username,
  };
  await removePersonalRecords(user, oldEmail);
  const attachmentIds = await removeUploads(user, props);
  const ownThreads = await eraseOwnPosts(user, attachmentIds, old, number);
  const otherThreads = await deidentifyOthersPosts(user, old, number);
  await eraseOtherWritings(user);
  const finished = await User.findOneAndUpdate(
    { _id: user._id },
    { $set: { "erasure.done": true, "erasure.pendingName": null, "erasure.pendingUsername": null } },
    { returnDocument: "after" },
  ).lean();
  await recordEvent({
    name: "users.erase",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: user._id,
    // Never the old name or e-mail: the audit log outlives the account.
    data: {
      number,
      reason: props.reason ?? null,
      bySelf: props.actorId?.equals(user._id) ?? false,
      threadIds: [...new Set([...ownThreads, ...otherThreads])],
    },
    context: props.context,
  });
  return finished ?? user;
}
