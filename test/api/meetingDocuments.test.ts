import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import mongoose from "mongoose";
import type { CertificateVerification, CohortReport, MeetingDocumentsView, MyCertificatesView } from "@forum/shared";
import { Analysis } from "../../server/src/models/Analysis.js";
import { Attendance } from "../../server/src/models/Attendance.js";
import { Cohort } from "../../server/src/models/Cohort.js";
import { Group } from "../../server/src/models/Group.js";
import { Jst, type JstDocument } from "../../server/src/models/Jst.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { MeetingRegistration } from "../../server/src/models/MeetingRegistration.js";
import { Membership } from "../../server/src/models/Membership.js";
import { Practice } from "../../server/src/models/Practice.js";
import { User } from "../../server/src/models/User.js";
import { binaryBody, pdfText } from "../support/documents.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
type Id = mongoose.Types.ObjectId;

/** A known programme edition in 2020 with two groups, three held sessions and one planned. */
const known = {
  cohort: null as unknown as Id,
  groupOne: null as unknown as Id,
  groupTwo: null as unknown as Id,
  held: null as unknown as Id,
  heldSecond: null as unknown as Id,
  planned: null as unknown as Id,
  otherGroupHeld: null as unknown as Id,
  jsts: [] as JstDocument[],
};

const userNamed = async (email: string) => (await User.findOne({ email }).lean())!;

async function person(name: string, position: string, jstId: Id) {
  const local = name.normalize("NFD").replace(/\p{M}/gu, "").replace(/[Łł]/g, "l").toLowerCase().replace(/\s+/g, ".");
  return User.create({
    email: `${local}@dokumenty.example.pl`,
    passwordHash: "nie-do-logowania",
    name,
    position,
    jstId,
  });
}

let stay = 0;
const attended = (meetingId: Id, userId: Id, day: 1 | 2, jstId: Id | null = null) => {
  stay += 1;
  const at = new Date(Date.UTC(2020, 2, 9 + day, 9));
  return Attendance.create({
    meetingId,
    userId,
    jstId,
    day,
    connectionId: `polaczenie-${stay}`,
    joinedAt: at,
    leftAt: new Date(at.getTime() + 3_600_000),
    seenAt: at,
  });
};

