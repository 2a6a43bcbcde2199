import type TestAgent from "supertest/lib/agent.js";
import { Event } from "../../server/src/models/Event.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { joinRoom, plannedMeetingOf, sendChat } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let moderator: TestAgent;
let member: TestAgent;
let meetingId = "";
let plannedId = "";
let anna: ForumClient;
const room = (suffix: string, id = meetingId) => `/api/meetings/${id}/room${suffix}`;
const userId = async (email: string) => String((await User.findOne({ email }).lean())?._id);

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roommod" });
  moderator = await signedInAgent(server.url, DEMO.moderator);
  member = await signedInAgent(server.url, DEMO.memberA);
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  plannedId = await plannedMeetingOf("gwd-malopolska", 1);
}, 120_000);

afterAll(async () => {
  anna?.disconnect();
  await server?.stop();
});

describe("POST /api/meetings/:id/room/open", () => {
  it("is refused to a member (403) and to another group's member (404)", async () => {
    expect((await member.post(room("/open"))).status).toBe(403);
    const outsider = await signedInAgent(server.url, DEMO.memberB);
    expect((await outsider.post(room("/open"))).status).toBe(404);
    expect((await Meeting.findById(meetingId).lean())?.status).toBe("planned");
  });

  it("makes a planned meeting live, once, and records who opened it", async () => {
    const response = await moderator.post(room("/open"));
    expect(response.status).toBe(200);
    expect(response.body.meeting).toMatchObject({ id: meetingId, status: "live", can: { joinRoom: true } });
    const stored = await Meeting.findById(meetingId).lean();
    expect(stored?.room?.openedAt).toBeInstanceOf(Date);
    expect(stored?.room?.openedById?.toString()).toBe(await userId(DEMO.moderator));
    expect(await Event.countDocuments({ name: "meetings.openRoom", subjectId: meetingId })).toBe(1);

    const again = await moderator.post(room("/open"));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("Pokój spotkania jest już otwarty.");
  });

  it("answers 404 for a malformed or unknown meeting", async () => {
    expect((await moderator.post("/api/meetings/nie-id/room/open")).status).toBe(404);
    expect((await moderator.post(`/api/meetings/${"0".repeat(24)}/room/open`)).status).toBe(404);
  });
});

describe("moderator controls", () => {
  beforeAll(async () => {
    anna = await connectAs(server.url, DEMO.memberA);
    expect((await joinRoom(anna, meetingId)).ok).toBe(true);
  });

  it("refuse everything while the room is not live", async () => {
    const response = await moderator.put(room("/slow-mode", plannedId)).send({ seconds: 10 });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe("Pokój spotkania nie jest otwarty.");
  });

  it("set slow mode, refusing bad values with a Polish message", async () => {
    for (const [body, message] of [
      [{}, "Podaj liczbę sekund."],
      [{ seconds: -5 }, "Liczba sekund nie może być ujemna."],
      [{ seconds: 601 }, "Tryb powolny może wynosić najwyżej 600 sekund."],
      [{ seconds: 2.5 }, "Podaj liczbę całkowitą sekund."],
    ] as const) {
      const refused = await moderator.put(room("/slow-mode")).send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(message);
    }
    expect((await member.put(room("/slow-mode")).send({ seconds: 10 })).status).toBe(403);
    const set = await moderator.put(room("/slow-mode")).send({ seconds: 15 });
    expect(set.status).toBe(200);
    expect(set.body.state).toMatchObject({ meetingId, slowModeSeconds: 15 });
    expect((await moderator.put(room("/slow-mode")).send({ seconds: 0 })).body.state.slowModeSeconds).toBe(0);
  });

  it("mute and unmute a participant, but never a moderator or someone unknown", async () => {
    const annaId = await userId(DEMO.memberA);
    const muted = await moderator.put(room(`/muted/${annaId}`));
    expect(muted.status).toBe(200);
    expect(muted.body.state.mutedUserIds).toEqual([annaId]);
    // Muting twice keeps one entry.
    expect((await moderator.put(room(`/muted/${annaId}`))).body.state.mutedUserIds).toEqual([annaId]);
    expect((await moderator.delete(room(`/muted/${annaId}`))).body.state.mutedUserIds).toEqual([]);

    const staff = await moderator.put(room(`/muted/${await userId(DEMO.admin)}`));
    expect(staff.status).toBe(400);
    expect(staff.body.error.message).toBe("Moderatora nie można wyciszyć.");
    expect((await moderator.put(room(`/muted/${"0".repeat(24)}`))).status).toBe(404);
    expect((await member.put(room(`/muted/${annaId}`))).status).toBe(403);
    expect(await Event.countDocuments({ name: "meetings.mute", subjectId: meetingId })).toBe(2);
  });

  it("pin and unpin a message of this room only", async () => {
    const message = (await sendChat(anna, meetingId, "Do przypięcia")).message;
    if (!message) throw new Error("not stored");
    expect((await moderator.put(room("/pin")).send({})).body.error.message).toBe("Wybierz wiadomość do przypięcia.");
    const elsewhere = await moderator.put(room("/pin", plannedId)).send({ messageId: message.id });
    expect(elsewhere.status).toBe(404);
    const unknown = await moderator.put(room("/pin")).send({ messageId: "0".repeat(24) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Nie znaleziono wiadomości.");

    const pinned = await moderator.put(room("/pin")).send({ messageId: message.id });
    expect(pinned.status).toBe(200);
    expect(pinned.body.state.pinnedMessage).toMatchObject({ id: message.id, text: "Do przypięcia" });
    expect((await moderator.delete(room("/pin"))).body.state.pinnedMessage).toBeNull();
  });

  it("remove a message: its text is gone for everyone, its number stays, and it cannot be pinned", async () => {
    const message = (await sendChat(anna, meetingId, "Do usunięcia")).message;
    if (!message) throw new Error("not stored");
    expect((await member.delete(room(`/messages/${message.id}`))).status).toBe(403);
    const removed = await moderator.delete(room(`/messages/${message.id}`));
    expect(removed.status).toBe(200);
    const stored = await RoomMessage.findById(message.id).lean();
    expect(stored?.removedAt).toBeInstanceOf(Date);
    expect(stored?.seq).toBe(message.seq);
    const snapshot = (await joinRoom(anna, meetingId, message.seq - 1)).snapshot;
    expect(snapshot?.messages.find((line) => line.seq === message.seq)).toMatchObject({ text: "", removed: true });
    const pin = await moderator.put(room("/pin")).send({ messageId: message.id });
    expect(pin.status).toBe(409);
    expect(pin.body.error.message).toBe("Usuniętej wiadomości nie można przypiąć.");
    expect((await moderator.delete(room(`/messages/${"0".repeat(24)}`))).status).toBe(404);
  });
});
