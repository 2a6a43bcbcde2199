import { randomUUID } from "node:crypto";
import { anyOf } from "../../server/src/db/anyOf.js";
import { Attendance } from "../../server/src/models/Attendance.js";
import { Event } from "../../server/src/models/Event.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { joinRoom, nextPush, openRoom, plannedMeetingOf, raiseHand, sendChat } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
/** A group-A member used only where her account is changed (silenced). */
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";
const JAN = "jan.krawczyk@demo.forum-jst.pl";

let server: TestServer;
let meetingId = "";
let plannedId = "";
const sockets: ForumClient[] = [];

async function socketFor(email: string | null): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

async function inRoom(email: string): Promise<ForumClient> {
  const socket = await socketFor(email);
  const ack = await joinRoom(socket, meetingId);
  if (!ack.ok) throw new Error(`${email} could not join: ${ack.error}`);
  return socket;
}

const userId = async (email: string) => String((await User.findOne({ email }).lean())?._id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomchat" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  plannedId = await plannedMeetingOf("gwd-malopolska", 1);
  await openRoom(server.url, meetingId);
  // The expert is invited to this room (the invitation itself is another module's route).
  await Meeting.updateOne({ _id: meetingId }, { $set: { "room.invitedExpertIds": [await userId(DEMO.expert)] } });
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("room.join", () => {
  it.each([
    ["a member of the group", DEMO.memberA],
    ["a moderator", DEMO.moderator],
    ["an invited expert", DEMO.expert],
  ])("lets %s in with a snapshot of the room", async (_who, email) => {
    const socket = await socketFor(email);
    const ack = await joinRoom(socket, meetingId);
    expect(ack.ok).toBe(true);
    expect(ack.snapshot?.meeting.id).toBe(meetingId);
    expect(ack.snapshot?.state.status).toBe("live");
    expect(ack.snapshot?.can.chat).toBe(true);
    expect(ack.snapshot?.can.moderate).toBe(email === DEMO.moderator);
    expect(ack.snapshot?.participants.map((person) => person.name)).toContain(
      (await User.findOne({ email }).lean())?.name,
    );
    socket.emit("room.leave", { meetingId });
  });

  it.each([
    ["a member of another group", DEMO.memberB, "Nie znaleziono spotkania."],
    ["a visitor", null, "Zaloguj się, aby wejść do pokoju."],
  ])("refuses %s", async (_who, email, error) => {
    const socket = await socketFor(email);
    expect(await joinRoom(socket, meetingId)).toEqual({ ok: false, error });
  });

  it("refuses an expert who was not invited", async () => {
    await Meeting.updateOne({ _id: meetingId }, { $set: { "room.invitedExpertIds": [] } });
    try {
      const socket = await socketFor(DEMO.expert);
      expect(await joinRoom(socket, meetingId)).toEqual({ ok: false, error: "Nie masz dostępu do tego pokoju." });
    } finally {
      await Meeting.updateOne({ _id: meetingId }, { $set: { "room.invitedExpertIds": [await userId(DEMO.expert)] } });
    }
  });

  it("refuses everyone while the room is not open", async () => {
    for (const email of [DEMO.memberA, DEMO.moderator]) {
      const socket = await socketFor(email);
      expect(await joinRoom(socket, plannedId)).toEqual({
        ok: false,
        error: "Pokój spotkania nie jest otwarty.",
        meetingStatus: "planned",
      });
    }
  });

  it("tells those who come after the end that the meeting is over, with its archive", async () => {
    const held = await Meeting.findOne({
      groupId: (await Meeting.findById(meetingId).lean())?.groupId,
      status: "closed",
    }).lean();
    const socket = await socketFor(DEMO.memberA);
    expect(await joinRoom(socket, String(held?._id))).toEqual({
      ok: false,
      error: "Spotkanie już się zakończyło.",
      meetingStatus: "closed",
      archiveThreadId: held?.archiveThreadId?.toString() ?? null,
    });
  });

  it("refuses malformed payloads", async () => {
    const socket = await socketFor(DEMO.memberA);
    expect(await joinRoom(socket, "nie-id")).toEqual({ ok: false, error: "Nieprawidłowe spotkanie." });
  });
});

describe("room.message", () => {
  it("records the message's event with the socket's address and an id of the event, as HTTP records a request's", async () => {
    const socket = await inRoom(DEMO.memberA);
    const ack = await sendChat(socket, meetingId, "Zdarzenie z adresem.");
    expect(ack.ok).toBe(true);
    const event = await Event.findOne({ name: "roomMessages.create", subjectId: ack.message?.id }).lean();
    expect(event?.ip).toMatch(/127\.0\.0\.1/);
    expect(event?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("stores a message once however often it is re-sent, and acknowledges the stored one", async () => {
    const anna = await inRoom(DEMO.memberA);
    const clientId = randomUUID();
    const first = await sendChat(anna, meetingId, "Dzień dobry wszystkim", clientId);
    const again = await sendChat(anna, meetingId, "Dzień dobry wszystkim", clientId);
    const racing = await Promise.all([1, 2, 3].map(() => sendChat(anna, meetingId, "Dzień dobry wszystkim", clientId)));
    expect(first.ok).toBe(true);
    expect(first.message).toMatchObject({ text: "Dzień dobry wszystkim", author: { name: "Anna Kowalska" } });
    for (const ack of [again, ...racing]) expect(ack.message).toEqual(first.message);
    expect(await RoomMessage.countDocuments({ meetingId, clientId })).toBe(1);
  });

  it("gives messages one gapless order and pushes them to everyone in the room in that order", async () => {
    const anna = await inRoom(DEMO.memberA);
    const piotr = await inRoom(PIOTR);
    const seen: number[] = [];
    piotr.on("room.message", (message) => seen.push(message.seq));
    const acks = [];
    for (let index = 0; index < 6; index += 1) {
      acks.push(await sendChat(index % 2 ? piotr : anna, meetingId, `Wiadomość ${index}`));
    }
    const seqs = acks.map((ack) => ack.message?.seq ?? 0);
    expect(seqs).toEqual(Array.from({ length: 6 }, (_unused, index) => (seqs[0] ?? 0) + index));
    await sleep(500);
    expect(seen).toEqual(seqs);
  });

  it("refuses empty and too long text with a Polish reason", async () => {
    const anna = await inRoom(DEMO.memberA);
    expect(await sendChat(anna, meetingId, "   ")).toEqual({ ok: false, error: "Wpisz wiadomość." });
    expect((await sendChat(anna, meetingId, "x".repeat(1001))).error).toMatch(/najwyżej 1000 znaków/);
  });

  it("refuses someone who has not joined the room", async () => {
    const socket = await socketFor(DEMO.memberA);
    expect(await sendChat(socket, meetingId, "Hej")).toEqual({ ok: false, error: "Najpierw wejdź do pokoju." });
    const outsider = await socketFor(DEMO.memberB);
    expect((await sendChat(outsider, meetingId, "Hej")).ok).toBe(false);
  });

  it("refuses a muted participant until a moderator unmutes them, and pushes the state to the room", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const piotrId = await userId(PIOTR);
    const piotr = await inRoom(PIOTR);
    const state = nextPush(piotr, "room.state", (pushed) => pushed.mutedUserIds.includes(piotrId));
    const presence = nextPush(piotr, "room.presence", (pushed) =>
      pushed.participants.some((person) => person.userId === piotrId && person.muted),
    );
    expect((await moderator.put(`/api/meetings/${meetingId}/room/muted/${piotrId}`)).status).toBe(200);
    await Promise.all([state, presence]);
    expect(await sendChat(piotr, meetingId, "Czy mnie słychać?")).toEqual({
      ok: false,
      error: "Moderator wyciszył Cię w tym pokoju: możesz słuchać, ale nie pisać.",
    });
    expect((await raiseHand(piotr, meetingId, true)).ok).toBe(false);
    expect((await moderator.delete(`/api/meetings/${meetingId}/room/muted/${piotrId}`)).status).toBe(200);
    expect((await sendChat(piotr, meetingId, "Już mogę pisać")).ok).toBe(true);
  });

  it("refuses a person silenced in the forum, saying why", async () => {
    await User.updateOne({ email: MAGDALENA }, { $set: { silence: { reason: "Spam", until: null } } });
    try {
      const magdalena = await inRoom(MAGDALENA);
      const ack = await sendChat(magdalena, meetingId, "Kup teraz!");
      expect(ack.ok).toBe(false);
      expect(ack.error).toMatch(/wyciszone.*Spam/);
    } finally {
      await User.updateOne({ email: MAGDALENA }, { $set: { silence: { reason: null, until: null } } });
    }
  });

  it("holds participants to slow mode (with the wait in the answer) but not moderators", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    expect(
      (await moderator.put(`/api/meetings/${meetingId}/room/slow-mode`).send({ seconds: 30 })).body.state
        .slowModeSeconds,
    ).toBe(30);
    try {
      // Someone who has not written yet in this room (the others did, moments ago).
      const jan = await inRoom(JAN);
      const katarzyna = await inRoom(DEMO.moderator);
      expect((await sendChat(jan, meetingId, "Pierwsza")).ok).toBe(true);
      const refused = await sendChat(jan, meetingId, "Druga");
      expect(refused.ok).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(25);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
      expect(refused.error).toMatch(/Tryb powolny/);
      expect((await sendChat(katarzyna, meetingId, "Moderator 1")).ok).toBe(true);
      expect((await sendChat(katarzyna, meetingId, "Moderator 2")).ok).toBe(true);
    } finally {
      await moderator.put(`/api/meetings/${meetingId}/room/slow-mode`).send({ seconds: 0 });
    }
  });
});

describe("moderator controls on messages", () => {
  it("pins a message for everyone and removes one (text gone, number kept), pushing both", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const anna = await inRoom(DEMO.memberA);
    const piotr = await inRoom(PIOTR);
    const pinMe = (await sendChat(anna, meetingId, "Ważne: przerwa o 11:00")).message;
    const removeMe = (await sendChat(piotr, meetingId, "Niestosowna uwaga")).message;
    if (!pinMe || !removeMe) throw new Error("messages not stored");

    const pinned = nextPush(piotr, "room.state", (state) => state.pinnedMessage?.id === pinMe.id);
    expect((await moderator.put(`/api/meetings/${meetingId}/room/pin`).send({ messageId: pinMe.id })).status).toBe(200);
    expect((await pinned).pinnedMessage?.text).toBe("Ważne: przerwa o 11:00");

    const removed = nextPush(anna, "room.messageRemoved", (payload) => payload.messageId === removeMe.id);
    expect((await moderator.delete(`/api/meetings/${meetingId}/room/messages/${removeMe.id}`)).status).toBe(200);
    expect(await removed).toEqual({ meetingId, messageId: removeMe.id, seq: removeMe.seq });

    const rejoined = await joinRoom(await socketFor(DEMO.memberA), meetingId, removeMe.seq - 1);
    expect(rejoined.snapshot?.messages[0]).toMatchObject({ seq: removeMe.seq, text: "", removed: true });
    expect(rejoined.snapshot?.state.pinnedMessage?.id).toBe(pinMe.id);

    // Removing the pinned message unpins it.
    const unpinned = nextPush(anna, "room.state", (state) => state.pinnedMessage === null);
    expect((await moderator.delete(`/api/meetings/${meetingId}/room/messages/${pinMe.id}`)).status).toBe(200);
    await unpinned;
  });
});

describe("room.hand", () => {
  it("lets only people in the room raise a hand, and not while muted", async () => {
    expect((await raiseHand(await socketFor(null), meetingId, true)).ok).toBe(false);
    // A member of another group cannot join, so she is never in the room.
    const outsider = await socketFor(DEMO.memberB);
    expect(await raiseHand(outsider, meetingId, true)).toEqual({ ok: false, error: "Najpierw wejdź do pokoju." });
    expect((await raiseHand(outsider, meetingId, "tak" as unknown as boolean)).ok).toBe(false);

    const jan = await inRoom(JAN);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const muteJan = `/api/meetings/${meetingId}/room/muted/${await userId(JAN)}`;
    expect((await moderator.put(muteJan)).status).toBe(200);
    try {
      const refused = await raiseHand(jan, meetingId, true);
      expect(refused.ok).toBe(false);
      expect(refused.error).toBeTruthy();
    } finally {
      expect((await moderator.delete(muteJan)).status).toBe(200);
    }
    expect(await raiseHand(jan, meetingId, true)).toEqual({ ok: true });
    expect(await raiseHand(jan, meetingId, false)).toEqual({ ok: true });
  });
});

describe("presence and attendance", () => {
  it("shows who is in the room with their JST, one line per person, and raised hands", async () => {
    const annaUser = await User.findOne({ email: DEMO.memberA }).lean();
    const annaJst = await Jst.findById(annaUser?.jstId).lean();
    expect(annaJst?.name).toBeTruthy();
    const katarzyna = await inRoom(DEMO.moderator);
    const arrived = nextPush(katarzyna, "room.presence", (pushed) =>
      pushed.participants.some((person) => person.userId === annaUser?._id.toString()),
    );
    const annaTab1 = await inRoom(DEMO.memberA);
    await inRoom(DEMO.memberA);
    const list = (await arrived).participants;
    expect(list.filter((person) => person.userId === annaUser?._id.toString())).toEqual([
      {
        userId: annaUser?._id.toString(),
        name: "Anna Kowalska",
        jst: annaJst?.name,
        role: "member",
        handRaised: false,
        muted: false,
      },
    ]);
    expect(list[0]?.role).toBe("moderator");

    const hand = nextPush(katarzyna, "room.presence", (pushed) =>
      pushed.participants.some((person) => person.userId === annaUser?._id.toString() && person.handRaised),
    );
    expect(await raiseHand(annaTab1, meetingId, true)).toEqual({ ok: true });
    await hand;
    const lowered = nextPush(katarzyna, "room.presence", (pushed) =>
      pushed.participants.some((person) => person.userId === annaUser?._id.toString() && !person.handRaised),
    );
    expect(await raiseHand(annaTab1, meetingId, false)).toEqual({ ok: true });
    await lowered;
  });

  it("says who runs the room, so the client need not read it from a role", async () => {
    const katarzyna = await inRoom(DEMO.moderator);
    const piotrId = await userId(PIOTR);
    const arrived = nextPush(katarzyna, "room.presence", (pushed) =>
      pushed.participants.some((person) => person.userId === piotrId),
    );
    await inRoom(PIOTR);
    const list = (await arrived).participants;
    const moderatorId = await userId(DEMO.moderator);
    expect(list.find((person) => person.userId === moderatorId)?.moderatesRoom).toBe(true);
    expect(list.find((person) => person.userId === piotrId)?.moderatesRoom).toBeUndefined();
    expect(list.every((person) => Boolean(person.moderatesRoom) === (person.role === "moderator"))).toBe(true);
  });

  it("records a stay per connection, ended on leaving and on disconnecting", async () => {
    const piotrId = await userId(PIOTR);
    const leaving = await inRoom(PIOTR);
    const dropping = await inRoom(PIOTR);
    await sleep(300);
    const mine = { meetingId, connectionId: anyOf([leaving.id ?? "", dropping.id ?? ""]) };
    const open = await Attendance.find({ ...mine, userId: piotrId, leftAt: null }).lean();
    expect(open.map((stay) => stay.connectionId).sort()).toEqual([leaving.id, dropping.id].sort());
    expect(open[0]?.jstId).toBeTruthy();
    leaving.emit("room.leave", { meetingId });
    dropping.disconnect();
    await sleep(500);
    const stays = await Attendance.find(mine).lean();
    expect(stays).toHaveLength(2);
    for (const stay of stays) {
      expect(stay.leftAt).toBeInstanceOf(Date);
      expect(stay.leftAt?.getTime()).toBeGreaterThanOrEqual(stay.joinedAt.getTime());
    }
  });
});

describe("resync after a long absence", () => {
  it("sends the missed lines in pages, each in order, until the client has them all", async () => {
    const author = await User.findOne({ email: PIOTR }).lean();
    const start = 500_000;
    await RoomMessage.insertMany(
      Array.from({ length: 1_005 }, (_unused, index) => ({
        meetingId,
        seq: start + index + 1,
        authorId: author?._id,
        clientId: `long-absence-${index}`,
        text: `Zaległa ${index + 1}`,
      })),
    );
    const anna = await socketFor(DEMO.memberA);
    const first = (await joinRoom(anna, meetingId, start)).snapshot;
    expect(first?.hasMoreMessages).toBe(true);
    expect(first?.messages).toHaveLength(1_000);
    expect(first?.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 1_000 }, (_unused, index) => start + index + 1),
    );
    const rest = (await joinRoom(anna, meetingId, first?.messages.at(-1)?.seq ?? 0)).snapshot;
    expect(rest?.hasMoreMessages).toBe(false);
    expect(rest?.messages.map((message) => message.text)).toEqual(
      [1001, 1002, 1003, 1004, 1005].map((n) => `Zaległa ${n}`),
    );
    // A first visit gets only the recent backlog.
    const fresh = (await joinRoom(await socketFor(PIOTR), meetingId, null)).snapshot;
    expect(fresh?.messages).toHaveLength(200);
    expect(fresh?.messages.at(-1)?.text).toBe("Zaległa 1005");
  });
});
