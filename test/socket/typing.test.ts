import type { ThreadTypingPayload } from "@forum/shared";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, firstThreadIn, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let threadA = "";
const sockets: ForumClient[] = [];

async function socketFor(email: string | null): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

const typing = (socket: ForumClient, threadId: string) =>
  new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit("thread.typing", { threadId }, resolve));

/** Everything the socket receives of one event in the next `ms` milliseconds. */
function collect(socket: ForumClient, ms = 700): Promise<ThreadTypingPayload[]> {
  const seen: ThreadTypingPayload[] = [];
  const listener = (payload: ThreadTypingPayload) => seen.push(payload);
  socket.on("thread.typing", listener);
  return new Promise((resolve) =>
    setTimeout(() => {
      socket.off("thread.typing", listener);
      resolve(seen);
    }, ms),
  );
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "typing" });
  threadA = await firstThreadIn(await signedInAgent(server.url, DEMO.memberA), "gwd-malopolska", "dyskusje");
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("thread.typing", () => {
  it("reaches the others in the thread's room with the writer's name, not the writer", async () => {
    const anna = await socketFor(DEMO.memberA);
    const piotr = await socketFor("piotr.mazur@demo.forum-jst.pl");
    const moderator = await socketFor(DEMO.moderator);
    for (const socket of [anna, piotr, moderator]) expect(await joinThread(socket, threadA)).toEqual({ ok: true });

    const atPiotr = collect(piotr);
    const atModerator = collect(moderator);
    const atAnna = collect(anna);
    expect(await typing(anna, threadA)).toEqual({ ok: true });
    const [piotrSaw, moderatorSaw, annaSaw] = await Promise.all([atPiotr, atModerator, atAnna]);
    expect(piotrSaw).toEqual([{ threadId: threadA, user: { id: expect.any(String), name: "Anna Kowalska" } }]);
    expect(moderatorSaw).toHaveLength(1);
    expect(annaSaw).toEqual([]);
  });

  it("is relayed at most once per burst of keystrokes", async () => {
    const piotr = await socketFor("piotr.mazur@demo.forum-jst.pl");
    const anna = await socketFor(DEMO.memberA);
    await joinThread(piotr, threadA);
    await joinThread(anna, threadA);
    const seen = collect(anna);
    for (let i = 0; i < 5; i += 1) await typing(piotr, threadA);
    expect(await seen).toHaveLength(1);
  });

  it("refuses someone who is not in the room, and does not let them reach it", async () => {
    const anna = await socketFor(DEMO.memberA);
    await joinThread(anna, threadA);
    const marek = await socketFor(DEMO.memberB);
    expect(await joinThread(marek, threadA)).toMatchObject({ ok: false });
    const seen = collect(anna);
    expect(await typing(marek, threadA)).toMatchObject({ ok: false, error: "Najpierw otwórz wątek." });
    expect(await seen).toEqual([]);
  });

  it("refuses an expert who may read the thread but not reply in it", async () => {
    const anna = await socketFor(DEMO.memberA);
    await joinThread(anna, threadA);
    const expert = await socketFor(DEMO.expert);
    expect(await joinThread(expert, threadA)).toEqual({ ok: true });
    const seen = collect(anna);
    expect(await typing(expert, threadA)).toMatchObject({ ok: false });
    expect(await seen).toEqual([]);
  });

  it("refuses a visitor and a malformed thread id", async () => {
    const visitor = await socketFor(null);
    expect(await typing(visitor, threadA)).toMatchObject({ ok: false });
    const anna = await socketFor(DEMO.memberA);
    expect(await typing(anna, "nie-id")).toEqual({ ok: false, error: "Nieprawidłowy wątek." });
  });
});
