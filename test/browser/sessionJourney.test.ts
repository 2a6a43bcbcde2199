import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, waitForAnnouncement } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { pdfText } from "../support/documents.js";
import { DEMO } from "../support/http.js";
import { plannedMeetingOf } from "../support/rooms.js";
import type { SIGN_UP_MODE_LABEL } from "../support/sessionPlan.js";
import { answerBothDays, planSessionFrom } from "../support/sessionPlan.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * Issue 18 from end to end, as one session runs: three members answer the sign-up (on site, online, not
 * coming); the moderator is warned when opening day 1 early, runs it, closes it for the night, opens day 2 the
 * next (simulated) day and ends the session; the archive thread has both days; the attendance sheet lists the
 * right people per day; a participant's certificate verifies on the public page; whoever did not come gets none.
 */

const JOURNEY_TIMEOUT = 420_000;
const LIVE = { timeout: 15_000 };
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";
let server: TestServer;
let browser: Browser;
let meetingId = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "sessionjourney" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await planSessionFrom(meetingId, 1);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function personPage(email: string | null): Promise<Page> {
  const context = await newContext(browser, "desktop");
  contexts.push(context);
  if (email) await signInByApi(context, server.url, email);
  return context.newPage();
}

/** A member answers both days the same way on the session's page. */
async function signUp(page: Page, mode: keyof typeof SIGN_UP_MODE_LABEL): Promise<void> {
  await page.goto(`${server.url}/spotkania/${meetingId}`);
  await page.getByRole("heading", { name: "Zapisy na spotkanie" }).waitFor(LIVE);
  await answerBothDays(page, mode);
}

async function enterRoom(page: Page): Promise<void> {
  await page.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
  await page.getByRole("log", { name: "Wiadomości czatu" }).waitFor(LIVE);
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByLabel("Twoja wiadomość").fill(text);
  await page.keyboard.press("Enter");
  await page.getByRole("log").getByText(text).waitFor(LIVE);
}

/** Clicks a link that downloads a PDF and returns the PDF's text. */
async function downloadedPdfText(page: Page, linkName: string): Promise<string> {
  const link = page.getByRole("link", { name: linkName });
  await link.waitFor(LIVE);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = await download.path();
  if (!file) throw new Error(`no file behind "${linkName}"`);
  return (await pdfText(await readFile(file))).join("\n");
}

it(
  "a two-day session from the sign-up to the verified certificate",
  async () => {
    const moderator = await personPage(DEMO.moderator);
    const anna = await personPage(DEMO.memberA);
    const piotr = await personPage(PIOTR);
    const magdalena = await personPage(MAGDALENA);

    // The sign-up: on site, online, not coming.
    await signUp(anna, "onsite");
    await signUp(piotr, "online");
    await signUp(magdalena, "absent");

    // Day 1 is planned for tomorrow: the moderator is warned and confirms.
    const days = moderator.getByRole("region", { name: "Dni spotkania" });
    await moderator.goto(`${server.url}/spotkania/${meetingId}`);
    await days.getByRole("button", { name: "Otwórz dzień 1" }).click();
    await moderator.getByRole("dialog", { name: "Otworzyć dzień 1 poza terminem?" }).waitFor(LIVE);
    await moderator.getByRole("button", { name: "Tak, otwórz dzień 1" }).click();
    await days.getByText("Trwa dzień 1.").waitFor(LIVE);
    await enterRoom(anna);
    await say(anna, "Dzień dobry, pierwszy dzień.");

    // The night, then the next (simulated) day: day 2 opens on its date, with no warning.
    await days.getByRole("button", { name: "Zamknij dzień 1" }).click();
    await days.getByText("Dzień 1 zakończony — pokój wznowi się w dniu 2.").waitFor(LIVE);
    await planSessionFrom(meetingId, -1);
    await moderator.reload();
    await days.getByRole("button", { name: "Otwórz dzień 2" }).click();
    await days.getByText("Trwa dzień 2.").waitFor(LIVE);
    expect(await moderator.getByRole("dialog", { name: "Otworzyć dzień 2 poza terminem?" }).isVisible()).toBe(false);
    await waitForAnnouncement(anna, "Dzień 2 otwarty");
    await enterRoom(piotr);
    await say(piotr, "Dzień dobry, drugi dzień, łączę się zdalnie.");

    // The end, behind its dialog; the archive has both days.
    await days.getByRole("button", { name: "Zakończ spotkanie" }).click();
    await moderator.getByRole("button", { name: "Tak, zakończ spotkanie" }).click();
    await moderator.getByRole("link", { name: "Otwórz wątek z archiwum spotkania" }).click();
    await moderator.getByRole("heading", { name: "Dzień 1", exact: true }).waitFor(LIVE);
    await moderator.getByRole("heading", { name: "Dzień 2", exact: true }).waitFor(LIVE);
    await moderator.getByText("Dzień dobry, pierwszy dzień.").waitFor(LIVE);
    await moderator.getByText("Dzień dobry, drugi dzień, łączę się zdalnie.").waitFor(LIVE);

    // The attendance sheet: both who signed up for each day, not who said they would not come.
    await moderator.goto(`${server.url}/spotkania/${meetingId}`);
    const sheet = await downloadedPdfText(moderator, "Lista obecności (PDF)");
    const [dayOne = "", dayTwo = ""] = sheet.split(/Dzień 2:/);
    for (const list of [dayOne, dayTwo]) {
      expect(list).toContain("Anna Kowalska");
      expect(list).toContain("Piotr Mazur");
      expect(list).not.toContain("Magdalena Wójcik");
    }
    expect(sheet).toContain("Podpis");

    // Anna's certificate, and its code verified by anyone on the public page.
    await anna.goto(`${server.url}/spotkania/${meetingId}`);
    const certificate = await downloadedPdfText(anna, "Pobierz zaświadczenie");
    expect(certificate).toContain("Zaświadczenie o udziale");
    expect(certificate).toContain("Anna Kowalska");
    const code = /Kod weryfikacyjny: ([A-Z0-9]{10})/.exec(certificate)?.[1] ?? "";
    expect(code).toHaveLength(10);
    const visitor = await personPage(null);
    await visitor.goto(`${server.url}/zaswiadczenia/${code}`);
    await visitor.getByRole("heading", { name: "Zaświadczenie jest prawdziwe" }).waitFor(LIVE);
    expect(await visitor.locator("main").textContent()).toContain("Anna Kowalska");

    // Magdalena did not come: no certificate, neither on the page nor by address.
    await magdalena.goto(`${server.url}/spotkania/${meetingId}`);
    await magdalena.getByRole("heading", { name: "Zapisy na spotkanie" }).waitFor(LIVE);
    expect(await magdalena.getByRole("link", { name: "Pobierz zaświadczenie" }).count()).toBe(0);
    const refused = await magdalena.request.get(`${server.url}/api/meetings/${meetingId}/certificate.pdf`);
    expect(refused.status()).toBe(409);
  },
  JOURNEY_TIMEOUT,
);
