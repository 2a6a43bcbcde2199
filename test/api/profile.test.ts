import sharp from "sharp";
import mongoose from "mongoose";
import { Event } from "../../server/src/models/Event.js";
import { csrfAgent, DEMO, DEMO_PASSWORD, signedInAgent, signIn } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "profile" });
}, 120_000);
afterAll(() => server?.stop());

const sessions = () =>
  mongoose.connection.db!.collection<{ _id: string; expires: Date; session: Record<string, unknown> }>("sessions");

describe("profile", () => {
  it("shows and updates the person's own data, recording the change", async () => {
    const agent = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
    const profile = (await agent.get("/api/me/profile")).body;
    expect(profile).toMatchObject({
      name: "Piotr Mazur",
      jst: { teryt: "1261" },
      bio: "",
      expertise: [],
      language: "pl",
    });
    const response = await agent.patch("/api/me/profile").send({
      name: "Piotr Mazur",
      jstTeryt: "1261011",
      position: "Główny inspektor ds. jakości edukacji",
      addresseeGroup: "pracownik_operacyjny",
      bio: "Monitoruję jakość edukacji w szkołach podstawowych.",
      expertise: ["monitorowanie-jakosci", "klasy-4-8"],
      language: "pl",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      jst: { teryt: "1261011", type: "gmina_miejska" },
      expertise: ["monitorowanie-jakosci", "klasy-4-8"],
    });
    const event = await Event.findOne({ name: "users.updateProfile" }).lean();
    expect(event?.data).toMatchObject({
      before: { bio: "" },
      after: { bio: "Monitoruję jakość edukacji w szkołach podstawowych." },
    });
  });

  it("refuses an unknown JST and fields it does not know, keeping the profile intact", async () => {
    const agent = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
    const before = (await agent.get("/api/me/profile")).body;
    const unknown = await agent
      .patch("/api/me/profile")
      .send({ ...before, jstTeryt: "9999999", position: before.position });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.jstTeryt).toBe("Wybierz JST z listy.");
    const sneaky = await agent.patch("/api/me/profile").send({
      name: "Piotr Mazur",
      jstTeryt: null,
      position: null,
      addresseeGroup: null,
      role: "admin",
    });
    expect(sneaky.status).toBe(200);
    expect((await agent.get("/api/auth/me")).body.user.role).toBe("member");
  });

  it("records consents with their text version, and withdrawing is as easy as giving", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const given = await agent
      .patch("/api/me/consents")
      .send({ digest: "weekly", mentionEmails: true, directoryListing: true, newsletter: true });
    expect(given.body.consents).toEqual({
      digest: "weekly",
      mentionEmails: true,
      directoryListing: true,
      newsletter: true,
    });
    const withdrawn = await agent
      .patch("/api/me/consents")
      .send({ digest: "off", mentionEmails: false, directoryListing: false, newsletter: false });
    expect(withdrawn.body.consents).toEqual({
      digest: "off",
      mentionEmails: false,
      directoryListing: false,
      newsletter: false,
    });
    // The demo seed opts some people (memberA too) into the leaders' directory (no IP): only this test's changes count.
    const log = (
      await Event.find({ name: "users.updateConsents", subjectId: given.body.id }).sort({ createdAt: 1 }).lean()
    ).filter((event) => event.ip !== null);
    expect(log).toHaveLength(2);
    expect(log[0]?.data).toMatchObject({ textVersion: expect.any(String), after: { directoryListing: true } });
    expect(log[1]?.data).toMatchObject({ before: { directoryListing: true }, after: { directoryListing: false } });
  });

  it("accepts a photo by its content, resizes it, and serves it only to signed-in people", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#0b4f8a" } })
      .jpeg()
      .toBuffer();
    const upload = await agent
      .put("/api/me/avatar")
      .attach("avatar", photo, { filename: "zdjęcie.txt", contentType: "text/plain" });
    expect(upload.status).toBe(200);
    const avatarUrl: string = upload.body.avatarUrl;
    const image = await agent.get(avatarUrl).buffer(true);
    expect(image.headers["content-type"]).toBe("image/webp");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(await sharp(image.body as Buffer).metadata()).toMatchObject({ width: 256, height: 256, format: "webp" });
    const visitor = await csrfAgent(server.url);
    expect((await visitor.get(avatarUrl)).status).toBe(401);
  });

  it("refuses a file that only pretends to be an image", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const fake = Buffer.from("<svg onload=alert(1)></svg>");
    const response = await agent
      .put("/api/me/avatar")
      .attach("avatar", fake, { filename: "zdjecie.png", contentType: "image/png" });
    expect(response.status).toBe(415);
    expect(response.body.error.message).toBe("Zdjęcie musi być plikiem JPEG, PNG lub WebP.");
  });
});

