import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Attendance } from "../../server/src/models/Attendance.js";
import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { User } from "../../server/src/models/User.js";
import { AxeBuilder } from "@axe-core/playwright";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
  type VIEWPORTS,
} from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { openRoom, plannedMeetingOf } from "../support/rooms.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * The room's record in the browser: the attendance list of a held meeting (table per day, print,
 * CSV), and in a live room the agenda item and the minutes moving for everyone at once.
 */

const PAGE_TIMEOUT = 90_000;
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
let server: TestServer;
let browser: Browser;
let heldMeetingId = "";

/** 10 and 11 March 2026 in Polish winter time (UTC+1). */
const warsaw = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 2, day, hour - 1, minute));

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "roomrecord-browser" });
  const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
  const held = await Meeting.findOne({ groupId: group?._id, status: "closed" }).sort({ number: 1 }).lean();
  heldMeetingId = held!._id.toString();
  const anna = await User.findOne({ email: DEMO.memberA }).lean();
  const piotr = await User.findOne({ email: PIOTR }).lean();
  const stay = (user: typeof anna, tab: string, from: Date, to: Date) => ({
    meetingId: held!._id,
    userId: user!._id,
    jstId: user!.jstId,
    connectionId: tab,
    joinedAt: from,
    leftAt: to,
    seenAt: to,
  });
  await Attendance.create([
    stay(anna, "a1", warsaw(10, 9), warsaw(10, 12, 30)),
    stay(anna, "a2", warsaw(11, 9), warsaw(11, 11)),
    stay(piotr, "p1", warsaw(10, 9, 15), warsaw(10, 15)),
  ]);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage<T>(viewport: keyof typeof VIEWPORTS, email: string, run: (page: Page) => Promise<T>) {
  const context: BrowserContext = await newContext(browser, viewport);
  try {
    await signInByApi(context, server.url, email);
    // Printing is counted instead of opening the system dialog.
    await context.addInitScript(() => {
      (window as { __printed?: number }).__printed = 0;
      window.print = () => {
        (window as { __printed?: number }).__printed = ((window as { __printed?: number }).__printed ?? 0) + 1;
      };
    });
    const page = await context.newPage();
    return await run(page);
  } finally {
    await context.close();
  }
}

