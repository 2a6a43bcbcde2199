import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { OnboardingImportView, OnboardingRowsPage, OnboardingRowView } from "@forum/shared";
import { Invitation } from "../../server/src/models/Invitation.js";
import { OnboardingImport } from "../../server/src/models/OnboardingImport.js";
import { OnboardingRow } from "../../server/src/models/OnboardingRow.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { participantXlsx, type ParticipantLine } from "../support/participantSheets.js";
import { linkToken, startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * Onboarding a cohort from the participant spreadsheet: a verdict per row, fixes in place, sending that is
 * resumable after a crash and idempotent when the same list comes again.
 */

const PUBLIC_URL = "http://forum.test";
let server: TestServer;
let smtp: SmtpReceiver;
let moderator: TestAgent;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({ seed: true, label: "onboarding", env: { SMTP_URL: smtp.url, PUBLIC_URL } });
  moderator = await signedInAgent(server.url, DEMO.moderator);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const person = (overrides: Partial<ParticipantLine> = {}): ParticipantLine => ({
  firstName: "Zofia",
  lastName: "Nowicka",
  email: `zofia.${randomUUID().slice(0, 8)}@example.pl`,
  teryt: "1219053",
  jst: "",
  position: "Inspektorka ds. oświaty",
  group: "gwd-malopolska",
  ...overrides,
});

async function upload(content: Buffer, fileName = "uczestnicy.xlsx"): Promise<OnboardingImportView> {
  const response = await moderator.post("/api/onboarding/imports").attach("file", content, fileName);
  expect(response.status).toBe(201);
  return response.body.import as OnboardingImportView;
}

async function rowsOf(id: string, problems = false): Promise<OnboardingRowsPage> {
  const response = await moderator.get(`/api/onboarding/imports/${id}${problems ? "?problems=1" : ""}`);
  expect(response.status).toBe(200);
  return response.body as OnboardingRowsPage;
}

async function sentOut(id: string): Promise<OnboardingImportView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await rowsOf(id);
    if (page.import.status === "sent") return page.import;
    if (Date.now() > deadline) throw new Error(`list ${id} not sent: ${JSON.stringify(page.import)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe("a participant list", () => {
  it("is judged row by row: new people, existing accounts, and every problem with suggestions", async () => {
    const lines = [
      person(),
      person({ email: "anna.kowalska@demo.forum-jst.pl", firstName: "Anna", lastName: "Kowalska" }),
      person({ email: "anna.kowalska@demo.forum-jst.pl", group: "gwd-wielkopolska-pomorze" }),
      person({ email: "marek.kaminski@demo.forum-jst.pl", firstName: "Marek", lastName: "Kamiński" }),
      person({ email: "to-nie-adres" }),
      person({ teryt: "", jst: "Dąbrowa" }),
      person({ teryt: "", jst: "Urząd Gminy Kozy" }),
      person({ teryt: "", jst: "Krakóww" }),
      person({ group: "GWD Nieistniejąca" }),
    ];
    const list = await upload(await participantXlsx(lines));
    expect(list.counts).toMatchObject({ rows: 9, invite: 2, alreadyMember: 1, addExisting: 1, problems: 5 });
    const { rows } = await rowsOf(list.id);
    const byLine = (line: number) => rows.find((row) => row.line === line) as OnboardingRowView;
    expect(byLine(2)).toMatchObject({ action: "invite", problems: [], jst: { teryt: "1219053" } });
    expect(byLine(3)).toMatchObject({ action: "alreadyMember" });
    expect(byLine(4).problems).toEqual(["duplicateEmail"]);
    expect(byLine(5)).toMatchObject({ action: "addExisting" });
    expect(byLine(6).problems).toEqual(["badEmail"]);
    expect(byLine(7).problems).toEqual(["ambiguousJst"]);
    expect(
      byLine(7)
        .suggestions.map((s) => s.teryt)
        .sort(),
    ).toEqual(["0409012", "1609022"]);
    expect(byLine(7).suggestions[0]?.label).toMatch(/Dąbrowa — gmina wiejska, /);
    expect(byLine(8)).toMatchObject({ action: "invite", jst: { teryt: "2402072" } });
    expect(byLine(9).problems).toEqual(["unknownJst"]);
    expect(byLine(9).suggestions.map((s) => s.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Kraków/)]),
    );
    expect(byLine(10).problems).toEqual(["unknownGroup"]);
    const onlyProblems = await rowsOf(list.id, true);
    expect(onlyProblems.rows.map((row) => row.line)).toEqual([4, 6, 7, 9, 10]);
  });

  it("reads a semicolon CSV saved by Polish Excel in Windows-1250", async () => {
    const text =
      "Imię;Nazwisko;E-mail;JST;Grupa\r\nŁucja;Żółkiewska;lucja.zolkiewska@example.pl;Kraków;gwd-malopolska\r\n";
    const bytes = encode1250(text);
    const list = await upload(bytes, "lista.csv");
    const { rows } = await rowsOf(list.id);
    expect(rows[0]).toMatchObject({ name: "Łucja Żółkiewska", action: "invite", jst: { teryt: "1261" } });
  });

  it("refuses what it cannot read, in Polish, and is only for ZMP", async () => {
    const none = await moderator.post("/api/onboarding/imports");
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe("Wybierz plik XLSX albo CSV z listą uczestników.");
    const noColumns = await moderator
      .post("/api/onboarding/imports")
      .attach("file", Buffer.from("Kto;Co\nA;B\n"), "x.csv");
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.error.message).toContain("W pierwszym wierszu arkusza brakuje kolumn");
    const member = await signedInAgent(server.url, DEMO.memberA);
    const refused = await member.post("/api/onboarding/imports").attach("file", Buffer.from("a"), "x.csv");
    expect(refused.status).toBe(404);
  });

  it("is fixed in place and sent: invitations carry the person's name, JST and position; a second upload sends nobody again", async () => {
    const ready = person({ firstName: "Beata", lastName: "Gotowa" });
    const broken = person({
      firstName: "Celina",
      lastName: "Poprawiana",
      email: "celina(at)example.pl",
      teryt: "",
      jst: "Dąbrowa",
    });
    const list = await upload(await participantXlsx([ready, broken]));
    const { rows } = await rowsOf(list.id);
    const wrong = rows.find((row) => row.problems.length > 0) as OnboardingRowView;
    const badFix = await moderator.patch(`/api/onboarding/imports/${list.id}/rows/${wrong.id}`).send({ email: "zły" });
    expect(badFix.status).toBe(400);
    expect(JSON.stringify(badFix.body)).toMatch(/adres e-mail/i);
    const celinaEmail = `celina.${randomUUID().slice(0, 6)}@example.pl`;
    const fixed = await moderator
      .patch(`/api/onboarding/imports/${list.id}/rows/${wrong.id}`)
      .send({ email: celinaEmail, teryt: "0409012" });
    expect(fixed.status).toBe(200);
    expect(fixed.body.row).toMatchObject({ problems: [], action: "invite", jst: { teryt: "0409012" } });
    expect(fixed.body.import.counts).toMatchObject({ ready: 2, problems: 0 });

    const sending = await moderator.post(`/api/onboarding/imports/${list.id}/send`);
    expect(sending.status).toBe(202);
    expect(sending.body.import.status).toBe("sending");
    const done = await sentOut(list.id);
    expect(done.counts).toMatchObject({ done: 2, failed: 0 });

    const mail = await smtp.waitForMail(celinaEmail);
    const token = linkToken(mail, `${PUBLIC_URL}/zaproszenie/`);
    const preview = await moderator.get(`/api/invitations/by-token/${token}`);
    expect(preview.body.prefill).toMatchObject({
      name: "Celina Poprawiana",
      jst: { teryt: "0409012" },
      position: "Inspektorka ds. oświaty",
    });

    const again = await upload(
      await participantXlsx([ready, { ...broken, email: celinaEmail, teryt: "0409012", jst: "" }]),
    );
    expect((await moderator.post(`/api/onboarding/imports/${again.id}/send`)).status).toBe(202);
    const second = await sentOut(again.id);
    expect(second.counts.done).toBe(2);
    const states = (await rowsOf(again.id)).rows.map((row) => row.sendState);
    expect(states).toEqual(["skipped", "skipped"]);
    expect(await Invitation.countDocuments({ email: celinaEmail })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mailsTo(celinaEmail)).toHaveLength(1);
    const nothing = await moderator.post(`/api/onboarding/imports/${again.id}/send`);
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.message).toContain("nie ma wierszy gotowych do wysłania");
  });

  it("is sent on after a crash: a stale claim is taken again, a fresh one is left to its process", async () => {
    const [stale, fresh] = [person({ firstName: "Dorota" }), person({ firstName: "Ewa" })];
    const list = await upload(await participantXlsx([stale, fresh]));
    // As a process that died mid-send leaves it: sending asked for, one row claimed long ago, one just now.
    await OnboardingImport.updateOne({ _id: list.id }, { $set: { status: "sending", sendRequestedAt: new Date() } });
    await OnboardingRow.updateOne(
      { importId: list.id, index: 0 },
      { $set: { sendState: "sending", claimedAt: new Date(Date.now() - 5 * 60_000) } },
    );
    await OnboardingRow.updateOne(
      { importId: list.id, index: 1 },
      { $set: { sendState: "sending", claimedAt: new Date(Date.now() + 60 * 60_000) } },
    );
    await smtp.waitForMail(stale.email, 30_000);
    const rows = (await rowsOf(list.id)).rows;
    expect(rows.map((row) => row.sendState)).toEqual(["invited", "sending"]);
    expect(smtp.mailsTo(fresh.email)).toHaveLength(0);
  });
});

/** Windows-1250 bytes of Polish text (what Excel writes as "CSV" on a Polish system). */
function encode1250(text: string): Buffer {
  const table: Record<string, number> = {
    Ł: 0xa3,
    ł: 0xb3,
    Ż: 0xaf,
    ż: 0xbf,
    ó: 0xf3,
    Ó: 0xd3,
    ę: 0xea,
    ą: 0xb9,
    ś: 0x9c,
    ć: 0xe6,
    ń: 0xf1,
    ź: 0x9f,
    Ę: 0xca,
    Ą: 0xa5,
    Ś: 0x8c,
    Ć: 0xc6,
    Ń: 0xd1,
    Ź: 0x8f,
  };
  return Buffer.from([...text].map((char) => table[char] ?? char.charCodeAt(0)));
}
