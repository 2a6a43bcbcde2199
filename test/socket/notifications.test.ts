import { randomUUID } from "node:crypto";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, firstThreadIn, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let threadId = "";
const sockets: ForumClient[] = [];

async function socketFor(email: string): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "notifySocket" });
  threadId = await firstThreadIn(await signedInAgent(server.url, DEMO.memberA), "gwd-malopolska", "dyskusje");
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("notification.created", () => {
  it("reaches only the recipient's own sockets, with the unread count; reading updates the count", async () => {
    const recipient = await socketFor(PIOTR);
    const author = await socketFor(DEMO.memberA);
    const bystander = await socketFor(DEMO.moderator);
    const strays: string[] = [];
    author.on("notification.created", () => strays.push("author"));
    bystander.on("notification.created", () => strays.push("moderator"));
    const pushed = new Promise<{ unreadCount: number; notification: { kind: string; target: { id: string } } }>(
      (resolve) => recipient.once("notification.created", resolve),
    );

    const anna = await signedInAgent(server.url, DEMO.memberA);
    const posted = await anna
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Proszę o opinię, @piotr.mazur.", clientId: randomUUID() });
    expect(posted.status).toBe(201);

    const payload = await pushed;
    expect(payload.notification).toMatchObject({
      kind: "mention",
      target: { id: threadId },
      postId: posted.body.post.id,
    });
    expect(payload.unreadCount).toBe(1);

    const readPush = new Promise<{ unreadCount: number }>((resolve) => recipient.once("notification.read", resolve));
    const piotr = await signedInAgent(server.url, PIOTR);
    expect((await piotr.post("/api/notifications/read-all")).status).toBe(200);
    expect(await readPush).toEqual({ unreadCount: 0 });

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(strays).toEqual([]);
  });
});
