import type { AnalysisCommentView, AnalysisView, AnalysisListView, NotificationView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "analyses" });
}, 120_000);
afterAll(() => server?.stop());

const draft = (changes: Record<string, unknown> = {}) => ({
  title: "Dowożenie uczniów w gminach wiejskich",
  summary: "Koszty i organizacja dowozu.",
  tags: ["finansowanie-i-budzet"],
  sections: [
    { heading: "Koszty", markdown: "Dowóz kosztuje **dużo**." },
    { heading: "Organizacja", markdown: "Trasy i opiekunowie." },
    { heading: "Wnioski", markdown: "Planować z wyprzedzeniem." },
  ],
  ...changes,
});

async function createAs(email: string, changes: Record<string, unknown> = {}): Promise<AnalysisView> {
  const agent = await signedInAgent(server.url, email);
  const response = await agent.post("/api/analyses").send(draft(changes));
  expect(response.status).toBe(201);
  return response.body.analysis as AnalysisView;
}

async function publishAs(email: string, id: string, isPublic = false): Promise<AnalysisView> {
  const agent = await signedInAgent(server.url, email);
  const response = await agent.post(`/api/analyses/${id}/publish`).send({ isPublic });
  expect(response.status).toBe(200);
  return response.body.analysis as AnalysisView;
}

