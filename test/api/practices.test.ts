import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type {
  GroupDetail,
  PracticeListsView,
  PracticeVersionView,
  PracticeVersionsView,
  PracticeView,
  ThreadPracticesView,
} from "@forum/shared";
import { Notification } from "../../server/src/models/Notification.js";
import { PracticeVersion } from "../../server/src/models/PracticeVersion.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const agents = {} as Record<"memberA" | "colleagueA" | "memberB" | "expert" | "moderator" | "visitor", TestAgent>;
const COLLEAGUE_A = "piotr.mazur@demo.forum-jst.pl";
const thread = { id: "", postId: "", replyId: "" };

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "practices" });
  agents.memberA = await signedInAgent(server.url, DEMO.memberA);
  agents.colleagueA = await signedInAgent(server.url, COLLEAGUE_A);
  agents.memberB = await signedInAgent(server.url, DEMO.memberB);
  agents.expert = await signedInAgent(server.url, DEMO.expert);
  agents.moderator = await signedInAgent(server.url, DEMO.moderator);
  agents.visitor = await csrfAgent(server.url);
  const detail = (await agents.memberA.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const discussion = detail.categories.find((category) => category.slug === "dyskusje");
  const started = await agents.memberA.post(`/api/categories/${discussion?.id}/threads`).send({
    title: "Wspólne diagnozy potrzeb szkół w powiecie",
    tags: ["diagnoza-lokalnej-oswiaty"],
    body: "Co roku robimy **wspólną diagnozę** potrzeb wszystkich szkół, razem z dyrektorami.",
    clientId: randomUUID(),
  });
  expect(started.status).toBe(201);
  thread.id = started.body.thread.id;
  thread.postId = started.body.post.id;
  const reply = await agents.colleagueA
    .post(`/api/threads/${thread.id}/posts`)
    .send({ body: "U nas diagnoza objęła też przedszkola i żłobki gminne.", clientId: randomUUID() });
  expect(reply.status).toBe(201);
  thread.replyId = reply.body.post.id;
}, 180_000);
afterAll(() => server?.stop());

/** A complete document as the editor sends it. */
const fields = (changes: Record<string, unknown> = {}) => ({
  title: "Wspólna diagnoza potrzeb szkół powiatu",
  summary: "Powiat co roku diagnozuje potrzeby szkół razem z dyrektorami i planuje na tej podstawie wsparcie.",
  context: "Szkoły nie wiedziały, na co powiat przeznacza środki na wsparcie.",
  actions: "1. Ankieta dla dyrektorów\n2. Warsztat z wynikami\n3. Plan wsparcia",
  results: "Plan wsparcia przyjęty przez zarząd powiatu; 90% szkół wzięło udział.",
  costs: "Ok. 12 000 zł rocznie.",
  fundingSources: "Budżet powiatu",
  timeFrame: "2023–2025",
  contact: { name: "Anna Kowalska", email: "anna.kowalska@example.pl", phone: "+48 12 345 67 89" },
  jsts: ["1261"],
  tags: ["diagnoza-lokalnej-oswiaty", "kompetencje-cyfrowe"],
  attachmentIds: [],
  ...changes,
});

const practiceOf = (response: { body: { practice: PracticeView } }) => response.body.practice;

async function draftFromThread(agent = agents.memberA): Promise<PracticeView> {
  const created = await agent.post("/api/practices").send({ source: { threadId: thread.id, postId: null } });
  expect(created.status).toBe(201);
  return practiceOf(created);
}

async function filledDraft(): Promise<PracticeView> {
  const draft = await draftFromThread();
  const saved = await agents.memberA.put(`/api/practices/${draft.id}`).send({ ...fields(), version: draft.version });
  expect(saved.status).toBe(200);
  return practiceOf(saved);
}

