import { randomUUID } from "node:crypto";
import type { DraftView, GroupDetail } from "@forum/shared";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let threadA = "";
let categoryA = "";
let threadB = "";

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "drafts" });
  const anna = await signedInAgent(server.url, DEMO.memberA);
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  categoryA = detail.categories.find((candidate) => candidate.slug === "dyskusje")?.id ?? "";
  threadA = (await anna.get(`/api/categories/${categoryA}/threads`)).body.threads[0].id;
  const marek = await signedInAgent(server.url, DEMO.memberB);
  const detailB = (await marek.get("/api/groups/gwd-wielkopolska-pomorze")).body as GroupDetail;
  const categoryB = detailB.categories.find((candidate) => candidate.threadCount > 0)?.id ?? "";
  threadB = (await marek.get(`/api/categories/${categoryB}/threads`)).body.threads[0].id;
}, 120_000);
afterAll(() => server?.stop());

describe("reply drafts", () => {
  it("follow the person to another session and are gone once the post is stored", async () => {
    const laptop = await signedInAgent(server.url, DEMO.memberA);
    const phone = await signedInAgent(server.url, DEMO.memberA);
    const clientId = randomUUID();
    expect((await laptop.get(`/api/drafts/thread/${threadA}`)).body).toEqual({ draft: null });

    const saved = await laptop.put(`/api/drafts/thread/${threadA}`).send({ body: "Zaczynam pisać…", clientId });
    expect(saved.status).toBe(200);
    const onPhone = (await phone.get(`/api/drafts/thread/${threadA}`)).body.draft as DraftView;
    expect(onPhone).toMatchObject({ body: "Zaczynam pisać…", clientId, title: "" });
    expect(Date.parse(onPhone.updatedAt)).not.toBeNaN();

    // Someone else's drafts are their own.
    const piotr = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
    expect((await piotr.get(`/api/drafts/thread/${threadA}`)).body).toEqual({ draft: null });

    expect((await phone.post(`/api/threads/${threadA}/posts`).send({ body: "Gotowe.", clientId })).status).toBe(201);
    expect((await laptop.get(`/api/drafts/thread/${threadA}`)).body).toEqual({ draft: null });
    // A late save from the first device does not bring the sent text back.
    const late = await laptop.put(`/api/drafts/thread/${threadA}`).send({ body: "Gotowe.", clientId });
    expect(late.body).toEqual({ draft: null });
    expect((await phone.get(`/api/drafts/thread/${threadA}`)).body).toEqual({ draft: null });
  });

  it("can be deleted", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    await anna.put(`/api/drafts/thread/${threadA}`).send({ body: "Do kosza", clientId: randomUUID() });
    expect((await anna.delete(`/api/drafts/thread/${threadA}`)).status).toBe(204);
    expect((await anna.get(`/api/drafts/thread/${threadA}`)).body).toEqual({ draft: null });
  });

  it("cannot be kept in another group's thread", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const response = await anna
      .put(`/api/drafts/thread/${threadB}`)
      .send({ body: "Nie wolno", clientId: randomUUID() });
    expect(response.status).toBe(404);
  });

  it.each([
    ["no clientId", { body: "Tekst" }, "clientId"],
    ["a body that is too long", { body: "x".repeat(20_001), clientId: randomUUID() }, "body"],
    ["a body that is not text", { body: 42, clientId: randomUUID() }, "body"],
  ])("answers 400 with a Polish message for %s", async (_what, payload, field) => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const response = await anna.put(`/api/drafts/thread/${threadA}`).send(payload);
    expect(response.status).toBe(400);
    expect(response.body.error.fields[field]).toMatch(
      /^(Brak identyfikatora wpisu|Wpis może mieć najwyżej 20000 znaków|Treść musi być tekstem)\./,
    );
  });
});

describe("new-thread drafts", () => {
  it("keep the title and are removed when the thread is started", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const clientId = randomUUID();
    const draft = { title: "Dowozy uczniów", body: "Jak liczycie koszty?", clientId };
    expect((await anna.put(`/api/drafts/category/${categoryA}`).send(draft)).body.draft).toMatchObject(draft);
    expect((await anna.get(`/api/drafts/category/${categoryA}`)).body.draft).toMatchObject(draft);
    const started = await anna.post(`/api/categories/${categoryA}/threads`).send(draft);
    expect(started.status).toBe(201);
    expect((await anna.get(`/api/drafts/category/${categoryA}`)).body).toEqual({ draft: null });
  });
});