describe("password change", () => {
  it("needs the current password, refuses weak ones, and ends other sessions", async () => {
    const email = "jan.krawczyk@demo.forum-jst.pl";
    const laptop = await signedInAgent(server.url, email);
    const phone = await signedInAgent(server.url, email);
    const wrong = await laptop
      .post("/api/me/password")
      .send({ currentPassword: "nie-to-haslo", newPassword: "Nowe-Haslo-Skarbnika-77" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBe("Obecne hasło jest nieprawidłowe.");
    const weak = await laptop
      .post("/api/me/password")
      .send({ currentPassword: DEMO_PASSWORD, newPassword: "qwertyuiop12" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.newPassword).toMatch(/zbyt łatwe/);
    const changed = await laptop
      .post("/api/me/password")
      .send({ currentPassword: DEMO_PASSWORD, newPassword: "Nowe-Haslo-Skarbnika-77" });
    expect(changed.status).toBe(204);
    expect((await laptop.get("/api/auth/me")).body.user.email).toBe(email);
    expect((await phone.get("/api/auth/me")).body.user).toBeNull();
    const fresh = await csrfAgent(server.url);
    expect((await signIn(fresh, email)).status).toBe(401);
    expect((await signIn(fresh, email, "Nowe-Haslo-Skarbnika-77")).status).toBe(200);
  });
});

describe("my sessions", () => {
  it("lists the person's sessions without exposing session ids, and revokes one", async () => {
    const email = "magdalena.wojcik@demo.forum-jst.pl";
    const laptop = await signedInAgent(server.url, email);
    const phone = await signedInAgent(server.url, email);
    const listed = (await laptop.get("/api/me/sessions")).body.sessions as {
      id: string;
      current: boolean;
      userAgent: string;
    }[];
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const stored = await sessions().find({}).toArray();
    for (const session of listed) expect(stored.map((entry) => entry._id)).not.toContain(session.id);
    const other = listed.find((session) => !session.current);
    expect((await laptop.delete(`/api/me/sessions/${other?.id}`)).status).toBe(204);
    expect((await phone.get("/api/auth/me")).body.user).toBeNull();
    expect((await laptop.get("/api/me/sessions")).body.sessions).toHaveLength(1);
    expect((await laptop.delete(`/api/me/sessions/${other?.id}`)).status).toBe(404);
  });

  it("cannot revoke someone else's session", async () => {
    const victim = await signedInAgent(server.url, DEMO.memberB);
    const victimSession = ((await victim.get("/api/me/sessions")).body.sessions as { id: string }[])[0];
    const attacker = await signedInAgent(server.url, DEMO.memberA);
    expect((await attacker.delete(`/api/me/sessions/${victimSession?.id}`)).status).toBe(404);
    expect((await victim.get("/api/auth/me")).body.user.email).toBe(DEMO.memberB);
  });

  it("ends a session after the absolute limit even while it is used", async () => {
    const agent = await signedInAgent(server.url, "barbara.lis@demo.forum-jst.pl");
    const thirteenHoursAgo = Date.now() - 13 * 3_600_000;
    await sessions().updateMany(
      { "session.passport.user": { $exists: true }, "session.userAgent": { $exists: true } },
      { $set: { "session.signedInAt": thirteenHoursAgo } },
    );
    expect((await agent.get("/api/auth/me")).body.user).toBeNull();
  });

  it("ends a session that was idle past its expiry", async () => {
    const agent = await signedInAgent(server.url, "ewelina.jankowska@demo.forum-jst.pl");
    await sessions().updateMany({}, { $set: { expires: new Date(Date.now() - 1000) } });
    expect((await agent.get("/api/auth/me")).body.user).toBeNull();
  });
});
