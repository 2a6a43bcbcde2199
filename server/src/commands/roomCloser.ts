import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { conflict } from "../errors/AppError.js";
import { Category, type CategoryDocument } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { RoomPoll } from "../models/RoomPoll.js";
import { RoomPollVote } from "../models/RoomPollVote.js";
import { RoomQuestion } from "../models/RoomQuestion.js";
import { Post } from "../models/Post.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { User } from "../models/User.js";
import { endStays } from "../jobs/roomAttendance.js";
import { archivePosts, archiveTitle, type ArchiveMaterial } from "../domain/meetingArchive.js";
import { categoryCreator } from "./categoryCreator.js";
import { postCreator } from "./postCreator.js";
import { postDeleter } from "./postDeleter.js";
import { postEditor } from "./postEditor.js";
import { recordEvent } from "./recordEvent.js";
import { roomNotLive } from "./roomAgendaSetter.js";
import { threadCreator } from "./threadCreator.js";
import { threadLocker } from "./threadLocker.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomCloserProps {
  /** The meeting as loaded by the route (already authorized). */
  meeting: MeetingDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export const ARCHIVE_LOCK_REASON = "Archiwum spotkania — tylko do odczytu";
const ARCHIVE_CATEGORY = { slug: "spotkania", name: "Spotkania", description: "Archiwa spotkań na żywo grupy." };

/**
 * Ends the room first (no more chat), so what is archived is final. A meeting that was closed but
 * has no archive thread yet is a close interrupted by a crash: running again finishes it.
 */
async function endRoom(props: RoomCloserProps): Promise<MeetingDocument> {
  const closed = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id, status: "live" },
    { $set: { status: "closed", "room.closedAt": new Date(), "room.closedById": props.actorId } },
    { returnDocument: "after" },
  ).lean();
  if (closed) return closed;
  const current = await Meeting.findById(props.meeting._id).lean();
  if (current?.status === "closed" && !current.archiveThreadId && current.room?.closedAt) return current;
  if (current?.status === "closed") throw conflict("Pokój spotkania został już zamknięty.");
  throw roomNotLive();
}

/** The group's "Spotkania" category, made the first time a room of the group is archived. */
async function meetingsCategory(groupId: mongoose.Types.ObjectId, actorId: mongoose.Types.ObjectId) {
  const existing = await Category.findOne({ groupId, slug: ARCHIVE_CATEGORY.slug }).lean();
  if (existing) return existing;
  return categoryCreator({ groupId, ...ARCHIVE_CATEGORY, actorId });
}

const namesOf = async (ids: mongoose.Types.ObjectId[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids.map(String))];
  const users = unique.length ? await User.find({ _id: anyOf(unique) }, { name: 1 }).lean() : [];
  return new Map(users.map((user) => [user._id.toString(), user.name]));
};

/** Everything the room kept, read after it ended. */
async function gatherMaterial(meeting: MeetingDocument): Promise<ArchiveMaterial> {
  const [group, messages, questions, polls, votes] = await Promise.all([
    Group.findById(meeting.groupId, { name: 1 }).lean(),
    RoomMessage.find({ meetingId: meeting._id, removedAt: null }).sort({ seq: 1 }).lean(),
    RoomQuestion.find({ meetingId: meeting._id }).sort({ createdAt: 1 }).lean(),
    RoomPoll.find({ meetingId: meeting._id }).sort({ createdAt: 1 }).lean(),
    RoomPollVote.find({ meetingId: meeting._id }, { pollId: 1, optionIds: 1 }).lean(),
  ]);
  const names = await namesOf([...messages.map((m) => m.authorId), ...questions.map((q) => q.authorId)]);
  const shown = questions
    .filter((question) => question.status !== "hidden")
    .sort((a, b) => b.voteCount - a.voteCount || a.createdAt.getTime() - b.createdAt.getTime());
  return {
    meeting,
    groupName: group?.name ?? "",
    messages: messages.map((message) => ({
      day: message.day === 2 ? 2 : 1,
      createdAt: message.createdAt,
      authorName: names.get(message.authorId.toString()) ?? "—",
      text: message.text,
    })),
    questions: shown.map((question) => ({
      authorName: names.get(question.authorId.toString()) ?? "—",
      text: question.text,
      voteCount: question.voteCount,
      answer: question.answer ?? "",
    })),
    polls: polls
      .filter((poll) => poll.status !== "draft")
      .map((poll) => {
        const ballots = votes.filter((vote) => vote.pollId.equals(poll._id));
        return {
          question: poll.question,
          multiple: poll.multiple,
          voters: ballots.length,
          options: poll.options.map((option) => ({
            text: option.text,
            votes: ballots.filter((ballot) => ballot.optionIds.some((id) => id.equals(option._id))).length,
          })),
        };
      }),
    minutesMarkdown: meeting.minutes?.markdown ?? "",
  };
}

