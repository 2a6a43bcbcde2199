import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expectAccessibleAtBothWidths, launchBrowser, newContext } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { pdfText } from "../support/documents.js";
import { DEMO } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { Attendance } from "../../server/src/models/Attendance.js";
import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { User } from "../../server/src/models/User.js";

/**
 * A participant downloads the certificate of a session they attended from its page, and anyone checks
 * its code on the public page; ZMP reads the programme's report on screen.
 */

const TIMEOUT = 300_000;
let server: TestServer;
let browser: Browser;
const ids = { meeting: "", cohort: "" };

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "certificates-browser" });
  browser = await launchBrowser();
  const group = (await Group.findOne({ slug: "gwd-malopolska" }).lean())!;
  const held = (await Meeting.findOne({ groupId: group._id, status: "closed" }).sort({ number: 1 }).lean())!;
  const anna = (await User.findOne({ email: DEMO.memberA }).lean())!;
  ids.meeting = held._id.toString();
  ids.cohort = group.cohortId!.toString();
  // Anna was in the room on both days of the first held session.
  for (const day of [1, 2] as const) {
    const joinedAt = new Date(held.startsAt.getTime() + (day - 1) * 86_400_000);
    await Attendance.create({
      meetingId: held._id,
      userId: anna._id,
      jstId: anna.jstId,
      day,
      connectionId: `certyfikat-${day}`,
      joinedAt,
      leftAt: new Date(joinedAt.getTime() + 3_600_000),
      seenAt: joinedAt,
    });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pageFor(email: string | null): Promise<Page> {
  const context = await newContext(browser, "desktop");
  if (email) await signInByApi(context, server.url, email);
  return context.newPage();
}

it(
  "a participant downloads the certificate from the meeting page and its code verifies on the public page",
  async () => {
    const anna = await pageFor(DEMO.memberA);
    await anna.goto(`${server.url}/spotkania/${ids.meeting}`);
    const link = anna.getByRole("link", { name: "Pobierz zaświadczenie" });
    await link.waitFor();
    expect(await anna.getByRole("link", { name: "Lista obecności (PDF)" }).count()).toBe(0);
    await anna.getByRole("link", { name: "Zaświadczenie za cały program (PDF)" }).waitFor();
    await expectAccessibleAtBothWidths(anna, "meeting-documents");
    const [download] = await Promise.all([anna.waitForEvent("download"), link.click()]);
    const text = (await pdfText(await readFile((await download.path())!))).join("\n");
    expect(text).toContain("Zaświadczenie o udziale");
    expect(text).toContain("Anna Kowalska");
    const code = /Kod weryfikacyjny: ([A-Z0-9]{10})/.exec(text)?.[1] ?? "";
    expect(code).toHaveLength(10);

    const visitor = await pageFor(null);
    await visitor.goto(`${server.url}/zaswiadczenia`);
    await visitor.getByRole("heading", { level: 1, name: "Weryfikacja zaświadczenia" }).waitFor();
    await expectAccessibleAtBothWidths(visitor, "certificate-form");
    // A typo is explained in the field, and the code is forgiven its lower case and spaces.
    await visitor.getByLabel("Kod weryfikacyjny").fill("abc");
    await visitor.getByRole("button", { name: "Sprawdź" }).click();
    await visitor.getByText("Kod ma 10 znaków").waitFor();
    await visitor.getByLabel("Kod weryfikacyjny").fill(` ${code.slice(0, 5).toLowerCase()} ${code.slice(5)} `);
    await visitor.getByRole("button", { name: "Sprawdź" }).click();
    await visitor.getByRole("heading", { name: "Zaświadczenie jest prawdziwe" }).waitFor();
    const verified = (await visitor.locator("main").textContent()) ?? "";
    expect(verified).toContain("Anna Kowalska");
    expect(verified).not.toContain("@");
    await expectAccessibleAtBothWidths(visitor, "certificate-verified");

    await visitor.goto(`${server.url}/zaswiadczenia/ZZZZZZZZZZ`);
    await visitor.getByRole("heading", { name: "Nie znaleziono zaświadczenia" }).waitFor();
    await expectAccessibleAtBothWidths(visitor, "certificate-unknown");

    // The moderator did not attend: the sheet is theirs, a certificate is not.
    const moderator = await pageFor(DEMO.moderator);
    await moderator.goto(`${server.url}/spotkania/${ids.meeting}`);
    await moderator.getByRole("link", { name: "Lista obecności (PDF)" }).waitFor();
    expect(await moderator.getByRole("link", { name: "Pobierz zaświadczenie" }).count()).toBe(0);
  },
  TIMEOUT,
);

it(
  "ZMP reads the programme's report on screen, with its downloads",
  async () => {
    const moderator = await pageFor(DEMO.moderator);
    await moderator.goto(`${server.url}/moderacja/programy`);
    await moderator
      .getByRole("link", { name: /^Sprawozdanie/ })
      .first()
      .click();
    await moderator.getByRole("heading", { level: 1, name: /^Sprawozdanie:/ }).waitFor();
    await moderator.goto(`${server.url}/moderacja/programy/sprawozdanie/${ids.cohort}`);
    const figures = moderator.getByRole("table", { name: "Wskaźniki programu według grup" });
    const total = figures.getByRole("row", { name: /Cała edycja/ });
    await total.waitFor();
    const cells = await total.getByRole("cell").allTextContents();
    // Participants, person-days, sessions held: Anna on both days of one held session.
    expect(cells.slice(0, 3).map((cell) => cell.trim())).toEqual(["1", "2", expect.stringMatching(/^\d+$/)]);
    const jsts = moderator.getByRole("table", { name: "Jednostki samorządu terytorialnego w grupach" });
    expect(
      await jsts
        .getByRole("row", { name: /Cała edycja/ })
        .getByRole("cell")
        .first()
        .textContent(),
    ).toMatch(/^\d+$/);
    await moderator.getByRole("link", { name: "Sprawozdanie (XLSX)" }).waitFor();
    await moderator.getByRole("link", { name: "Sprawozdanie (CSV)" }).waitFor();
    await expectAccessibleAtBothWidths(moderator, "cohort-report");
  },
  TIMEOUT,
);