describe("the attendance list", () => {
  it.each(["desktop", "phone"] as const)(
    "shows a moderator each day's people with JST and times, prints and links the CSV (%s)",
    async (viewport) => {
      await withPage(viewport, DEMO.moderator, async (page) => {
        await page.goto(`${server.url}/spotkania/${heldMeetingId}/obecnosc`);
        await page.getByRole("heading", { level: 1, name: "Lista obecności" }).waitFor();
        const dayOne = page.getByRole("region", { name: /^Dzień 1 — wtorek, 10 marca 2026/ });
        await dayOne.waitFor();
        const annaRow = dayOne.getByRole("row", { name: /Anna Kowalska/ });
        await expect(annaRow.innerText()).resolves.toMatch(/09:00[\s\S]*12:30[\s\S]*210/);
        const piotrRow = dayOne.getByRole("row", { name: /Piotr Mazur/ });
        await expect(piotrRow.innerText()).resolves.toMatch(/09:15[\s\S]*15:00[\s\S]*345/);
        const whole = page.getByRole("region", { name: "Całe spotkanie" });
        await expect(whole.getByRole("row", { name: /Anna Kowalska/ }).innerText()).resolves.toMatch(/330/);
        await page.getByText(/^Obecne były 2 osoby z \d+ JST; 3 osobodni\.$/).waitFor();

        const csv = page.getByRole("link", { name: "Pobierz CSV (Excel)" });
        expect(await csv.getAttribute("href")).toBe(`/api/meetings/${heldMeetingId}/attendance.csv`);
        await page.getByRole("button", { name: "Drukuj" }).click();
        expect(await page.evaluate(() => (window as { __printed?: number }).__printed)).toBe(1);

        await expectNoAxeViolations(page);
        await saveScreenshot(page, `room-record-attendance-${viewport}`);
        if (viewport === "desktop") {
          // On paper: the list alone, without the site's header and the buttons.
          await page.emulateMedia({ media: "print" });
          expect(await page.locator(".site-header").isVisible()).toBe(false);
          expect(await page.getByRole("button", { name: "Drukuj" }).isVisible()).toBe(false);
          expect(await annaRow.isVisible()).toBe(true);
          await saveScreenshot(page, "room-record-attendance-print");
        }
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    "feeds the moderator dashboard's attendance figure",
    async () => {
      await withPage("desktop", DEMO.moderator, async (page) => {
        await page.goto(`${server.url}/moderacja`);
        const figure = page.locator(".figure", { hasText: "Frekwencja na spotkaniach" });
        await figure.waitFor();
        expect(await figure.locator(".number").innerText()).toMatch(/^2 \/ \d+$/);
        expect(await figure.locator(".hint").innerText()).toBe(
          "osoby obecne na 1 spotkaniu (z 2 JST łącznie, 3 osobodni)",
        );
        await saveScreenshot(page, "room-record-dashboard-desktop");
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    "is not shown to a member",
    async () => {
      await withPage("desktop", DEMO.memberA, async (page) => {
        await page.goto(`${server.url}/spotkania/${heldMeetingId}/obecnosc`);
        await page.getByRole("heading", { level: 1, name: "Brak dostępu" }).waitFor();
        expect(await page.getByText("Piotr Mazur").count()).toBe(0);
      });
    },
    PAGE_TIMEOUT,
  );
});

/** How long a live change may take to reach the other browser. */
const LIVE = { timeout: 10_000 };

/** WCAG 2.1 A/AA violations in the agenda and minutes panels (the rest of the room is the room page's test's). */
async function expectPanelsAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .include("#room-agenda")
    .include("#room-minutes")
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target)}`)).toEqual([]);
}

describe("the agenda and the minutes in a live room", () => {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  async function inRoom(email: string, meetingId: string, viewport: keyof typeof VIEWPORTS): Promise<Page> {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await signInByApi(context, server.url, email);
    const page = await context.newPage();
    await page.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
    await page.locator("#room-agenda").waitFor({ state: "attached" });
    return page;
  }

  it(
    "move for everyone: the moderator sets the current item and writes the minutes, a member sees both live",
    async () => {
      const meetingId = await plannedMeetingOf("gwd-malopolska", 0);
      await openRoom(server.url, meetingId);
      const meeting = await Meeting.findById(meetingId).lean();
      const second =
        meeting!.agenda.find((item) => item.day === 1 && item !== meeting!.agenda[0]) ?? meeting!.agenda[1];
      expect(second).toBeDefined();
      const moderator = await inRoom(DEMO.moderator, meetingId, "desktop");
      const anna = await inRoom(DEMO.memberA, meetingId, "desktop");

      // The current item: set from the keyboard, highlighted and announced for the member.
      const set = moderator
        .locator("#room-agenda li", { hasText: second!.title })
        .getByRole("button", { name: /^Ustaw jako bieżący/ });
      await set.focus();
      await moderator.keyboard.press("Enter");
      await waitForAnnouncement(anna, `Bieżący punkt programu: ${second!.title}`, LIVE.timeout);
      const current = anna.locator('#room-agenda li[aria-current="step"]');
      expect(await current.innerText()).toContain(second!.title);
      expect(await current.innerText()).toContain("Teraz");
      expect(await anna.locator("#room-agenda").getByRole("button").count()).toBe(0);
      await anna.locator("#room-agenda").getByRole("timer").waitFor();

      // The minutes: typed by the moderator, saved after a pause, rendered for the member.
      const editor = moderator.getByLabel("Treść protokołu (markdown)");
      await editor.focus();
      await moderator.keyboard.type("## Ustalenia\n\nKolejne spotkanie w **marcu**.");
      await moderator
        .locator("#room-minutes")
        .getByText(/^Zapisano/)
        .waitFor(LIVE);
      await moderator.locator("#room-minutes-preview").getByRole("heading", { name: "Ustalenia" }).waitFor();
      const minutes = anna.locator("#room-minutes");
      await minutes.getByRole("heading", { name: "Ustalenia" }).waitFor(LIVE);
      expect(await minutes.locator("strong").innerText()).toBe("marcu");
      await waitForAnnouncement(anna, "Protokół zaktualizowany", LIVE.timeout);
      expect(await minutes.getByLabel("Treść protokołu (markdown)").count()).toBe(0);

      // The moderator names Anna the note-taker: the editor appears on her page.
      await moderator.getByLabel("Protokolant").selectOption({ label: "Anna Kowalska (Wieliczka)" });
      await moderator.locator("#room-minutes").getByRole("button", { name: "Wyznacz" }).click();
      await waitForAnnouncement(anna, "Moderator wyznaczył Cię na protokolanta", LIVE.timeout);
      const annaEditor = minutes.getByLabel("Treść protokołu (markdown)");
      await annaEditor.waitFor(LIVE);
      expect(await annaEditor.inputValue()).toBe("## Ustalenia\n\nKolejne spotkanie w **marcu**.");

      // Someone saves while Anna is typing: her save is refused and she chooses which version to keep.
      await annaEditor.focus();
      await anna.keyboard.press("End");
      await anna.keyboard.type(" Dopisek Anny.");
      const version = (await Meeting.findById(meetingId).lean())?.minutes?.version ?? 0;
      const admin = await signedInAgent(server.url, DEMO.admin);
      const other = await admin
        .put(`/api/meetings/${meetingId}/minutes`)
        .send({ markdown: "Wersja administratora.", baseVersion: version });
      expect(other.status).toBe(200);
      const conflict = minutes.getByRole("alert");
      await conflict.getByText(/Ktoś inny zapisał protokół w międzyczasie/).waitFor(LIVE);
      await expectPanelsAccessible(anna);
      await saveScreenshot(anna, "room-record-minutes-conflict-desktop");
      await conflict.getByRole("button", { name: "Wczytaj nowszą wersję" }).click();
      expect(await annaEditor.inputValue()).toBe("Wersja administratora.");
      await moderator.locator("#room-minutes-preview").getByText("Wersja administratora.").waitFor(LIVE);

      await expectPanelsAccessible(moderator);
      await expectPanelsAccessible(anna);
      await saveScreenshot(moderator, "room-record-panels-moderator-desktop");
      await saveScreenshot(anna, "room-record-panels-member-desktop");
    },
    PAGE_TIMEOUT,
  );

  it(
    "fit a phone: the agenda and minutes tabs of a member at 360 px",
    async () => {
      const meetingId = await plannedMeetingOf("gwd-malopolska", 0);
      await openRoom(server.url, meetingId);
      const anna = await inRoom(DEMO.memberA, meetingId, "phone");
      await anna.getByRole("tab", { name: "Program" }).click();
      await anna.locator("#room-agenda").getByRole("timer").waitFor();
      expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectPanelsAccessible(anna);
      await saveScreenshot(anna, "room-record-agenda-phone");
      await anna.getByRole("tab", { name: "Protokół" }).click();
      await anna.locator("#room-minutes").getByText("Protokół nie został jeszcze rozpoczęty.").waitFor();
      await saveScreenshot(anna, "room-record-minutes-phone");
    },
    PAGE_TIMEOUT,
  );
});
