import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessibleAtBothWidths, launchBrowser, newContext, waitForAnnouncement } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { plannedMeetingOf } from "../support/rooms.js";
import { planSessionFrom } from "../support/sessionPlan.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * Issue 18, a room per day: the moderator opens day 1 of a session planned for tomorrow (warned, confirms), closes
 * it for the night (the room pauses), opens day 2 the next (simulated) day, ends the session through its dialog,
 * and the archive thread shows both days.
 */

const JOURNEY_TIMEOUT = 300_000;
const LIVE = { timeout: 15_000 };
const DAY_MS = 86_400_000;
let server: TestServer;
let browser: Browser;
let meetingId = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "meetingdaysbrowser" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await planSessionFrom(meetingId, 1);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function personPage(email: string): Promise<Page> {
  const context = await newContext(browser, "desktop");
  contexts.push(context);
  await signInByApi(context, server.url, email);
  return context.newPage();
}

async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel("Twoja wiadomość");
  await composer.fill(text);
  await page.keyboard.press("Enter");
  await page.getByRole("log").getByText(text).waitFor(LIVE);
}

const tomorrowInWords = () =>
  new Intl.DateTimeFormat("pl-PL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Warsaw",
  }).format(new Date(Date.now() + DAY_MS));

it(
  "a moderator runs a two-day session day by day, and the archive thread shows both days",
  async () => {
    const moderator = await personPage(DEMO.moderator);
    const anna = await personPage(DEMO.memberA);
    const days = moderator.getByRole("region", { name: "Dni spotkania" });

    // Day 1 is planned for tomorrow: the moderator is warned, with the date, and confirms.
    await moderator.goto(`${server.url}/spotkania/${meetingId}`);
    await days.getByText("Pokój jeszcze nie jest otwarty.").waitFor(LIVE);
    await days.getByRole("button", { name: "Otwórz dzień 1" }).click();
    const early = moderator.getByRole("dialog", { name: "Otworzyć dzień 1 poza terminem?" });
    await early.waitFor(LIVE);
    await early.getByText(tomorrowInWords()).waitFor(LIVE);
    await early.getByRole("button", { name: "Tak, otwórz dzień 1" }).click();
    await days.getByText("Trwa dzień 1.").waitFor(LIVE);
    await waitForAnnouncement(moderator, "Dzień 1 otwarty.");

    await anna.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
    await anna.getByRole("log", { name: "Wiadomości czatu" }).waitFor(LIVE);
    await say(anna, "Dzień dobry w pierwszym dniu.");
    await expectAccessibleAtBothWidths(anna, "meeting-days-running-room");
    await anna.setViewportSize({ width: 1280, height: 800 });

    // The night: day 1 closes, the room pauses for everyone in it.
    await days.getByRole("button", { name: "Zamknij dzień 1" }).click();
    await days.getByText("Dzień 1 zakończony — pokój wznowi się w dniu 2.").waitFor(LIVE);
    await waitForAnnouncement(anna, "Dzień 1 zakończony — pokój wznowi się w dniu 2");
    await anna.getByText("Czat, pytania i głosowania są teraz tylko do odczytu").waitFor(LIVE);
    await anna.getByText("Pokój jest wstrzymany do następnego dnia: teraz nie można pisać.").waitFor(LIVE);
    await expectAccessibleAtBothWidths(anna, "meeting-days-paused-room");
    await expectAccessibleAtBothWidths(moderator, "meeting-days-paused-meeting");
    await moderator.setViewportSize({ width: 1280, height: 800 });

    // The next day (the session's dates moved one day back): day 2 opens without a warning.
    await planSessionFrom(meetingId, -1);
    await moderator.reload();
    await days.getByRole("button", { name: "Otwórz dzień 2" }).click();
    await days.getByText("Trwa dzień 2.").waitFor(LIVE);
    await expect(moderator.getByRole("dialog", { name: "Otworzyć dzień 2 poza terminem?" }).isVisible()).resolves.toBe(
      false,
    );
    await waitForAnnouncement(anna, "Dzień 2 otwarty");
    await say(anna, "Witamy w drugim dniu.");

    // The end, behind a dialog that says what will happen.
    await days.getByRole("button", { name: "Zakończ spotkanie" }).click();
    const ending = moderator.getByRole("dialog", { name: "Zakończyć spotkanie?" });
    await ending.getByText("wątku archiwum").waitFor(LIVE);
    await ending.getByRole("button", { name: "Tak, zakończ spotkanie" }).click();
    await moderator.getByRole("link", { name: "Otwórz wątek z archiwum spotkania" }).click();
    await moderator.getByRole("heading", { name: "Dzień 1", exact: true }).waitFor(LIVE);
    await moderator.getByRole("heading", { name: "Dzień 2", exact: true }).waitFor(LIVE);
    await moderator.getByText("Dzień dobry w pierwszym dniu.").waitFor(LIVE);
    await moderator.getByText("Witamy w drugim dniu.").waitFor(LIVE);
  },
  JOURNEY_TIMEOUT,
);
