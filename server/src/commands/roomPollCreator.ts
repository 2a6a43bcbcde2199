import type mongoose from "mongoose";
import type { CreateRoomPollInput } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";
import { RoomPoll, type RoomPollDocument } from "../models/RoomPoll.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomPollCreatorProps {
  meeting: Pick<MeetingDocument, "_id" | "groupId">;
  moderatorId: mongoose.Types.ObjectId;
  input: CreateRoomPollInput;
  context?: RequestContext;
}

/** Prepares a poll (a draft only moderators see until they open it). */
export async function roomPollCreator(props: RoomPollCreatorProps): Promise<RoomPollDocument> {
  const created = await RoomPoll.create({
    meetingId: props.meeting._id,
    createdById: props.moderatorId,
    question: props.input.question,
    options: props.input.options.map((text) => ({ text })),
    multiple: props.input.multiple,
    resultsVisibility: props.input.resultsVisibility,
  });
  const poll = created.toObject() as RoomPollDocument;
  await recordEvent({
    name: "roomPolls.create",
    actorId: props.moderatorId,
    subjectType: "RoomPoll",
    subjectId: poll._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString(), question: poll.question },
    context: props.context,
  });
  return poll;
}