const session = (groupId: Id, number: number, status: "closed" | "planned", month: number) =>
  Meeting.create({
    groupId,
    number,
    title: `Zarządzanie oświatą — część ${number}`,
    startsAt: new Date(Date.UTC(2020, month, 10, 8)),
    endsAt: new Date(Date.UTC(2020, month, 11, 15)),
    venue: "Łódź, Urząd Miasta, sala Żółta",
    status,
  });

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "meeting-documents" });
  const [gmina, powiat, miasto] = await Promise.all(
    (["gmina_wiejska", "powiat", "miasto_na_prawach_powiatu"] as const).map(async (type) =>
      Jst.findOne({ type }).sort({ teryt: 1 }).lean(),
    ),
  );
  known.jsts = [gmina!, powiat!, miasto!];
  const cohort = await Cohort.create({
    name: "Edycja próbna 2020 — Łódzkie",
    startsOn: "2020-01-01",
    endsOn: "2020-12-31",
    sessionCount: 9,
  });
  known.cohort = cohort._id;
  const [groupOne, groupTwo] = await Group.create([
    {
      slug: "gwd-dokumenty-jeden",
      name: "GWD Świętokrzyska",
      cohort: cohort.name,
      cohortId: cohort._id,
      jstIds: [gmina!._id, powiat!._id],
    },
    { slug: "gwd-dokumenty-dwa", name: "GWD Żuławy", cohort: cohort.name, cohortId: cohort._id, jstIds: [miasto!._id] },
  ]);
  known.groupOne = groupOne!._id;
  known.groupTwo = groupTwo!._id;

  const anna = await userNamed(DEMO.memberA);
  const marek = await userNamed(DEMO.memberB);
  await User.updateOne({ _id: anna._id }, { $set: { position: "Dyrektorka wydziału oświaty", jstId: gmina!._id } });
  const lukasz = await person("Łukasz Żółkiewski", "Sekretarz powiatu", powiat!._id);
  const grzegorz = await person("Grzegorz Ćwikła", "Skarbnik gminy", gmina!._id);
  const scibor = await person("Ścibor Jędrzejczyk", "Inspektor ds. oświaty", powiat!._id);
  const helena = await person("Helena Śliwińska", "Naczelniczka wydziału edukacji", miasto!._id);
  await Membership.create([
    ...[anna, lukasz, grzegorz, scibor].map((user) => ({
      groupId: groupOne!._id,
      userId: user._id,
      role: "member" as const,
    })),
    { groupId: groupTwo!._id, userId: helena._id, role: "member" },
    // Marek facilitates the other group: he gets its sheet, never group one's.
    { groupId: groupTwo!._id, userId: marek._id, role: "facilitator" as const },
  ]);

  const held = await session(groupOne!._id, 1, "closed", 2);
  const heldSecond = await session(groupOne!._id, 2, "closed", 4);
  const planned = await session(groupOne!._id, 3, "planned", 10);
  const otherGroupHeld = await session(groupTwo!._id, 1, "closed", 2);
  Object.assign(known, {
    held: held._id,
    heldSecond: heldSecond._id,
    planned: planned._id,
    otherGroupHeld: otherGroupHeld._id,
  });

  const registration = (meetingId: Id, groupId: Id, userId: Id, day1: string, day2: string) => ({
    meetingId,
    groupId,
    userId,
    days: [
      { day: 1, mode: day1 },
      { day: 2, mode: day2 },
    ],
  });
  await MeetingRegistration.create([
    registration(held._id, groupOne!._id, anna._id, "onsite", "online"),
    registration(held._id, groupOne!._id, lukasz._id, "onsite", "absent"),
    registration(held._id, groupOne!._id, grzegorz._id, "online", "online"),
    registration(otherGroupHeld._id, groupTwo!._id, helena._id, "onsite", "onsite"),
    // Sign-ups for a session not held yet do not count.
    registration(planned._id, groupOne!._id, anna._id, "onsite", "onsite"),
  ]);
  // Anna twice on day 1 (a reconnection counts once), Ścibor came on day 2 without signing up, Grzegorz never came.
  await attended(held._id, anna._id, 1, gmina!._id);
  await attended(held._id, anna._id, 1, gmina!._id);
  await attended(held._id, anna._id, 2, gmina!._id);
  await attended(held._id, lukasz._id, 1);
  await attended(held._id, scibor._id, 2);
  await attended(heldSecond._id, anna._id, 1);
  await attended(otherGroupHeld._id, helena._id, 1);
  await attended(otherGroupHeld._id, helena._id, 2);

  await Practice.create([
    {
      title: "Wspólne dowozy uczniów",
      authorId: anna._id,
      groupId: groupOne!._id,
      status: "published",
      publishedAt: new Date("2020-06-01"),
    },
    { title: "Szkic bez publikacji", authorId: anna._id, groupId: groupOne!._id, status: "draft" },
  ]);
  await Analysis.create([
    { title: "Analiza sieci szkół", authorId: anna._id, status: "published", publishedAt: new Date("2020-07-01") },
    { title: "Analiza spoza edycji", authorId: anna._id, status: "published", publishedAt: new Date("2019-07-01") },
  ]);
}, 180_000);
afterAll(() => server?.stop());

const pdf = async (agent: Awaited<ReturnType<typeof signedInAgent>>, url: string) => {
  const response = await agent.get(url).buffer(true).parse(binaryBody);
  return { status: response.status, body: response.body as Buffer, type: response.headers["content-type"] ?? "" };
};