describe("writing an analysis", () => {
  it("lets experts and moderators write; members are refused with a Polish reason", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const refused = await member.post("/api/analyses").send(draft());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/moderatorzy i eksperci/);
    expect((await (await csrfAgent(server.url)).post("/api/analyses").send(draft())).status).toBe(401);

    const analysis = await createAs(DEMO.expert);
    expect(analysis.status).toBe("draft");
    expect(analysis.sections.map((section) => section.heading)).toEqual(["Koszty", "Organizacja", "Wnioski"]);
    expect(analysis.sections[0]?.html).toContain("<strong>dużo</strong>");
    expect(analysis.tags).toEqual([{ slug: "finansowanie-i-budzet", name: "Finansowanie i budżet" }]);
    expect(analysis.can.update).toBe(true);
    const event = await Event.findOne({ name: "analyses.create", subjectId: analysis.id }).lean();
    expect(event?.data).toMatchObject({ title: analysis.title });
  });

  it("answers bad input with 400 and a Polish message", async () => {
    const expert = await signedInAgent(server.url, DEMO.expert);
    const noSections = await expert.post("/api/analyses").send(draft({ sections: [] }));
    expect(noSections.status).toBe(400);
    expect(JSON.stringify(noSections.body)).toMatch(/co najmniej jedną sekcję/);
    const shortTitle = await expert.post("/api/analyses").send(draft({ title: "A" }));
    expect(shortTitle.status).toBe(400);
    expect(JSON.stringify(shortTitle.body)).toMatch(/co najmniej 3 znaki/);
    const unknownTag = await expert.post("/api/analyses").send(draft({ tags: ["nie-ma-takiego"] }));
    expect(unknownTag.status).toBe(400);
    expect(unknownTag.body.error.message).toMatch(/Nieznane tagi/);
    const emptyHeading = await expert.post("/api/analyses").send(draft({ sections: [{ heading: " ", markdown: "" }] }));
    expect(emptyHeading.status).toBe(400);
    expect(JSON.stringify(emptyHeading.body)).toMatch(/nagłówek sekcji/);
  });

  it("keeps a draft to its author and the moderators", async () => {
    const analysis = await createAs(DEMO.expert, { title: "Szkic tylko dla autorki" });
    const member = await signedInAgent(server.url, DEMO.memberA);
    expect((await member.get(`/api/analyses/${analysis.id}`)).status).toBe(404);
    expect((await (await csrfAgent(server.url)).get(`/api/analyses/${analysis.id}`)).status).toBe(401);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    expect((await moderator.get(`/api/analyses/${analysis.id}`)).status).toBe(200);
    const memberList = (await member.get("/api/analyses")).body as AnalysisListView;
    expect(memberList.analyses.some((item) => item.id === analysis.id)).toBe(false);
    expect(memberList.analyses.every((item) => item.status === "published")).toBe(true);
    const moderatorList = (await moderator.get("/api/analyses")).body as AnalysisListView;
    expect(moderatorList.analyses.some((item) => item.id === analysis.id)).toBe(true);
  });

  it("reorders, edits and adds sections keeping their ids; removing one with comments needs confirmation", async () => {
    const analysis = await createAs(DEMO.expert, { title: "Analiza do przestawiania" });
    await publishAs(DEMO.expert, analysis.id);
    const [first, second, third] = analysis.sections;
    const member = await signedInAgent(server.url, DEMO.memberA);
    const commented = await member
      .post(`/api/analyses/${analysis.id}/sections/${second?.id}/comments`)
      .send({ body: "Komentarz do organizacji." });
    expect(commented.status).toBe(201);

    const expert = await signedInAgent(server.url, DEMO.expert);
    const reordered = await expert.patch(`/api/analyses/${analysis.id}`).send(
      draft({
        sections: [
          { id: third?.id, heading: "Wnioski", markdown: "Zmienione wnioski." },
          { id: second?.id, heading: "Organizacja dowozu", markdown: "Trasy." },
          { id: first?.id, heading: "Koszty", markdown: "Dowóz kosztuje." },
          { heading: "Nowa sekcja", markdown: "Dodana." },
        ],
      }),
    );
    expect(reordered.status).toBe(200);
    const view = reordered.body.analysis as AnalysisView;
    expect(view.sections.slice(0, 3).map((section) => section.id)).toEqual([third?.id, second?.id, first?.id]);
    expect(view.sections[1]).toMatchObject({ heading: "Organizacja dowozu", commentCount: 1 });
    expect(view.sections[3]?.id).toMatch(/^[0-9a-f]{24}$/);

    const foreignId = await expert
      .patch(`/api/analyses/${analysis.id}`)
      .send(draft({ sections: [{ id: "0123456789abcdef01234567", heading: "Obca", markdown: "" }] }));
    expect(foreignId.status).toBe(400);
    expect(foreignId.body.error.message).toMatch(/nie należy do analizy/);

    const withoutCommented = draft({ sections: [{ id: first?.id, heading: "Koszty", markdown: "Tylko koszty." }] });
    const unconfirmed = await expert.patch(`/api/analyses/${analysis.id}`).send(withoutCommented);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe("sections_have_comments");
    expect(unconfirmed.body.error.message).toMatch(/komentarze/);
    const confirmed = await expert
      .patch(`/api/analyses/${analysis.id}`)
      .send({ ...withoutCommented, confirmRemoval: true });
    expect(confirmed.status).toBe(200);
    expect((confirmed.body.analysis as AnalysisView).sections.map((section) => section.id)).toEqual([first?.id]);
    expect((await member.get(`/api/analyses/${analysis.id}/sections/${second?.id}/comments`)).status).toBe(404);
  });

  it("does not let a member edit, publish or delete, and keep making it public to moderators", async () => {
    const analysis = await createAs(DEMO.expert, { title: "Analiza do uprawnień" });
    const member = await signedInAgent(server.url, DEMO.memberA);
    expect((await member.patch(`/api/analyses/${analysis.id}`).send(draft())).status).toBe(404);
    const expert = await signedInAgent(server.url, DEMO.expert);
    const publicByExpert = await expert.post(`/api/analyses/${analysis.id}/publish`).send({ isPublic: true });
    expect(publicByExpert.status).toBe(403);
    expect(publicByExpert.body.error.message).toMatch(/moderator/);
    const published = await publishAs(DEMO.expert, analysis.id);
    expect(published).toMatchObject({ status: "published", isPublic: false });
    expect((await member.patch(`/api/analyses/${analysis.id}`).send(draft())).status).toBe(403);
    expect((await member.delete(`/api/analyses/${analysis.id}`)).status).toBe(403);
    expect((await expert.put(`/api/analyses/${analysis.id}/public`).send({ isPublic: true })).status).toBe(403);
    expect((await expert.post(`/api/analyses/${analysis.id}/publish`).send({})).status).toBe(409);
  });
});

describe("publishing and visitors", () => {
  it("shows a public analysis to visitors, hides it again when unpublished, and deletes it with its comments", async () => {
    const analysis = await createAs(DEMO.moderator, { title: "Analiza publiczna" });
    const published = await publishAs(DEMO.moderator, analysis.id, true);
    expect(published.isPublic).toBe(true);
    const visitor = await csrfAgent(server.url);
    const seen = await visitor.get(`/api/analyses/${analysis.id}`);
    expect(seen.status).toBe(200);
    expect((seen.body.analysis as AnalysisView).can).toMatchObject({ update: false, comment: false });
    expect((seen.body.analysis as AnalysisView).sections[0]?.markdown).toBeNull();

    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const notPublic = await moderator.put(`/api/analyses/${analysis.id}/public`).send({ isPublic: false });
    expect(notPublic.status).toBe(200);
    expect((await visitor.get(`/api/analyses/${analysis.id}`)).status).toBe(401);
    const badFlag = await moderator.put(`/api/analyses/${analysis.id}/public`).send({ isPublic: "tak" });
    expect(badFlag.status).toBe(400);
    expect(JSON.stringify(badFlag.body)).toMatch(/publiczna/);

    const unpublished = await moderator.post(`/api/analyses/${analysis.id}/unpublish`);
    expect(unpublished.status).toBe(200);
    expect(unpublished.body.analysis).toMatchObject({ status: "draft", isPublic: false });
    const member = await signedInAgent(server.url, DEMO.memberA);
    expect((await member.get(`/api/analyses/${analysis.id}`)).status).toBe(404);
    expect((await moderator.post(`/api/analyses/${analysis.id}/unpublish`)).status).toBe(409);

    expect((await moderator.delete(`/api/analyses/${analysis.id}`)).status).toBe(204);
    expect((await moderator.get(`/api/analyses/${analysis.id}`)).status).toBe(404);
    expect(await Event.exists({ name: "analyses.delete", subjectId: analysis.id })).toBeTruthy();
  });
});

