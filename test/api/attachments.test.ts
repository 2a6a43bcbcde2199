import { randomUUID } from "node:crypto";
import { parse as parseContentDisposition } from "content-disposition";
import sharp from "sharp";
import type { AttachmentView, GroupDetail, PostView } from "@forum/shared";
import { Attachment } from "../../server/src/models/Attachment.js";
import { Event } from "../../server/src/models/Event.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** Small enough to test 413 without megabytes of test data. */
const MAX_BYTES = 300 * 1024;
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const POLISH_NAME = "Sprawozdanie z łączenia szkół — Zażółć gęślą jaźń.pdf";

let server: TestServer;
let threadId = "";
let image: Buffer;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "attachments", env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
  const agent = await signedInAgent(server.url, DEMO.memberA);
  const detail = (await agent.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === "dyskusje");
  threadId = (await agent.get(`/api/categories/${category?.id}/threads`)).body.threads[0].id;
  // EXIF with a comment stands in for a phone photo's location data.
  image = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2266aa" } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: "Tajne miejsce" } })
    .toBuffer();
}, 120_000);
afterAll(() => server?.stop());

async function uploadAs(email: string, content: Buffer, name: string) {
  const agent = await signedInAgent(server.url, email);
  const response = await agent.post("/api/uploads").attach("file", content, name);
  return { agent, response, attachment: response.body.attachment as AttachmentView };
}

describe("uploading", () => {
  it("accepts a PDF, keeps its Polish name and stores it under a random key", async () => {
    const { response, attachment } = await uploadAs(DEMO.memberA, PDF, POLISH_NAME);
    expect(response.status).toBe(201);
    expect(attachment).toMatchObject({ name: POLISH_NAME, mime: "application/pdf", image: false, thumbnailUrl: null });
    const stored = await Attachment.findById(attachment.id).lean();
    expect(stored?.storageKey).toMatch(/^[a-f0-9]{32}\.pdf$/);
    expect(stored?.threadId).toBeNull();
  });

  it("makes a WebP thumbnail of an image and drops its metadata", async () => {
    const { agent, attachment } = await uploadAs(DEMO.memberA, image, "zdjęcie.jpg");
    expect(attachment).toMatchObject({ mime: "image/jpeg", image: true });
    const thumbnail = await agent.get(attachment.thumbnailUrl ?? "").buffer(true);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers["content-type"]).toBe("image/webp");
    const meta = await sharp(thumbnail.body as Buffer).metadata();
    expect(meta.width).toBe(640);
    const full = await agent.get(attachment.url).buffer(true);
    expect((await sharp(full.body as Buffer).metadata()).exif).toBeUndefined();
  });

  it.each([
    [
      "a program renamed .pdf",
      Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(400)]),
      "faktura.pdf",
    ],
    ["a web page renamed .pdf", Buffer.from("<!doctype html><script>alert(1)</script>"), "raport.pdf"],
    ["a zip archive", Buffer.from("504b03040a0000000000000000000000000000000000000000000000", "hex"), "dane.docx"],
  ])("refuses %s with a Polish 415", async (_what, content, name) => {
    const { response } = await uploadAs(DEMO.memberA, content, name);
    expect(response.status).toBe(415);
    expect(response.body.error.message).toMatch(/Tego rodzaju pliku nie można dołączyć/);
  });

  it("answers 413 with the limit in Polish when the file is too large", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES + 1024, 0x20)]);
    const { response } = await uploadAs(DEMO.memberA, big, "duży.pdf");
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe("Plik jest za duży. Największy dozwolony rozmiar to 300 kB.");
  });

  it("asks for a file when none was sent", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const response = await agent.post("/api/uploads").field("nic", "tu");
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("Wybierz plik do dołączenia.");
  });

  it("names the download by the real type when the name claims another", async () => {
    const { attachment } = await uploadAs(DEMO.memberA, PDF, "faktura.exe");
    expect(attachment).toMatchObject({ name: "faktura.exe.pdf", mime: "application/pdf" });
  });

  it("takes a legacy Office container by its extension, and nothing else in that container", async () => {
    const cfb = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)]);
    const sheet = await uploadAs(DEMO.memberA, cfb, "budżet.xls");
    expect(sheet.response.status).toBe(201);
    expect(sheet.attachment.mime).toBe("application/vnd.ms-excel");
    expect((await uploadAs(DEMO.memberA, cfb, "instalator.msi")).response.status).toBe(415);
  });

  it("accepts UTF-8 text as .txt but not binary data named .txt", async () => {
    expect((await uploadAs(DEMO.memberA, Buffer.from("Zażółć gęślą jaźń"), "notatka.txt")).response.status).toBe(201);
    expect((await uploadAs(DEMO.memberA, Buffer.from([0, 1, 2, 255, 0]), "notatka.txt")).response.status).toBe(415);
  });
});

describe("downloading", () => {
  it("is only the uploader's until a post links the file, then the thread's readers'", async () => {
    const { agent: anna, attachment } = await uploadAs(DEMO.memberA, PDF, POLISH_NAME);
    const piotr = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
    const marek = await signedInAgent(server.url, DEMO.memberB);
    const visitor = await csrfAgent(server.url);
    expect((await piotr.get(attachment.url)).status).toBe(404);

    const posted = await anna
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: `Materiały: [${attachment.name}](${attachment.url})`, clientId: randomUUID() });
    expect(posted.status).toBe(201);
    const post = posted.body.post as PostView;
    expect(post.html).toContain(`href="${attachment.url}"`);
    const event = await Event.findOne({ name: "posts.create", subjectId: post.id }).lean();
    expect(event?.data).toMatchObject({ attachmentIds: [attachment.id] });

    const download = await piotr.get(attachment.url).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-security-policy"]).toContain("sandbox");
    const disposition = parseContentDisposition(download.headers["content-disposition"] ?? "");
    expect(disposition.type).toBe("attachment");
    expect(disposition.parameters.filename).toBe(POLISH_NAME);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    expect((await marek.get(attachment.url)).status).toBe(404);
    expect((await visitor.get(attachment.url)).status).toBe(401);
  });

  it("does not let another person claim someone's upload by linking to it", async () => {
    const { attachment } = await uploadAs(DEMO.memberA, PDF, "cudzy.pdf");
    const piotr = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
    const posted = await piotr
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: `[cudzy](${attachment.url})`, clientId: randomUUID() });
    expect(posted.status).toBe(201);
    expect((await Attachment.findById(attachment.id).lean())?.postId).toBeNull();
    expect((await piotr.get(attachment.url)).status).toBe(404);
  });

  it("links files added by an edit", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const posted = await anna
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Plik dołączę za chwilę.", clientId: randomUUID() });
    const { attachment } = await uploadAs(DEMO.memberA, PDF, "później.pdf");
    const edited = await anna.patch(`/api/posts/${posted.body.post.id}`).send({ body: `Jest: ${attachment.url}` });
    expect(edited.status).toBe(200);
    const stored = await Attachment.findById(attachment.id).lean();
    expect(stored?.postId?.toString()).toBe(posted.body.post.id);
  });
});