describe("the attendance sheet", () => {
  it("lists per day those signed up (not 'absent') and those who came unannounced, with Polish letters intact", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const sheet = await pdf(moderator, `/api/meetings/${known.held}/attendance-sheet.pdf`);
    expect(sheet.status).toBe(200);
    expect(sheet.type).toContain("application/pdf");
    // A long position wraps in its cell: compare with the lines joined.
    const [dayOne, dayTwo, ...rest] = (await pdfText(sheet.body)).map((page) => page.replace(/\s+/g, " "));
    expect(rest).toEqual([]);
    for (const page of [dayOne!, dayTwo!]) {
      for (const text of ["Lista obecności", "Edycja próbna 2020 — Łódzkie", "GWD Świętokrzyska", "Spotkanie nr 1"]) {
        expect(page).toContain(text);
      }
      expect(page).toContain("Łódź, Urząd Miasta, sala Żółta");
      expect(page).toContain("Podpis");
      expect(page).toMatch(/Strona \d z 2/);
    }
    expect(dayOne).toContain("Dzień 1");
    expect(dayOne).toContain("Anna Kowalska");
    expect(dayOne).toContain("Dyrektorka wydziału oświaty");
    expect(dayOne).toContain("Łukasz Żółkiewski");
    expect(dayOne).toContain("Grzegorz Ćwikła");
    expect(dayOne).not.toContain("Ścibor Jędrzejczyk");
    expect(dayOne).toContain("na miejscu");
    expect(dayTwo).toContain("Dzień 2");
    expect(dayTwo).toContain("Anna Kowalska");
    expect(dayTwo).toContain("Grzegorz Ćwikła");
    expect(dayTwo).toContain("Ścibor Jędrzejczyk");
    expect(dayTwo).toContain("bez zapisu");
    expect(dayTwo).not.toContain("Łukasz Żółkiewski");
  });

  it("is for the group's facilitators and ZMP: a member is refused, another group and visitors do not see it", async () => {
    const url = `/api/meetings/${known.held}/attendance-sheet.pdf`;
    const member = await signedInAgent(server.url, DEMO.memberA);
    expect((await member.get(url)).status).toBe(403);
    const otherGroup = await signedInAgent(server.url, DEMO.memberB);
    expect((await otherGroup.get(url)).status).toBe(404);
    expect((await (await csrfAgent(server.url)).get(url)).status).toBe(401);
    // Marek facilitates group two: its sheet is his.
    const own = await pdf(otherGroup, `/api/meetings/${known.otherGroupHeld}/attendance-sheet.pdf`);
    expect(own.status).toBe(200);
    expect((await pdfText(own.body)).join("\n")).toContain("Helena Śliwińska");
    const documents = (await otherGroup.get(`/api/meetings/${known.otherGroupHeld}/documents`))
      .body as MeetingDocumentsView;
    expect(documents).toEqual({
      canDownloadAttendanceSheet: true,
      canDownloadCertificate: false,
      cohortCertificateId: null,
    });
  });
});

