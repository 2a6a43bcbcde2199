import { Attendance } from "../../server/src/models/Attendance.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { joinRoom, nextPush, plannedMeetingOf, sendChat } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let meetingId = "";
const sockets: ForumClient[] = [];

const dayControl = async (day: number, action: "open" | "close") => {
  const moderator = await signedInAgent(server.url, DEMO.moderator);
  const response = await moderator
    .post(`/api/meetings/${meetingId}/days/${day}/${action}`)
    .send({ confirmEarly: true });
  if (response.status !== 200) throw new Error(`${action} day ${day}: ${response.status}`);
};

async function memberInRoom(): Promise<ForumClient> {
  const socket = await connectAs(server.url, DEMO.memberA);
  sockets.push(socket);
  const ack = await joinRoom(socket, meetingId);
  if (!ack.ok) throw new Error(`could not join: ${ack.error}`);
  return socket;
}

const staysOf = async (day: number) => {
  const member = await User.findOne({ email: DEMO.memberA }).lean();
  return Attendance.countDocuments({ meetingId, userId: member?._id, day });
};

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomdays" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await dayControl(1, "open");
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("a room paused between days", () => {
  it("records the day on attendance and chat, refuses chat while paused and allows it once day 2 opens", async () => {
    const socket = await memberInRoom();
    expect(await staysOf(1)).toBe(1);
    expect((await sendChat(socket, meetingId, "Pierwszy dzień")).ok).toBe(true);

    const paused = nextPush(socket, "room.state", (state) => state.dayClosedAt !== null);
    await dayControl(1, "close");
    expect((await paused).day).toBe(1);
    expect(await sendChat(socket, meetingId, "Po zamknięciu")).toEqual({
      ok: false,
      error: "Dzień 1 zakończony — pokój wznowi się w dniu 2. Teraz nie można pisać, pytać ani głosować.",
    });
    const rejoined = await joinRoom(socket, meetingId);
    expect(rejoined.snapshot?.can.chat).toBe(false);
    expect(rejoined.snapshot?.state.dayClosedAt).not.toBeNull();

    const running = nextPush(socket, "room.state", (state) => state.day === 2 && state.dayClosedAt === null);
    await dayControl(2, "open");
    await running;
    const joinedAgain = await joinRoom(socket, meetingId);
    expect(joinedAgain.snapshot?.can.chat).toBe(true);
    expect(await staysOf(2)).toBe(1);
    expect((await sendChat(socket, meetingId, "Drugi dzień")).ok).toBe(true);
    const lines = await RoomMessage.find({ meetingId }).sort({ seq: 1 }).lean();
    expect(lines.map((line) => [line.text, line.day])).toEqual([
      ["Pierwszy dzień", 1],
      ["Drugi dzień", 2],
    ]);
  });
});
