import { randomUUID } from "node:crypto";
import { parse as parseContentDisposition } from "content-disposition";
import mongoose from "mongoose";
import sharp from "sharp";
import type TestAgent from "supertest/lib/agent.js";
import type { AttachmentView, GroupDetail, PostView, ThreadDetail } from "@forum/shared";
import { Attachment } from "../../server/src/models/Attachment.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

// U+202E (RIGHT-TO-LEFT OVERRIDE) shows what follows backwards: "faktura\u202Efdp.exe.png" reads as
// "fakturagnp.exe.pdf", a PNG (or anything) passing for a PDF. Names and titles must show as typed.
const DISGUISED_FILE = "faktura\u202Efdp.exe.png";
const BIDI = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;
const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let piotr: TestAgent;
let png: Buffer;
let categoryId = "";

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "bidi-names" });
  piotr = await signedInAgent(server.url, PIOTR);
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#aa2266" } })
    .png()
    .toBuffer();
  const detail = (await piotr.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  categoryId = detail.categories.find((category) => category.slug === "dyskusje")!.id;
}, 120_000);
afterAll(() => server?.stop());

const downloadName = (header: string | undefined) => parseContentDisposition(header ?? "").parameters.filename;

describe("bidirectional control characters", () => {
  it("are dropped from an uploaded file's name: stored, shown and downloaded as fakturafdp.exe.png", async () => {
    const response = await piotr.post("/api/uploads").attach("file", png, DISGUISED_FILE);
    expect(response.status).toBe(201);
    const attachment = response.body.attachment as AttachmentView;
    expect(attachment).toMatchObject({ name: "fakturafdp.exe.png", mime: "image/png" });
    expect((await Attachment.findById(attachment.id).lean())?.originalName).toBe("fakturafdp.exe.png");
    const download = await piotr.get(attachment.url).buffer(true);
    expect(download.status).toBe(200);
    expect(downloadName(download.headers["content-disposition"])).toBe("fakturafdp.exe.png");
  });

  it("are dropped from a display name and a thread title as they are saved", async () => {
    const before = (await piotr.get("/api/me/profile")).body;
    const saved = await piotr.patch("/api/me/profile").send({
      name: "Piotr \u202EruzaM",
      jstTeryt: before.jst?.teryt ?? null,
      position: before.position,
      addresseeGroup: before.addresseeGroup,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.name).toBe("Piotr ruzaM");
    expect((await User.findOne({ email: PIOTR }).lean())?.name).toBe("Piotr ruzaM");

    const started = await piotr
      .post(`/api/categories/${categoryId}/threads`)
      .send({ title: "Rozliczenie \u2067dotacji\u2069 \u202Efdp.exe", body: "Treść wątku.", clientId: randomUUID() });
    expect(started.status).toBe(201);
    expect((await Thread.findById(started.body.thread.id).lean())?.title).toBe("Rozliczenie dotacji fdp.exe");
    const shown = (await piotr.get(`/api/threads/${started.body.thread.id as string}`)).body as ThreadDetail;
    expect(shown.thread.title).toBe("Rozliczenie dotacji fdp.exe");
  });

  it("stored before this fix are not shown: names, titles and file names come out clean", async () => {
    // As written by an older version (or restored from its backup): straight into the collections.
    const thread = await Thread.findOne({ "lock.at": null }).sort({ lastPostAt: -1 }).lean();
    const anna = await User.findOne({ email: DEMO.memberA }).lean();
    await User.collection.updateOne({ _id: anna!._id }, { $set: { name: "Anna \u202EakslawoK" } });
    await Thread.collection.updateOne({ _id: thread!._id }, { $set: { title: "Plan \u202Efdp.exe naprawczy" } });
    const upload = await piotr.post("/api/uploads").attach("file", png, "zdjecie.png");
    await Attachment.collection.updateOne(
      { _id: new mongoose.Types.ObjectId(upload.body.attachment.id as string) },
      { $set: { originalName: DISGUISED_FILE } },
    );

    const annaAgent = await signedInAgent(server.url, DEMO.memberA);
    expect((await annaAgent.get("/api/me/profile")).body.name).toBe("Anna akslawoK");
    const reply = await annaAgent
      .post(`/api/threads/${thread!._id.toString()}/posts`)
      .send({ body: "Odpowiedź Anny.", clientId: randomUUID() });
    expect(reply.status).toBe(201);
    expect((reply.body.post as PostView).author.name).toBe("Anna akslawoK");

    const detail = (await piotr.get(`/api/threads/${thread!._id.toString()}`)).body as ThreadDetail;
    expect(detail.thread.title).toBe("Plan fdp.exe naprawczy");
    expect(JSON.stringify(detail)).not.toMatch(BIDI);
    const listed = await piotr.get(`/api/categories/${categoryId}/threads`);
    expect(JSON.stringify(listed.body)).not.toMatch(BIDI);

    const download = await piotr.get(upload.body.attachment.url as string).buffer(true);
    expect(downloadName(download.headers["content-disposition"])).toBe("fakturafdp.exe.png");
  });
});