describe("certificates", () => {
  it("gives a participant a certificate of the days attended, with a code that verifies publicly (name, programme, dates only)", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const documents = (await anna.get(`/api/meetings/${known.held}/documents`)).body as MeetingDocumentsView;
    expect(documents).toEqual({
      canDownloadAttendanceSheet: false,
      canDownloadCertificate: true,
      cohortCertificateId: known.cohort.toString(),
    });
    const first = await pdf(anna, `/api/meetings/${known.held}/certificate.pdf`);
    expect(first.status).toBe(200);
    const text = (await pdfText(first.body)).join("\n");
    expect(text).toContain("Zaświadczenie o udziale");
    expect(text).toContain("Anna Kowalska");
    expect(text).toContain("Edycja próbna 2020 — Łódzkie");
    expect(text).toContain("wtorek, 10 marca 2020");
    expect(text).toContain("środa, 11 marca 2020");
    const code = /Kod weryfikacyjny: ([A-Z0-9]{10})/.exec(text)?.[1] ?? "";
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(text).toContain(`/zaswiadczenia/${code}`);

    const again = await pdf(anna, `/api/meetings/${known.held}/certificate.pdf`);
    expect((await pdfText(again.body)).join("\n")).toContain(`Kod weryfikacyjny: ${code}`);

    const visitor = await csrfAgent(server.url);
    const verified = await visitor.get(`/api/certificates/${code.toLowerCase()}`);
    expect(verified.status).toBe(200);
    const certificate = verified.body.certificate as CertificateVerification;
    expect(Object.keys(certificate).sort()).toEqual(["code", "days", "issuedAt", "name", "programme", "subject"]);
    expect(certificate).toMatchObject({
      code,
      name: "Anna Kowalska",
      programme: "Edycja próbna 2020 — Łódzkie",
      days: ["2020-03-10", "2020-03-11"],
    });
    expect(JSON.stringify(verified.body)).not.toMatch(/@|Dyrektorka|gmina/i);
  });

  it("gives no certificate to someone who attended no day, nor for a session not held, nor to other groups", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const none = await moderator.get(`/api/meetings/${known.held}/certificate.pdf`);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe(
      "Nie ma zaświadczenia: nie ma Cię na liście obecności żadnego dnia tego spotkania.",
    );
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const notYet = await anna.get(`/api/meetings/${known.planned}/certificate.pdf`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.message).toBe("Zaświadczenie będzie dostępne po zakończeniu spotkania.");
    const marek = await signedInAgent(server.url, DEMO.memberB);
    expect((await marek.get(`/api/meetings/${known.held}/certificate.pdf`)).status).toBe(404);
    expect((await (await csrfAgent(server.url)).get(`/api/meetings/${known.held}/certificate.pdf`)).status).toBe(401);
    const cohortNone = await marek.get(`/api/cohorts/${known.cohort}/certificate.pdf`);
    expect(cohortNone.status).toBe(409);
    expect(cohortNone.body.error.message).toContain("nie ma Cię na liście obecności");
  });

  it("answers an unknown or malformed code 404 with a Polish message", async () => {
    const visitor = await csrfAgent(server.url);
    const unknown = await visitor.get("/api/certificates/ABCDEFGH23");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("Nie ma zaświadczenia o takim kodzie");
    expect((await visitor.get("/api/certificates/O0I1")).status).toBe(404);
  });

  it("certifies the cohort: sessions attended of those held, person-days", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const certificate = await pdf(anna, `/api/cohorts/${known.cohort}/certificate.pdf`);
    expect(certificate.status).toBe(200);
    const text = (await pdfText(certificate.body)).join("\n");
    expect(text).toContain("Spotkania, w których wziął(-ęła) udział: 2 z 2 odbytych");
    expect(text).toContain("Osobodni udziału: 3");
    const code = /Kod weryfikacyjny: ([A-Z0-9]{10})/.exec(text)?.[1] ?? "";
    const verified = (await (await csrfAgent(server.url)).get(`/api/certificates/${code}`)).body
      .certificate as CertificateVerification;
    expect(verified.days).toEqual(["2020-03-10", "2020-03-11", "2020-05-10"]);
    expect(verified.subject).toBe("Udział w programie: 2 z 2 odbytych spotkań");
    // The profile offers it: the cohorts Anna attended a held session of.
    const mine = (await anna.get("/api/me/certificates")).body as MyCertificatesView;
    expect(mine.cohorts).toEqual([{ id: known.cohort.toString(), name: "Edycja próbna 2020 — Łódzkie" }]);
    const marek = await signedInAgent(server.url, DEMO.memberB);
    expect(((await marek.get("/api/me/certificates")).body as MyCertificatesView).cohorts).toEqual([]);
  });
});

