import { ROOM_CHAT_BACKLOG, type RoomParticipant, type RoomSnapshot } from "@forum/shared";
import { greaterThan } from "../db/comparisons.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { Group } from "../models/Group.js";
import { RoomMessage, type RoomMessageDocument } from "../models/RoomMessage.js";
import { can, type Actor } from "../policies/index.js";
import { presentMeetingView } from "../presenters/meetingViewPresenter.js";
import { presentRoomMessageById, presentRoomMessages } from "../presenters/roomMessagePresenter.js";
import { presentRoomMinutes } from "../presenters/roomMinutesPresenter.js";
import { presentRoomPolls } from "../presenters/roomPollPresenter.js";
import { presentRoomQuestions } from "../presenters/roomQuestionPresenter.js";
import { isPaused } from "../domain/meetingDays.js";
import { presentRoomState } from "../presenters/roomStatePresenter.js";

/** The most chat lines one snapshot carries; a client further behind joins again from the last one it got. */
export const ROOM_RESYNC_PAGE = 5 * ROOM_CHAT_BACKLOG;

/** The chat lines after `afterSeq` in order (or, for a first visit, the recent backlog), and whether more follow. */
async function messagesAfter(
  meeting: MeetingDocument,
  afterSeq: number | null,
): Promise<{ messages: RoomMessageDocument[]; hasMore: boolean }> {
  if (afterSeq === null) {
    const recent = await RoomMessage.find({ meetingId: meeting._id }).sort({ seq: -1 }).limit(ROOM_CHAT_BACKLOG).lean();
    return { messages: recent.reverse(), hasMore: false };
  }
  const page = await RoomMessage.find({ meetingId: meeting._id, seq: greaterThan(afterSeq) })
    .sort({ seq: 1 })
    .limit(ROOM_RESYNC_PAGE + 1)
    .lean();
  return { messages: page.slice(0, ROOM_RESYNC_PAGE), hasMore: page.length > ROOM_RESYNC_PAGE };
}

/** Everything a client needs on (re)joining the room, as this person may see it. */
export async function buildRoomSnapshot(props: {
  meeting: MeetingDocument;
  actor: Actor;
  afterSeq: number | null;
  participants: RoomParticipant[];
}): Promise<RoomSnapshot> {
  const { meeting, actor } = props;
  const [group, chat, pinned, questions, polls] = await Promise.all([
    Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean(),
    messagesAfter(meeting, props.afterSeq),
    presentRoomMessageById(meeting._id, meeting.room?.pinnedMessageId ?? null),
    presentRoomQuestions(meeting._id, actor),
    presentRoomPolls(meeting._id, actor),
  ]);
  return {
    meeting: presentMeetingView(meeting, group ?? { _id: meeting.groupId, slug: "", name: "" }, actor),
    state: presentRoomState(meeting, pinned),
    participants: props.participants,
    messages: await presentRoomMessages(chat.messages),
    hasMoreMessages: chat.hasMore,
    questions,
    polls,
    minutes: presentRoomMinutes(meeting),
    can: {
      chat: can(actor, "chat", "Meeting", meeting) && !isPaused(meeting),
      moderate: can(actor, "moderateRoom", "Meeting", meeting),
      editMinutes: can(actor, "editMinutes", "Meeting", meeting),
    },
  };
}
