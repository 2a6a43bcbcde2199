import { randomUUID } from "node:crypto";
import type { PostView } from "@forum/shared";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, firstThreadIn, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

type Update = { threadId: string; post: PostView };

let server: TestServer;
let threadId = "";
const sockets: ForumClient[] = [];

async function socketFor(email: string | null): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

const join = joinThread;
const nextUpdate = (socket: ForumClient): Promise<Update> =>
  new Promise((resolve) => socket.once("post.updated", resolve));

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "postUpdates" });
  const agent = await signedInAgent(server.url, DEMO.memberA);
  threadId = await firstThreadIn(agent, "gwd-malopolska", "dyskusje");
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("live post updates", () => {
  it("pushes an edit and a reaction to the members in the thread", async () => {
    const socket = await socketFor(DEMO.memberA);
    expect(await join(socket, threadId)).toEqual({ ok: true });
    const author = await signedInAgent(server.url, DEMO.moderator);
    const created = await author.post(`/api/threads/${threadId}/posts`).send({ body: "Przed", clientId: randomUUID() });
    expect(created.status).toBe(201);
    const postId: string = created.body.post.id;

    const edited = nextUpdate(socket);
    expect((await author.patch(`/api/posts/${postId}`).send({ body: "Po *edycji*" })).status).toBe(200);
    const editUpdate = await edited;
    expect(editUpdate.threadId).toBe(threadId);
    expect(editUpdate.post.id).toBe(postId);
    expect(editUpdate.post.html).toContain("<em>edycji</em>");
    expect(editUpdate.post.editedAt).toEqual(expect.any(String));
    expect(editUpdate.post.can).toEqual({
      edit: false,
      delete: false,
      react: false,
      flag: false,
      hide: false,
      restore: false,
      purge: false,
    });

    const reacted = nextUpdate(socket);
    const reactor = await signedInAgent(server.url, DEMO.memberA);
    expect((await reactor.put(`/api/posts/${postId}/reactions/thanks`)).status).toBe(200);
    const reactionUpdate = await reacted;
    expect(reactionUpdate.post.reactions.find((reaction) => reaction.kind === "thanks")).toEqual({
      kind: "thanks",
      count: 1,
      mine: false,
    });

    const deleted = nextUpdate(socket);
    expect((await author.delete(`/api/posts/${postId}`)).status).toBe(204);
    const deleteUpdate = await deleted;
    expect(deleteUpdate.post.html).toBe("");
    expect(deleteUpdate.post.deletedAt).toEqual(expect.any(String));
  });
});
