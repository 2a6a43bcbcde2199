import type { Logger } from "../logger.js";
import { Meeting } from "../models/Meeting.js";
import { presentRoomMinutes } from "../presenters/roomMinutesPresenter.js";
import { eventBus } from "../infra/eventBus.js";
import { loadRoomState } from "../queries/roomState.js";
import { meetingRoom, meetingStaffRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

/** Moderator changes that alter the room's shared state (`room.state`). */
const STATE_EVENTS = new Set([
  "meetings.setAgendaItem",
  "meetings.setNoteTaker",
  "meetings.openDay",
  "meetings.closeDay",
  "meetings.reopen",
]);

/** The agenda item, the note-taker, the minutes and the end of a room, pushed to everyone in it. */
export function startRoomRecordFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    const relevant =
      STATE_EVENTS.has(event.name) || event.name === "meetings.saveMinutes" || event.name === "meetings.closeRoom";
    if (!relevant || event.subjectType !== "Meeting") return;
    const meetingId = event.subjectId.toString();
    const room = meetingRoom(meetingId);
    Meeting.findById(event.subjectId)
      .lean()
      .then(async (meeting) => {
        if (!meeting) return;
        if (event.name === "meetings.saveMinutes") {
          io.to(room).emit("room.minutes", { meetingId, minutes: presentRoomMinutes(meeting) });
          return;
        }
        io.to(room).emit("room.state", await loadRoomState(meeting));
        if (event.name !== "meetings.closeRoom") return;
        io.to(room).emit("room.closed", { meetingId, archiveThreadId: meeting.archiveThreadId?.toString() ?? null });
        // The room is over: nothing more is pushed to those who were in it.
        io.in(room).socketsLeave([room, meetingStaffRoom(meetingId)]);
      })
      .catch((error: unknown) => logger.error({ err: error, event: event.name }, "room record fan-out failed"));
  });
}
