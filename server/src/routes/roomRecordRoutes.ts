import { Router } from "express";
import { endpoints, type MinutesConflictBody, type RoomCloseResponse } from "@forum/shared";
import type mongoose from "mongoose";
import { minutesSaver } from "../commands/minutesSaver.js";
import { noteTakerSetter } from "../commands/noteTakerSetter.js";
import { roomAgendaSetter } from "../commands/roomAgendaSetter.js";
import { roomCloser } from "../commands/roomCloser.js";
import { notFound } from "../errors/AppError.js";
import { route, sent, type SignedInRequest } from "../http/declareRoute.js";
import { parseObjectId } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { authorize } from "../policies/index.js";
import { loadMeetingMaterials, presentMeetingView } from "../presenters/meetingViewPresenter.js";
import { presentRoomMinutes } from "../presenters/roomMinutesPresenter.js";
import { attendanceCsv } from "../presenters/attendanceCsv.js";
import { attendanceReport } from "../queries/attendanceReport.js";
import { loadRoomState } from "../queries/roomState.js";
import type { RequestContext } from "../requestContext.js";

interface MeetingAction {
  meeting: MeetingDocument;
  actorId: mongoose.Types.ObjectId;
  context: RequestContext;
}

/** The meeting in the path, once the policy allows `action` (404 when its group is unreadable, 403 else). */
async function meetingFor({ actor, user, params, context }: SignedInRequest, action: string): Promise<MeetingAction> {
  const meeting = await Meeting.findById(params.id).lean();
  if (!meeting) throw notFound();
  authorize(actor, action, "Meeting", meeting);
  return { meeting, actorId: user._id, context };
}

const idOrNull = (value: string | null): mongoose.Types.ObjectId | null => (value ? parseObjectId(value) : null);

async function reportFor(meeting: MeetingDocument) {
  const group = await Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean();
  if (!group) throw notFound();
  return attendanceReport(meeting, group);
}

/** The live room's record: agenda item, minutes, note-taker, closing with the archive, attendance lists. */
export function roomRecordRoutes(): Router {
  const router = Router();

  route(router, endpoints.room.setAgendaItem, async (request) => {
    const target = await meetingFor(request, "moderateRoom");
    const input = request.body();
    const meeting = await roomAgendaSetter({ ...target, agendaItemId: idOrNull(input.agendaItemId) });
    return { state: await loadRoomState(meeting) };
  });

  /** A save based on an older version answers 409 with the current minutes, for the editor to merge. */
  route(router, endpoints.room.saveMinutes, async (request, _req, res) => {
    const target = await meetingFor(request, "editMinutes");
    const input = request.body();
    const result = await minutesSaver({ ...target, markdown: input.markdown, baseVersion: input.baseVersion });
    const minutes = presentRoomMinutes(result.meeting);
    if (result.saved) return { minutes };
    const body: MinutesConflictBody = {
      error: { code: "conflict", message: "Ktoś zapisał protokół w międzyczasie. Scal zmiany i zapisz ponownie." },
      minutes,
    };
    return sent(res.status(409).json(body));
  });

  route(router, endpoints.room.setNoteTaker, async (request) => {
    const target = await meetingFor(request, "moderateRoom");
    const input = request.body();
    const meeting = await noteTakerSetter({ ...target, userId: idOrNull(input.userId) });
    return { state: await loadRoomState(meeting) };
  });

  route(router, endpoints.room.close, async (request): Promise<RoomCloseResponse> => {
    const { meeting, thread } = await roomCloser(await meetingFor(request, "moderateRoom"));
    const group = await Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean();
    return {
      state: await loadRoomState(meeting),
      archiveThreadId: thread._id.toString(),
      meeting: presentMeetingView(
        meeting,
        group ?? { _id: meeting.groupId, slug: "", name: "" },
        request.actor,
        await loadMeetingMaterials(meeting),
      ),
    };
  });

  route(router, endpoints.room.attendance, async (request) => {
    const { meeting } = await meetingFor(request, "seeAttendance");
    return reportFor(meeting);
  });

  route(router, endpoints.room.attendanceCsv, async (request, _req, res) => {
    const { meeting } = await meetingFor(request, "seeAttendance");
    const report = await reportFor(meeting);
    return sent(
      res
        .type("text/csv; charset=utf-8")
        .attachment(`lista-obecnosci-sesja-${meeting.number}.csv`)
        .send(attendanceCsv(report)),
    );
  });

  return router;
}
