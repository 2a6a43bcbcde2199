import type { RoomMessageView, RoomStateView } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";

/** The room's shared state; the pinned message is resolved by the caller (it needs a query). */
export function presentRoomState(meeting: MeetingDocument, pinnedMessage: RoomMessageView | null): RoomStateView {
  const room = meeting.room;
  return {
    meetingId: meeting._id.toString(),
    status: meeting.status,
    currentAgendaItemId: room?.currentAgendaItemId?.toString() ?? null,
    slowModeSeconds: room?.slowModeSeconds ?? 0,
    pinnedMessage,
    mutedUserIds: (room?.mutedUserIds ?? []).map((id) => id.toString()),
    noteTakerId: room?.noteTakerId?.toString() ?? null,
    invitedExpertIds: (room?.invitedExpertIds ?? []).map((id) => id.toString()),
    day: room?.day === 2 ? 2 : 1,
    dayClosedAt: room?.dayClosedAt?.toISOString() ?? null,
  };
}
