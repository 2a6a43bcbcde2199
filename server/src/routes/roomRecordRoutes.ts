import { Router, type Request } from "express";
import { roomAgendaItemSchema, roomMinutesSchema, roomNoteTakerSchema } from "@forum/shared";
import type { MinutesConflictBody, RoomCloseResponse } from "@forum/shared";
import type mongoose from "mongoose";
import { minutesSaver } from "../commands/minutesSaver.js";
import { noteTakerSetter } from "../commands/noteTakerSetter.js";
import { roomAgendaSetter } from "../commands/roomAgendaSetter.js";
import { roomCloser } from "../commands/roomCloser.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
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
async function meetingFor(req: Request, action: string): Promise<MeetingAction> {
  if (!req.actor || !req.user) throw unauthorized();
  const meeting = await Meeting.findById(parseObjectId(req.params.id)).lean();
  if (!meeting) throw notFound();
  authorize(req.actor, action, "Meeting", meeting);
  return { meeting, actorId: req.user._id, context: req.context };
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

  router.post("/meetings/:id/room/agenda", async (req, res) => {
    const target = await meetingFor(req, "moderateRoom");
    const input = parseInput(roomAgendaItemSchema, req.body);
    const meeting = await roomAgendaSetter({ ...target, agendaItemId: idOrNull(input.agendaItemId) });
    res.json({ state: await loadRoomState(meeting) });
  });

  /** A save based on an older version answers 409 with the current minutes, for the editor to merge. */
  router.put("/meetings/:id/minutes", async (req, res) => {
    const target = await meetingFor(req, "editMinutes");
    const input = parseInput(roomMinutesSchema, req.body);
    const result = await minutesSaver({ ...target, markdown: input.markdown, baseVersion: input.baseVersion });
    const minutes = presentRoomMinutes(result.meeting);
    if (result.saved) {
      res.json({ minutes });
      return;
    }
    const body: MinutesConflictBody = {
      error: { code: "conflict", message: "Ktoś zapisał protokół w międzyczasie. Scal zmiany i zapisz ponownie." },
      minutes,
    };
    res.status(409).json(body);
  });

  router.put("/meetings/:id/room/note-taker", async (req, res) => {
    const target = await meetingFor(req, "moderateRoom");
    const input = parseInput(roomNoteTakerSchema, req.body);
    const meeting = await noteTakerSetter({ ...target, userId: idOrNull(input.userId) });
    res.json({ state: await loadRoomState(meeting) });
  });

  router.post("/meetings/:id/room/close", async (req, res) => {
    const { meeting, thread } = await roomCloser(await meetingFor(req, "moderateRoom"));
    const group = await Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean();
    const body: RoomCloseResponse = {
      state: await loadRoomState(meeting),
      archiveThreadId: thread._id.toString(),
      meeting: presentMeetingView(
        meeting,
        group ?? { _id: meeting.groupId, slug: "", name: "" },
        req.actor ?? null,
        await loadMeetingMaterials(meeting),
      ),
    };
    res.json(body);
  });

  router.get("/meetings/:id/attendance", async (req, res) => {
    const { meeting } = await meetingFor(req, "seeAttendance");
    res.json(await reportFor(meeting));
  });

  router.get("/meetings/:id/attendance.csv", async (req, res) => {
    const { meeting } = await meetingFor(req, "seeAttendance");
    const report = await reportFor(meeting);
    res
      .type("text/csv; charset=utf-8")
      .attachment(`lista-obecnosci-sesja-${meeting.number}.csv`)
      .send(attendanceCsv(report));
  });

  return router;
}
