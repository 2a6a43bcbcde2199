import type mongoose from "mongoose";
import type { RoomQuestionView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Meeting } from "../models/Meeting.js";
import { RoomQuestion, type RoomQuestionDocument } from "../models/RoomQuestion.js";
import { User } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";

/** Shown when the asker's account is gone. */
const UNKNOWN_AUTHOR = "Użytkownik usunięty";

/** The display names of the given people, in one query. */
export async function namesOf(ids: mongoose.Types.ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await User.find({ _id: anyOf(ids) }, { name: 1 }).lean();
  return new Map(users.map((user) => [user._id.toString(), user.name]));
}

/** One question; `viewerId` null for pushes (each client tracks its own vote). */
export function presentRoomQuestion(
  question: RoomQuestionDocument,
  names: Map<string, string>,
  viewerId: string | null,
): RoomQuestionView {
  const authorId = question.authorId.toString();
  return {
    id: question._id.toString(),
    author: { id: authorId, name: names.get(authorId) ?? UNKNOWN_AUTHOR },
    text: question.text,
    voteCount: question.voteCount,
    votedByMe: viewerId !== null && question.voterIds.some((id) => id.toString() === viewerId),
    status: question.status,
    answer: question.answer ?? "",
    createdAt: question.createdAt.toISOString(),
  };
}

const STATUS_ORDER = { open: 0, answered: 1, hidden: 2 } as const;

/** Open questions by votes (most first, then oldest first), then answered ones, then hidden ones. */
export function compareRoomQuestions(a: RoomQuestionView, b: RoomQuestionView): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    b.voteCount - a.voteCount ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** The room's questions as this person may see them (hidden ones only for moderators), most votes first. */
export async function presentRoomQuestions(
  meetingId: mongoose.Types.ObjectId,
  actor: Actor | null,
): Promise<RoomQuestionView[]> {
  const meeting = await Meeting.findById(meetingId, { groupId: 1, status: 1, room: 1 }).lean();
  if (!meeting) return [];
  const seesHidden = can(actor, "moderateRoom", "Meeting", meeting);
  const questions = (await RoomQuestion.find({ meetingId }).sort({ createdAt: 1 }).lean()).filter(
    (question) => seesHidden || question.status !== "hidden",
  );
  const names = await namesOf(questions.map((question) => question.authorId));
  return questions
    .map((question) => presentRoomQuestion(question, names, actor?.id ?? null))
    .sort(compareRoomQuestions);
}