describe("the programme's report", () => {
  const expectedGroupOne = {
    jsts: 2,
    participants: 3,
    personDays: 5,
    sessionsHeld: 2,
    registeredPersonDays: 5,
    attendedRegisteredPersonDays: 3,
    practicesPublished: 1,
    analysesPublished: null,
  };
  const expectedGroupTwo = {
    jsts: 1,
    participants: 1,
    personDays: 2,
    sessionsHeld: 1,
    registeredPersonDays: 2,
    attendedRegisteredPersonDays: 2,
    practicesPublished: 0,
    analysesPublished: null,
  };
  const expectedTotal = {
    jsts: 3,
    participants: 4,
    personDays: 7,
    sessionsHeld: 3,
    registeredPersonDays: 7,
    attendedRegisteredPersonDays: 5,
    practicesPublished: 1,
    analysesPublished: 1,
  };

  it("counts the known set per group and for the cohort", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const response = await moderator.get(`/api/cohorts/${known.cohort}/report`);
    expect(response.status).toBe(200);
    const report = response.body.report as CohortReport;
    expect(report.groups.map((row) => row.group?.name)).toEqual(["GWD Świętokrzyska", "GWD Żuławy"]);
    expect(report.groups[0]).toMatchObject(expectedGroupOne);
    expect(report.groups[1]).toMatchObject(expectedGroupTwo);
    expect(report.total).toMatchObject({ group: null, ...expectedTotal });
    expect(report.total.jstsByType).toEqual({ "gmina wiejska": 1, "miasto na prawach powiatu": 1, powiat: 1 });
    const voivodeships = report.total.jstsByVoivodeship;
    expect(Object.values(voivodeships).reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(Object.keys(voivodeships).sort()).toEqual([...new Set(known.jsts.map((jst) => jst.voivodeship))].sort());
    expect(report.notes).toContain("Analizy");
  });

  it("writes the same figures to an XLSX a spreadsheet reads back", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const response = await moderator.get(`/api/cohorts/${known.cohort}/report.xlsx`).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    // exceljs's types predate the generic Buffer.
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Sprawozdanie")!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain("Edycja próbna 2020 — Łódzkie");
    expect(values(2)[0]).toBe("Grupa");
    const numbers = (row: number) => [4, 5, 6, 7, 8, 9, 10].map((column) => values(row)[column]);
    expect(values(3)[0]).toBe("GWD Świętokrzyska");
    expect(numbers(3)).toEqual([3, 5, 2, 5, 3, 1, "—"]);
    expect(values(4)[0]).toBe("GWD Żuławy");
    expect(numbers(4)).toEqual([1, 2, 1, 2, 2, 0, "—"]);
    expect(values(5)[0]).toBe("Cała edycja");
    expect(values(5)[1]).toBe(3);
    expect(numbers(5)).toEqual([4, 7, 3, 7, 5, 1, 1]);
    expect(values(7)[0]).toBe("Uwagi");
  });

  it("writes the same figures to a CSV, formula-safe", async () => {
    await Group.updateOne({ _id: known.groupTwo }, { $set: { name: '=HYPERLINK("http://zly.example")' } });
    try {
      const moderator = await signedInAgent(server.url, DEMO.moderator);
      const response = await moderator.get(`/api/cohorts/${known.cohort}/report.csv`);
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toContain("text/csv");
      const rows = parse(response.text.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
      expect(rows[0]?.[0]).toBe("Grupa");
      const total = rows.find((row) => row[0] === "Cała edycja")!;
      expect(total.slice(4, 11)).toEqual(["4", "7", "3", "7", "5", "1", "1"]);
      expect(rows.some((row) => row[0] === '\'=HYPERLINK("http://zly.example")')).toBe(true);
      expect(rows.at(-1)?.[0]).toBe("Uwagi");
    } finally {
      await Group.updateOne({ _id: known.groupTwo }, { $set: { name: "GWD Żuławy" } });
    }
  });

  it("is for ZMP only: members and experts do not see it, visitors sign in", async () => {
    for (const email of [DEMO.memberA, DEMO.expert]) {
      const agent = await signedInAgent(server.url, email);
      expect((await agent.get(`/api/cohorts/${known.cohort}/report`)).status).toBe(404);
      expect((await agent.get(`/api/cohorts/${known.cohort}/report.xlsx`)).status).toBe(404);
    }
    expect((await (await csrfAgent(server.url)).get(`/api/cohorts/${known.cohort}/report.csv`)).status).toBe(401);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    expect((await moderator.get(`/api/cohorts/${new mongoose.Types.ObjectId()}/report`)).status).toBe(404);
  });
});