describe("a practice's lifecycle", () => {
  it("goes from a thread to a draft, review with comments, revision, recommendation and a public page", async () => {
    const draft = await draftFromThread();
    expect(draft).toMatchObject({
      title: "Wspólne diagnozy potrzeb szkół w powiecie",
      status: "draft",
      version: 1,
      source: { threadId: thread.id, threadTitle: "Wspólne diagnozy potrzeb szkół w powiecie" },
      tags: [{ slug: "diagnoza-lokalnej-oswiaty", name: "Diagnoza lokalnej oświaty" }],
    });
    expect(draft.summary).toContain("Co roku robimy wspólną diagnozę");
    expect(draft.context.markdown).toContain("**wspólną diagnozę**");
    expect(draft.context.html).toContain("<strong>wspólną diagnozę</strong>");
    expect(draft.abilities).toMatchObject({ update: true, submit: true, review: false, publish: false });

    const saved = await agents.memberA.put(`/api/practices/${draft.id}`).send({ ...fields(), version: 1 });
    expect(saved.status).toBe(200);
    expect(practiceOf(saved).version).toBe(2);
    expect(practiceOf(saved).jsts.map((jst) => jst.teryt)).toEqual(["1261"]);
    expect(practiceOf(saved).actions.html).toContain("<ol>");

    expect((await agents.memberA.post(`/api/practices/${draft.id}/submit`)).status).toBe(200);
    const expertId = (await User.findOne({ email: DEMO.expert }).lean())?._id;
    await waitFor(() =>
      Notification.exists({ recipientId: expertId, kind: "practice_review_request", documentId: draft.id }),
    );

    const queue = (await agents.expert.get("/api/practices")).body as PracticeListsView;
    expect(queue.toReview?.map((practice) => practice.id)).toContain(draft.id);
    expect(queue.toPublish).toBeNull();

    const taken = await agents.expert.post(`/api/practices/${draft.id}/start-review`);
    expect(taken.status).toBe(200);
    expect(practiceOf(taken)).toMatchObject({ status: "inReview", reviewer: { name: "dr Ewa Zielińska" } });

    const returned = await agents.expert
      .post(`/api/practices/${draft.id}/reviews`)
      .send({ verdict: "revise", opinion: "Proszę dopisać, jak mierzono udział szkół i jakie były koszty pracy." });
    expect(returned.status).toBe(201);
    expect(practiceOf(returned)).toMatchObject({ status: "returned" });
    const authorId = (await User.findOne({ email: DEMO.memberA }).lean())?._id;
    await waitFor(() =>
      Notification.exists({
        recipientId: authorId,
        kind: "practice_status",
        documentId: draft.id,
        message: "została zwrócona do poprawy z uwagami eksperta",
      }),
    );
    const asAuthor = practiceOf(await agents.memberA.get(`/api/practices/${draft.id}`));
    expect(asAuthor.reviews).toHaveLength(1);
    expect(asAuthor.reviews[0]).toMatchObject({ verdict: "revise", version: 2 });

    const revised = await agents.memberA
      .put(`/api/practices/${draft.id}`)
      .send({ ...fields({ results: "Udział mierzony ankietą: 90% szkół." }), version: 2, note: "Uwagi eksperta" });
    expect(revised.status).toBe(200);
    expect((await agents.memberA.post(`/api/practices/${draft.id}/submit`)).status).toBe(200);
    const recommended = await agents.expert
      .post(`/api/practices/${draft.id}/reviews`)
      .send({ verdict: "recommend", opinion: "Praktyka dobrze opisana, warta upowszechnienia w innych powiatach." });
    expect(practiceOf(recommended)).toMatchObject({ status: "inReview" });
    const lists = (await agents.moderator.get("/api/practices")).body as PracticeListsView;
    expect(lists.toPublish?.map((practice) => practice.id)).toContain(draft.id);
    expect(lists.toReview?.map((practice) => practice.id)).not.toContain(draft.id);

    const published = await agents.moderator.post(`/api/practices/${draft.id}/publish`).send({ isPublic: true });
    expect(published.status).toBe(200);
    expect(practiceOf(published)).toMatchObject({ status: "published", isPublic: true });
    expect(practiceOf(published).publishedAt).not.toBeNull();

    const asVisitor = await agents.visitor.get(`/api/practices/${draft.id}`);
    expect(asVisitor.status).toBe(200);
    // Visitors see the expert's recommendation, not the working comments that sent it back.
    expect(practiceOf(asVisitor).reviews.map((review) => review.verdict)).toEqual(["recommend"]);
    expect(Object.values(practiceOf(asVisitor).abilities).every((allowed) => !allowed)).toBe(true);
    expect(practiceOf(asVisitor).source).toBeNull();

    const versions = (await agents.memberA.get(`/api/practices/${draft.id}/versions`)).body as PracticeVersionsView;
    expect(versions.versions.map((version) => version.number)).toEqual([3, 2, 1]);
    expect(versions.versions[0]?.note).toBe("Uwagi eksperta");
    const third = (await agents.memberA.get(`/api/practices/${draft.id}/versions/3`)).body as PracticeVersionView;
    expect(third.changes.map((change) => change.field)).toEqual(["results"]);
    expect(third.changes[0]?.parts.some((part) => part.added && part.value.includes("ankietą"))).toBe(true);
    // The history is the writers' and reviewers' working material: visitors are asked to sign in.
    expect((await agents.visitor.get(`/api/practices/${draft.id}/versions`)).status).toBe(401);

    const cited = (await agents.colleagueA.get(`/api/threads/${thread.id}/practices`)).body as ThreadPracticesView;
    expect(cited.practices.map((practice) => practice.id)).toContain(draft.id);

    const closed = await agents.moderator.put(`/api/practices/${draft.id}/public`).send({ isPublic: false });
    expect(practiceOf(closed).isPublic).toBe(false);
    expect((await agents.visitor.get(`/api/practices/${draft.id}`)).status).toBe(404);
    expect((await agents.memberB.get(`/api/practices/${draft.id}`)).status).toBe(200);
    const withdrawn = await agents.moderator.post(`/api/practices/${draft.id}/unpublish`);
    expect(practiceOf(withdrawn)).toMatchObject({ status: "returned", isPublic: false });
  });
});