/**
 * Writes the archive through the ordinary thread and post commands (counts, search, notifications).
 * Each post has a client id made from the meeting, so a rerun finds what was written and adds the rest.
 */
async function writeArchive(
  meeting: MeetingDocument,
  category: CategoryDocument,
  authorId: mongoose.Types.ObjectId,
  context: RequestContext | undefined,
): Promise<ThreadDocument> {
  const [opening, ...rest] = archivePosts(await gatherMaterial(meeting));
  const clientId = (index: number) => `meeting-archive-${meeting._id.toString()}-${index}`;
  const { thread } = await threadCreator({
    category,
    authorId,
    title: archiveTitle(meeting),
    body: opening ?? "",
    clientId: clientId(0),
    context,
  });
  for (const [index, body] of rest.entries()) {
    await postCreator({ thread, authorId, body, clientId: clientId(index + 1), context });
  }
  const current = (await Thread.findById(thread._id).lean()) ?? thread;
  if (current.lock) return current;
  return threadLocker({ thread: current, actorId: authorId, context, reason: ARCHIVE_LOCK_REASON });
}

/** The archive posts one thread holds at most: the chat, questions, polls and minutes, each in parts. */
const ARCHIVE_POSTS_MAX = 500;

/**
 * A session ended again after an admin reopened it: the same archive thread gets the new record, post by
 * post, through the ordinary edit, reply and delete commands (history kept, nothing duplicated).
 */
async function rewriteArchive(
  meeting: MeetingDocument,
  thread: ThreadDocument,
  editorId: mongoose.Types.ObjectId,
  context: RequestContext | undefined,
): Promise<ThreadDocument> {
  const bodies = archivePosts(await gatherMaterial(meeting));
  const posts = await Post.find({ threadId: thread._id, deletedAt: null })
    .sort({ number: 1 })
    .limit(ARCHIVE_POSTS_MAX)
    .lean();
  for (const [index, body] of bodies.entries()) {
    const post = posts[index];
    if (post) await postEditor({ post, thread, editorId, body, context });
    else {
      const clientId = `meeting-archive-${meeting._id.toString()}-${thread.lastPostNumber + index}`;
      await postCreator({ thread, authorId: thread.authorId ?? editorId, body, clientId, context });
    }
  }
  for (const post of posts.slice(bodies.length)) await postDeleter({ post, thread, deleterId: editorId, context });
  return (await Thread.findById(thread._id).lean()) ?? thread;
}

/** Ends a live room: stays closed, the room's record archived into a locked thread of the group. */
export async function roomCloser(
  props: RoomCloserProps,
): Promise<{ meeting: MeetingDocument; thread: ThreadDocument }> {
  const closed = await endRoom(props);
  const closedAt = closed.room?.closedAt ?? new Date();
  await endStays(closed._id, closedAt);
  const authorId = closed.room?.closedById ?? props.actorId;
  const category = await meetingsCategory(closed.groupId, authorId);
  const previous = closed.archiveThreadId ? await Thread.findById(closed.archiveThreadId).lean() : null;
  const thread = previous
    ? await rewriteArchive(closed, previous, props.actorId, props.context)
    : await writeArchive(closed, category, authorId, props.context);
  const archived = await Meeting.findOneAndUpdate(
    { _id: closed._id },
    { $set: { archiveThreadId: thread._id } },
    { returnDocument: "after" },
  ).lean();
  if (!archived) throw roomNotLive();
  await recordEvent({
    name: "meetings.closeRoom",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: archived._id,
    groupId: archived.groupId,
    threadId: thread._id,
    data: { archiveThreadId: thread._id.toString(), closedAt: closedAt.toISOString() },
    context: props.context,
  });
  return { meeting: archived, thread };
}