describe("comments on sections", () => {
  it("sanitizes markdown, notifies the author (not for their own comments) and lets moderators hide", async () => {
    const analysis = await createAs(DEMO.expert, { title: "Analiza do komentowania" });
    const sectionId = analysis.sections[0]?.id;
    const member = await signedInAgent(server.url, DEMO.memberA);
    const onDraft = await member
      .post(`/api/analyses/${analysis.id}/sections/${sectionId}/comments`)
      .send({ body: "x" });
    expect(onDraft.status).toBe(404);
    await publishAs(DEMO.expert, analysis.id);

    const empty = await member.post(`/api/analyses/${analysis.id}/sections/${sectionId}/comments`).send({ body: " " });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/Napisz komentarz/);
    const xss = await member.post(`/api/analyses/${analysis.id}/sections/${sectionId}/comments`).send({
      body: 'Uwaga <script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3)) **ważne**',
    });
    expect(xss.status).toBe(201);
    const comment = xss.body.comment as AnalysisCommentView;
    expect(comment.html).toContain("<strong>ważne</strong>");
    expect(comment.html).not.toMatch(/<script|<img|href="javascript/i);
    expect(comment.sectionId).toBe(sectionId);

    const expert = await signedInAgent(server.url, DEMO.expert);
    const ownComment = await expert
      .post(`/api/analyses/${analysis.id}/sections/${sectionId}/comments`)
      .send({ body: "Odpowiedź autorki." });
    expect(ownComment.status).toBe(201);
    let notifications: NotificationView[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      notifications = ((await expert.get("/api/notifications")).body.notifications as NotificationView[]).filter(
        (item) => item.kind === "analysis_comment" && item.target.id === analysis.id,
      );
      if (notifications.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.target).toEqual({ kind: "analysis", id: analysis.id, title: "Analiza do komentowania" });

    const unknownSection = await member
      .post(`/api/analyses/${analysis.id}/sections/0123456789abcdef01234567/comments`)
      .send({ body: "Gdzie?" });
    expect(unknownSection.status).toBe(404);

    expect((await member.post(`/api/analyses/${analysis.id}/comments/${comment.id}/hide`)).status).toBe(403);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const hidden = await moderator.post(`/api/analyses/${analysis.id}/comments/${comment.id}/hide`);
    expect(hidden.status).toBe(200);
    expect((await moderator.post(`/api/analyses/${analysis.id}/comments/${comment.id}/hide`)).status).toBe(409);
    const memberSees = (await member.get(`/api/analyses/${analysis.id}/sections/${sectionId}/comments`)).body
      .comments as AnalysisCommentView[];
    expect(memberSees.map((item) => item.id)).not.toContain(comment.id);
    expect(memberSees).toHaveLength(1);
    const moderatorSees = (await moderator.get(`/api/analyses/${analysis.id}/sections/${sectionId}/comments`)).body
      .comments as AnalysisCommentView[];
    expect(moderatorSees.find((item) => item.id === comment.id)?.hidden).toBe(true);
    const view = (await member.get(`/api/analyses/${analysis.id}`)).body.analysis as AnalysisView;
    expect(view.sections[0]?.commentCount).toBe(1);
  });
});

describe("demo analyses", () => {
  it("are published, one public, with sections and comments", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const list = (await member.get("/api/analyses")).body as AnalysisListView;
    const seeded = list.analyses.filter((item) => item.title === "Finansowanie oświaty w gminach wiejskich");
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ status: "published", isPublic: true });
    expect(seeded[0]?.sectionCount).toBeGreaterThanOrEqual(4);
    const view = (await (await csrfAgent(server.url)).get(`/api/analyses/${seeded[0]?.id}`)).body
      .analysis as AnalysisView;
    expect(view.sections.reduce((sum, section) => sum + section.commentCount, 0)).toBeGreaterThan(0);
  });
});
