import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import type { GroupMeetingsView } from "@forum/shared";
import {
  expectAccessibleAtBothWidths,
  launchBrowser,
  newContext,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 180_000;
const TITLE = "Sesja 9: wnioski z całego cyklu";

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "meetings-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A Polish calendar day `days` from now, "YYYY-MM-DD". */
const dayFromNow = (days: number): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(new Date(Date.now() + days * 86_400_000));

it(
  "a moderator schedules a session with an agenda item and a material; a member finds it on the group page, in the calendar and on its page, and downloads the material",
  async () => {
    const firstDay = dayFromNow(20);
    const secondDay = dayFromNow(21);
    const moderatorContext = await newContext(browser, "desktop");
    const memberContext = await newContext(browser, "desktop");
    try {
      await signInByApi(moderatorContext, server.url, DEMO.moderator);
      // The demo group has all nine sessions: free number 9 for this one.
      const listed = (await (
        await moderatorContext.request.get(`${server.url}/api/groups/gwd-malopolska/meetings`)
      ).json()) as GroupMeetingsView;
      const nine = [...listed.upcoming, ...listed.past].find((meeting) => meeting.number === 9);
      const removed = await moderatorContext.request.delete(`${server.url}/api/meetings/${nine?.id}`, {
        headers: { "x-csrf-token": await csrfTokenOf(moderatorContext, server.url) },
      });
      expect(removed.status()).toBe(204);

      const page = await moderatorContext.newPage();
      await page.goto(`${server.url}/grupy/gwd-malopolska`);
      await page.getByRole("heading", { name: "Spotkania grupy" }).waitFor();
      await page.getByRole("link", { name: "Zaplanuj spotkanie" }).click();
      await page.getByRole("heading", { level: 1, name: "Zaplanuj spotkanie" }).waitFor();
      expect(await page.getByLabel("Numer spotkania (1–9)").inputValue()).toBe("9");

      // A bad plan is refused in place, with a summary that takes focus.
      await page.getByLabel("Tytuł", { exact: true }).fill(TITLE);
      await page.getByRole("button", { name: "Zaplanuj spotkanie" }).click();
      await page.getByRole("heading", { name: "Popraw błędy w formularzu" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
      await expectAccessibleAtBothWidths(page, "meeting-new-errors");

      await page.getByLabel("Pierwszy dzień").fill(firstDay);
      await page.getByLabel("Drugi dzień").fill(secondDay);
      await page.getByLabel("Początek pierwszego dnia").fill("10:00");
      await page.getByLabel("Koniec drugiego dnia").fill("14:30");
      await page.getByLabel("Miejsce (adres)").fill("Kraków, Pałac Krzysztofory");
      await page.getByLabel("Link do spotkania online").focus();
      await page.keyboard.type("https://spotkania.example.pl/gwd-9");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Program spotkania" }).waitFor();
      await waitForAnnouncement(page, "Spotkanie zaplanowane. Teraz dodaj program.");

      // The agenda from the keyboard: add a point, type into it, add a second one and move it up.
      await page.getByRole("button", { name: "Dodaj punkt programu" }).focus();
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Dodano punkt 1.");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("agenda-0-title");
      await page.keyboard.type("Bilans cyklu w gminach");
      await page.locator("#agenda-0-startTime").fill("10:00");
      await page.locator("#agenda-0-endTime").fill("11:30");
      await page.locator("#agenda-0-speaker").fill("dr Ewa Zielińska");
      await page.locator("#agenda-0-file").setInputFiles({
        name: "Bilans cyklu.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await waitForAnnouncement(page, "Przesłano „Bilans cyklu.pdf”.");
      await page.getByRole("button", { name: "Dodaj punkt programu" }).focus();
      await page.keyboard.press("Enter");
      await page.keyboard.type("Powitanie");
      await page.locator("#agenda-1-startTime").fill("09:30");
      await page.locator("#agenda-1-endTime").fill("10:00");
      await page.getByRole("button", { name: "Przesuń punkt 2 w górę" }).focus();
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Punkt „Powitanie” jest teraz na miejscu 1.");
      expect(await page.locator("#agenda-0-title").inputValue()).toBe("Powitanie");
      await expectAccessibleAtBothWidths(page, "meeting-edit");
      // The expert the moderator lets into the room; then one Save for the plan, the programme and the invitations.
      await page.getByRole("checkbox", { name: /Ewa Zielińska/ }).focus();
      await page.keyboard.press("Space");
      expect(await page.getByRole("button", { name: /^Zapisz/ }).allTextContents()).toEqual(["Zapisz zmiany"]);
      // A point without a title stops the save at the programme: its errors show, nothing typed is lost.
      await page.locator("#agenda-1-title").fill("");
      await page.getByRole("button", { name: "Zapisz zmiany" }).click();
      await page.locator(".agenda-editor .error-summary").waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
      expect(await page.locator("#agenda-0-title").inputValue()).toBe("Powitanie");
      await page.locator("#agenda-1-title").fill("Bilans cyklu w gminach");
      await page.getByRole("button", { name: "Zapisz zmiany" }).click();
      await waitForAnnouncement(page, "Zapisano plan, program i zaproszenia.");
      const saved = await Meeting.findOne({
        groupId: (await Group.findOne({ slug: "gwd-malopolska" }).lean())?._id,
        number: 9,
      }).lean();
      expect(saved?.agenda.map((item) => item.title)).toEqual(["Powitanie", "Bilans cyklu w gminach"]);
      expect(saved?.room?.invitedExpertIds).toHaveLength(1);

      // The member of the group.
      await signInByApi(memberContext, server.url, DEMO.memberA);
      const member = await memberContext.newPage();
      await member.goto(`${server.url}/grupy/gwd-malopolska`);
      const upcoming = member.locator(".group-meetings");
      // The title's own "Sesja 9" is not said twice after "Spotkanie 9 z 9".
      const link = upcoming.getByRole("link", { name: "Spotkanie 9 z 9: wnioski z całego cyklu", exact: true });
      await link.waitFor();
      expect(await upcoming.getByRole("link", { name: "Zaplanuj spotkanie" }).count()).toBe(0);
      await expectAccessibleAtBothWidths(member, "group-meetings");

      await member.goto(`${server.url}/kalendarz?miesiac=${firstDay.slice(0, 7)}`);
      await member.getByRole("heading", { level: 1, name: "Kalendarz spotkań" }).waitFor();
      const cell = member.locator("td").filter({ has: member.getByRole("link", { name: /spotkanie 9, dzień 1/ }) });
      expect(await cell.locator(".day-number").textContent()).toBe(String(Number(firstDay.slice(8))));
      await expectAccessibleAtBothWidths(member, "calendar");
      // On a phone the month is a list.
      await member.setViewportSize(VIEWPORTS.phone);
      await member
        .locator(".list")
        .getByRole("link", { name: "Spotkanie 9 z 9: wnioski z całego cyklu", exact: true })
        .click();

      await member.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      await member.setViewportSize(VIEWPORTS.desktop);
      const day1 = member.getByRole("heading", { name: /^Dzień 1 — / });
      await day1.waitFor();
      const items = member.locator(".agenda-item");
      expect(await items.locator(".item-title").allTextContents()).toEqual(["Powitanie", "Bilans cyklu w gminach"]);
      await member.getByText("dr Ewa Zielińska").waitFor();
      await member.getByRole("link", { name: "https://spotkania.example.pl/gwd-9" }).waitFor();
      expect(await member.getByRole("link", { name: "Edytuj spotkanie" }).count()).toBe(0);
      await expectAccessibleAtBothWidths(member, "meeting-page");

      const [download] = await Promise.all([
        member.waitForEvent("download"),
        member.getByRole("link", { name: "Bilans cyklu.pdf" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("Bilans cyklu.pdf");
      expect(await download.failure()).toBeNull();

      // The iCal panel: the address appears once, with a copy button.
      await member.goto(`${server.url}/kalendarz`);
      await member.getByRole("button", { name: "Utwórz adres kalendarza" }).click();
      await waitForAnnouncement(member, "Adres kalendarza utworzony.");
      const feedUrl = await member.getByRole("textbox", { name: "Wszystkie moje spotkania" }).inputValue();
      const feed = await memberContext.request.get(feedUrl.replace(/^https?:\/\/[^/]+/, server.url));
      expect(feed.status()).toBe(200);
      // iCal folds long lines; unfolded, the session is there under its title.
      expect((await feed.text()).replace(/\r\n[ \t]/g, "")).toContain(TITLE);
      await expectAccessibleAtBothWidths(member, "calendar-feed");
    } finally {
      await moderatorContext.close();
      await memberContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);
