import { Attendance } from "../../server/src/models/Attendance.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { joinRoom, nextPush, openRoom, plannedMeetingOf } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let meetingId = "";
let agendaItemId = "";
const sockets: ForumClient[] = [];

async function socketFor(email: string | null): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

/** Records every push of the room-record events a socket gets. */
function recorder(socket: ForumClient) {
  const got: string[] = [];
  socket.on("room.state", () => got.push("room.state"));
  socket.on("room.minutes", () => got.push("room.minutes"));
  socket.on("room.closed", () => got.push("room.closed"));
  return got;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomrecordsocket" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await Meeting.updateOne(
    { _id: meetingId },
    {
      $set: {
        agenda: [
          { day: 1, startTime: "09:00", endTime: "10:00", title: "Otwarcie" },
          { day: 1, startTime: "10:00", endTime: "11:30", title: "Finansowanie oświaty" },
        ],
      },
    },
  );
  const meeting = await Meeting.findById(meetingId).lean();
  agendaItemId = meeting!.agenda[1]!._id.toString();
  await openRoom(server.url, meetingId);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("room record pushes", () => {
  it("reach those in the room (agenda item, note-taker, minutes, closing) and nobody outside it", async () => {
    const member = await socketFor(DEMO.memberA);
    expect((await joinRoom(member, meetingId)).ok).toBe(true);
    const moderatorSocket = await socketFor(DEMO.moderator);
    expect((await joinRoom(moderatorSocket, meetingId)).ok).toBe(true);
    // Piotr reads the group but has not entered the room; Marek is of another group and may not.
    const notEntered = recorder(await socketFor(PIOTR));
    const otherGroup = await socketFor(DEMO.memberB);
    expect((await joinRoom(otherGroup, meetingId)).ok).toBe(false);
    const refused = recorder(otherGroup);
    const moderator = await signedInAgent(server.url, DEMO.moderator);

    const agenda = nextPush(member, "room.state", (state) => state.currentAgendaItemId === agendaItemId);
    expect((await moderator.post(`/api/meetings/${meetingId}/room/agenda`).send({ agendaItemId })).status).toBe(200);
    expect((await agenda).meetingId).toBe(meetingId);

    const anna = await User.findOne({ email: DEMO.memberA }).lean();
    const named = nextPush(member, "room.state", (state) => state.noteTakerId === anna!._id.toString());
    const setNoteTaker = await moderator
      .put(`/api/meetings/${meetingId}/room/note-taker`)
      .send({ userId: anna!._id.toString() });
    expect(setNoteTaker.status).toBe(200);
    await named;

    const minutes = nextPush(moderatorSocket, "room.minutes");
    const annaAgent = await signedInAgent(server.url, DEMO.memberA);
    const saved = await annaAgent
      .put(`/api/meetings/${meetingId}/minutes`)
      .send({ markdown: "**Ustalono** termin.", baseVersion: 0 });
    expect(saved.status).toBe(200);
    expect(await minutes).toEqual({
      meetingId,
      minutes: expect.objectContaining({
        version: 1,
        html: "<p><strong>Ustalono</strong> termin.</p>\n",
        updatedBy: { id: anna!._id.toString(), name: anna!.name },
      }),
    });

    const closedState = nextPush(member, "room.state", (state) => state.status === "closed");
    const closed = nextPush(member, "room.closed");
    const closing = await moderator.post(`/api/meetings/${meetingId}/room/close`);
    expect(closing.status).toBe(200);
    await closedState;
    expect(await closed).toEqual({ meetingId, archiveThreadId: closing.body.archiveThreadId });
    expect(await Attendance.countDocuments({ meetingId, leftAt: null })).toBe(0);

    await sleep(500);
    expect(notEntered).toEqual([]);
    expect(refused).toEqual([]);
    // The room is over: joining it again is refused.
    expect((await joinRoom(member, meetingId)).ok).toBe(false);
  });
});