async function waitFor(check: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("condition not met in time");
}

describe("refusals", () => {
  it("refuses every transition to the wrong role or in the wrong status", async () => {
    const draft = await filledDraft();
    const path = `/api/practices/${draft.id}`;
    // A draft is the author's (and reviewers') only.
    expect((await agents.memberB.get(path)).status).toBe(404);
    expect((await agents.colleagueA.get(path)).status).toBe(404);
    expect((await agents.visitor.get(path)).status).toBe(404);
    expect((await agents.memberB.put(path).send({ ...fields(), version: 2 })).status).toBe(404);
    expect((await agents.expert.post(`${path}/start-review`)).status).toBe(403);
    expect((await agents.moderator.post(`${path}/publish`).send({})).status).toBe(403);
    expect((await agents.moderator.post(`${path}/unpublish`)).status).toBe(403);
    expect((await agents.moderator.put(`${path}/public`).send({ isPublic: true })).status).toBe(403);
    expect((await agents.expert.post(`${path}/submit`)).status).toBe(403);

    expect((await agents.memberA.post(`${path}/submit`)).status).toBe(200);
    expect((await agents.memberA.post(`${path}/submit`)).status).toBe(403);
    // Nobody reviews their own practice; members do not review; the author no longer edits while it is reviewed.
    expect((await agents.memberA.post(`${path}/start-review`)).status).toBe(403);
    expect((await agents.memberA.put(path).send({ ...fields(), version: 2 })).status).toBe(403);
    expect((await agents.expert.post(`${path}/publish`).send({ isPublic: true })).status).toBe(403);
    expect((await agents.memberA.delete(path)).status).toBe(403);
    const review = await agents.expert.post(`${path}/reviews`).send({ verdict: "recommend", opinion: "Za krótka" });
    expect(review.status).toBe(400);
    expect(review.body.error.message).toBe("Opinia eksperta musi mieć co najmniej 20 znaków.");
    expect((await agents.expert.post(`${path}/start-review`)).status).toBe(200);
    // Taken already: a second expert's "take" is a stale state.
    expect((await agents.moderator.post(`${path}/start-review`)).status).toBe(409);
    expect((await agents.moderator.delete(path)).status).toBe(204);
    expect((await agents.memberA.get(path)).status).toBe(404);
  });

  it("answers 409 with a Polish message to a save based on an outdated version", async () => {
    const draft = await filledDraft();
    const stale = await agents.memberA.put(`/api/practices/${draft.id}`).send({ ...fields(), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain("nowszą wersję");
    expect(practiceOf(await agents.memberA.get(`/api/practices/${draft.id}`)).version).toBe(2);
  });

  it("replaces the version of a save that crashed before the practice reached it, once it is abandoned", async () => {
    const draft = await filledDraft();
    const path = `/api/practices/${draft.id}`;
    const author = (await User.findOne({ email: DEMO.memberA }).lean())!._id;
    // What a crash between the two writes of a save leaves: version 3 stored, the practice still at 2.
    const stray = { practiceId: draft.id, number: 3, title: "Niedokończony zapis", editorId: author, note: "" };
    await PracticeVersion.create({ ...stray, at: new Date() });
    // A version that fresh may be a save still in progress: the next save is told it is stale.
    expect((await agents.memberA.put(path).send({ ...fields(), version: 2 })).status).toBe(409);
    await PracticeVersion.updateOne(
      { practiceId: draft.id, number: 3 },
      { $set: { at: new Date(Date.now() - 120_000) } },
    );
    expect(
      (await agents.memberA.get(`${path}/versions`)).body.versions.map((v: { number: number }) => v.number),
    ).toEqual([2, 1]);
    const saved = await agents.memberA
      .put(path)
      .send({ ...fields({ title: "Praktyka po awarii zapisu" }), version: 2 });
    expect(saved.status).toBe(200);
    expect(practiceOf(saved).version).toBe(3);
    const version = await agents.memberA.get(`${path}/versions/3`);
    expect(version.status).toBe(200);
    expect(JSON.stringify(version.body)).toContain("Praktyka po awarii zapisu");
    expect(JSON.stringify(version.body)).not.toContain("Niedokończony zapis");
  });

  it("refuses bad input with Polish messages naming the field", async () => {
    const draft = await draftFromThread();
    const save = (changes: Record<string, unknown>) =>
      agents.memberA.put(`/api/practices/${draft.id}`).send({ ...fields(changes), version: 1 });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: "Ab" }, "title", "Tytuł praktyki musi mieć co najmniej 5 znaków."],
      [{ jsts: [] }, "jsts", "Wskaż co najmniej jedną JST, która realizowała praktykę."],
      [{ jsts: ["99"] }, "jsts", "Wybierz JST z listy."],
      [{ tags: ["nie-ma-takiego-tagu"] }, "tags", "Wybierz tagi z listy."],
      [
        { tags: Array.from({ length: 13 }, (_, index) => `tag-${index}`) },
        "tags",
        "Praktyka może mieć najwyżej 12 tagów.",
      ],
      [
        { contact: { name: "A", email: "nie-email", phone: "" } },
        "contact.email",
        "Podaj prawidłowy adres e-mail osoby kontaktowej.",
      ],
      [{ attachmentIds: ["0123456789abcdef01234567"] }, "attachmentIds", "Prześlij plik ponownie."],
    ];
    for (const [changes, field, message] of cases) {
      const response = await save(changes);
      expect(response.status).toBe(400);
      expect(response.body.error.fields[field]).toBe(message);
    }
    const empty = await agents.memberA.post("/api/practices").send({ title: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("Tytuł praktyki musi mieć co najmniej 5 znaków.");
    const fresh = practiceOf(await agents.memberA.post("/api/practices").send({ title: "Pusta praktyka" }));
    const incomplete = await agents.memberA.post(`/api/practices/${fresh.id}/submit`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toContain("Przed przesłaniem do recenzji uzupełnij");
  });

  it("stores markdown sanitized: no script, no event handlers, no javascript: links", async () => {
    const draft = await draftFromThread();
    const saved = await agents.memberA.put(`/api/practices/${draft.id}`).send({
      ...fields({
        context: '<script>alert(1)</script><img src=x onerror="alert(2)"> [klik](javascript:alert(3))',
        actions: "<iframe src='https://zlo.example'></iframe>Zwykły tekst",
      }),
      version: 1,
    });
    expect(saved.status).toBe(200);
    const practice = practiceOf(saved);
    for (const html of [practice.context.html, practice.actions.html]) {
      // Raw HTML is shown as text, never as elements; a javascript: link never becomes a link.
      expect(html).not.toMatch(/<script|<img|<iframe|href="javascript:/i);
    }
    expect(practice.actions.html).toContain("Zwykły tekst");
    expect(practice.context.html).toContain("&lt;script&gt;");
  });
});

describe("from a thread or post", () => {
  it("prefills the summary with the first sentences and the context with the whole post, not twice the same", async () => {
    const body =
      "W Wieliczce od trzech lat spotykamy się z dyrektorami po egzaminach. Zaczynamy od tego, co się udało. " +
      "Potem patrzymy na obszary do poprawy i ustalamy wsparcie.\n\nNa koniec każda szkoła dostaje krótki raport.";
    const detail = (await agents.memberA.get("/api/groups/gwd-malopolska")).body as GroupDetail;
    const discussion = detail.categories.find((category) => category.slug === "dyskusje");
    const started = await agents.memberA
      .post(`/api/categories/${discussion?.id}/threads`)
      .send({ title: "Spotkania z dyrektorami po egzaminach", body, clientId: randomUUID() });
    expect(started.status).toBe(201);
    const created = await agents.memberA
      .post("/api/practices")
      .send({ source: { threadId: started.body.thread.id, postId: null } });
    expect(created.status).toBe(201);
    const draft = practiceOf(created);
    expect(draft.summary).toBe(
      "W Wieliczce od trzech lat spotykamy się z dyrektorami po egzaminach. Zaczynamy od tego, co się udało.",
    );
    expect(draft.context.markdown).toBe(body);
    expect(draft.context.html).toContain("<p>Na koniec każda szkoła dostaje krótki raport.</p>");
  });

  it("lets only the author of the words (or a moderator) start a practice from them", async () => {
    const fromReply = { source: { threadId: thread.id, postId: thread.replyId } };
    // Anna started the thread, Piotr wrote the reply.
    const refused = await agents.memberA.post("/api/practices").send(fromReply);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("tylko jego autor(ka) albo moderacja");
    expect((await agents.colleagueA.post("/api/practices").send({ source: { threadId: thread.id } })).status).toBe(403);
    expect((await agents.memberB.post("/api/practices").send(fromReply)).status).toBe(404);
    expect((await agents.visitor.post("/api/practices").send(fromReply)).status).toBe(401);
    const byColleague = await agents.colleagueA.post("/api/practices").send(fromReply);
    expect(byColleague.status).toBe(201);
    expect(practiceOf(byColleague).context.markdown).toBe("U nas diagnoza objęła też przedszkola i żłobki gminne.");
    expect(practiceOf(byColleague).source).toMatchObject({ threadId: thread.id, postId: thread.replyId });
    const byModerator = await agents.moderator.post("/api/practices").send(fromReply);
    expect(byModerator.status).toBe(201);
    expect(practiceOf(byModerator).group).toMatchObject({ slug: "gwd-malopolska" });
  });
});

describe("what visitors see", () => {
  it("lists nothing for visitors and shows only published public practices, with their files", async () => {
    expect((await agents.visitor.get("/api/practices")).status).toBe(401);
    const uploaded = await agents.memberA
      .post("/api/uploads")
      .attach("file", Buffer.from("Raport z diagnozy\n"), "raport-z-diagnozy.txt");
    expect(uploaded.status).toBe(201);
    const file = `/api/attachments/${uploaded.body.attachment.id}`;
    const draft = practiceOf(
      await agents.memberA
        .put(`/api/practices/${(await draftFromThread()).id}`)
        .send({ ...fields({ attachmentIds: [uploaded.body.attachment.id] }), version: 1 }),
    );
    expect(draft.attachments.map((attachment) => attachment.name)).toEqual(["raport-z-diagnozy.txt"]);
    // Another member's practice cannot claim the file once it is listed.
    const other = await filledDraft();
    const claimed = await agents.moderator
      .put(`/api/practices/${other.id}`)
      .send({ ...fields({ attachmentIds: [uploaded.body.attachment.id] }), version: 2 });
    expect(claimed.status).toBe(400);
    expect((await agents.visitor.get(file)).status).toBe(401);
    await agents.memberA.post(`/api/practices/${draft.id}/submit`);
    await agents.moderator.post(`/api/practices/${draft.id}/publish`).send({ isPublic: false });
    expect((await agents.visitor.get(`/api/practices/${draft.id}`)).status).toBe(404);
    await agents.moderator.put(`/api/practices/${draft.id}/public`).send({ isPublic: true });
    expect((await agents.visitor.get(`/api/practices/${draft.id}`)).status).toBe(200);
    const download = await agents.visitor.get(file);
    expect(download.status).toBe(200);
    expect(download.headers["content-disposition"]).toContain("raport-z-diagnozy.txt");
  });
});
