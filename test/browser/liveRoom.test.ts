import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { User } from "../../server/src/models/User.js";
import { joinRoom, plannedMeetingOf, sendChat } from "../support/rooms.js";
import { connectAs } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 120_000;
/** How long a live change may take to show in the other browser. */
const LIVE = { timeout: 10_000 };

let server: TestServer;
let browser: Browser;
let meetingId = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "liveroom" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function roomPage(email: string, viewport: "desktop" | "phone"): Promise<Page> {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  await signInByApi(context, server.url, email);
  const page = await context.newPage();
  await page.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
  return page;
}

const chatLog = (page: Page) => page.getByRole("log", { name: "Wiadomości czatu" });
const participants = (page: Page) => page.getByRole("list", { name: "Osoby w pokoju" });

async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel("Twoja wiadomość");
  await composer.focus();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(composer.inputValue()).resolves.toBe("");
}

it(
  "a moderator opens the room; two people chat both ways, see each other, raise a hand; pin, remove and mute work live",
  async () => {
    const katarzyna = await roomPage(DEMO.moderator, "desktop");
    await katarzyna.getByText("Pokój tego spotkania nie jest jeszcze otwarty.").waitFor(LIVE);
    // The seeded session is weeks ahead: opening its first day now asks first.
    await katarzyna.getByRole("button", { name: "Otwórz dzień 1" }).click();
    await katarzyna.getByRole("button", { name: "Tak, otwórz dzień 1" }).click();
    await chatLog(katarzyna).waitFor(LIVE);

    const anna = await roomPage(DEMO.memberA, "desktop");
    await chatLog(anna).waitFor(LIVE);
    await participants(katarzyna).getByText("Anna Kowalska").waitFor(LIVE);
    await expect(participants(katarzyna).locator("li", { hasText: "Anna Kowalska" }).innerText()).resolves.toMatch(
      /uczestnik, Gmina|uczestnik, \S/,
    );

    await say(anna, "Dzień dobry, czy slajdy będą udostępnione?");
    await chatLog(katarzyna).getByText("Dzień dobry, czy slajdy będą udostępnione?").waitFor(LIVE);
    await say(katarzyna, "Tak, po spotkaniu w archiwum.");
    await chatLog(anna).getByText("Tak, po spotkaniu w archiwum.").waitFor(LIVE);

    await anna.getByRole("button", { name: "Podnieś rękę" }).click();
    await anna.getByRole("button", { name: "Opuść rękę" }).waitFor(LIVE);
    await participants(katarzyna)
      .locator("li", { hasText: "Anna Kowalska" })
      .getByText("podniesiona ręka")
      .waitFor(LIVE);

    await katarzyna
      .getByRole("button", { name: /^Przypnij wiadomość \d+ od Anna Kowalska$/ })
      .first()
      .click();
    await anna.getByRole("complementary", { name: "Przypięta wiadomość" }).getByText("czy slajdy").waitFor(LIVE);

    await say(anna, "Ta wiadomość zaraz zniknie");
    await katarzyna.getByText("Ta wiadomość zaraz zniknie").waitFor(LIVE);
    await katarzyna
      .getByRole("button", { name: /^Usuń wiadomość \d+ od Anna Kowalska$/ })
      .last()
      .click();
    await chatLog(anna).getByText("Wiadomość usunięta przez moderatora.").waitFor(LIVE);
    await expect(chatLog(anna).getByText("Ta wiadomość zaraz zniknie").count()).resolves.toBe(0);

    await saveScreenshot(katarzyna, "live-room-moderator-desktop");
    await expectNoAxeViolations(katarzyna);
    await expectNoAxeViolations(anna);

    await katarzyna.getByRole("button", { name: "Wycisz: Anna Kowalska" }).click();
    await anna.getByText("Moderator wyciszył Cię w tym pokoju: możesz słuchać, ale nie pisać.").first().waitFor(LIVE);
    await expect(anna.getByLabel("Twoja wiadomość").isDisabled()).resolves.toBe(true);
    await saveScreenshot(anna, "live-room-muted-desktop");
    await katarzyna.getByRole("button", { name: "Przywróć głos: Anna Kowalska" }).click();
    await anna.waitForFunction(
      () => !(document.getElementById("room-composer") as HTMLTextAreaElement | null)?.disabled,
      undefined,
      LIVE,
    );
    await say(anna, "Dziękuję, już mogę pisać.");
    await chatLog(katarzyna).getByText("Dziękuję, już mogę pisać.").waitFor(LIVE);
  },
  JOURNEY_TIMEOUT,
);

it(
  "on a phone the room's parts are tabs, usable with the keyboard, and axe-clean",
  async () => {
    const piotr = await roomPage("piotr.mazur@demo.forum-jst.pl", "phone");
    const tabs = piotr.getByRole("tablist", { name: "Części pokoju" });
    await tabs.waitFor(LIVE);
    const chatTab = piotr.getByRole("tab", { name: "Czat" });
    await expect(chatTab.getAttribute("aria-selected")).resolves.toBe("true");
    await chatLog(piotr).waitFor(LIVE);
    // On a 360 × 740 phone the message box is in the first screen, without scrolling.
    const box = await piotr.getByLabel("Twoja wiadomość").boundingBox();
    expect(box).not.toBeNull();
    // Whole, whatever the pinned message above the log takes.
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(740);
    await say(piotr, "Piszę z telefonu");
    await chatLog(piotr).getByText("Piszę z telefonu").waitFor(LIVE);
    await saveScreenshot(piotr, "live-room-chat-phone");
    await expectNoAxeViolations(piotr);

    await chatTab.focus();
    await piotr.keyboard.press("ArrowRight");
    const questionsTab = piotr.getByRole("tab", { name: "Pytania" });
    await expect(questionsTab.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(questionsTab.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(chatLog(piotr).isVisible()).resolves.toBe(false);
    await piotr.keyboard.press("End");
    await piotr.getByRole("tabpanel", { name: "Uczestnicy" }).getByText("Piotr Mazur").waitFor(LIVE);
    await saveScreenshot(piotr, "live-room-participants-phone");
    await expectNoAxeViolations(piotr);
  },
  JOURNEY_TIMEOUT,
);

it(
  "messages written before a crash are sent once after reloading, and what was being typed is still there",
  async () => {
    const email = "magdalena.wojcik@demo.forum-jst.pl";
    const userId = String((await User.findOne({ email }).lean())?._id);
    // One message reached the server but its acknowledgement did not reach the page; one never left it.
    const socket = await connectAs(server.url, email);
    expect((await joinRoom(socket, meetingId)).ok).toBe(true);
    expect((await sendChat(socket, meetingId, "Doszła, ale bez potwierdzenia", "outbox-stored-1")).ok).toBe(true);
    socket.disconnect();

    const context = await newContext(browser, "desktop");
    contexts.push(context);
    await signInByApi(context, server.url, email);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(
      ({ meetingId, userId }) => {
        localStorage.setItem(
          `forum.room.outbox.${meetingId}.${userId}`,
          JSON.stringify([
            { clientId: "outbox-stored-1", text: "Doszła, ale bez potwierdzenia", error: null, notBefore: null },
            { clientId: "outbox-new-2", text: "Napisana przed awarią", error: null, notBefore: null },
          ]),
        );
        localStorage.setItem(`forum.room.draft.${meetingId}.${userId}`, JSON.stringify("Niedokończona myśl"));
      },
      { meetingId, userId },
    );
    await page.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
    await chatLog(page).getByText("Napisana przed awarią").waitFor(LIVE);
    await expect(page.getByLabel("Twoja wiadomość").inputValue()).resolves.toBe("Niedokończona myśl");
    await page.waitForFunction(
      (key) => localStorage.getItem(key) === null,
      `forum.room.outbox.${meetingId}.${userId}`,
      LIVE,
    );
    await expect(chatLog(page).getByText("Doszła, ale bez potwierdzenia").count()).resolves.toBe(1);
    await expect(chatLog(page).getByText("wysyłanie…").count()).resolves.toBe(0);
    for (const clientId of ["outbox-stored-1", "outbox-new-2"]) {
      expect(await RoomMessage.countDocuments({ meetingId, clientId })).toBe(1);
    }

    await page.getByLabel("Twoja wiadomość").fill("");
    await page.getByLabel("Twoja wiadomość").pressSequentially("Zaczęte zdanie");
    await page.reload();
    await chatLog(page).waitFor(LIVE);
    await expect(page.getByLabel("Twoja wiadomość").inputValue()).resolves.toBe("Zaczęte zdanie");
  },
  JOURNEY_TIMEOUT,
);

it(
  "after the end, the room's address says the meeting is over",
  async () => {
    const held = await Meeting.findOne({
      groupId: (await Meeting.findById(meetingId).lean())?.groupId,
      status: "closed",
    }).lean();
    const context = await newContext(browser, "phone");
    contexts.push(context);
    await signInByApi(context, server.url, DEMO.memberA);
    const page = await context.newPage();
    await page.goto(`${server.url}/spotkania/${String(held?._id)}/pokoj`);
    await page.getByRole("heading", { name: "Spotkanie zakończone" }).waitFor(LIVE);
    await expect(page.getByLabel("Twoja wiadomość").count()).resolves.toBe(0);
    await saveScreenshot(page, "live-room-ended-phone");
    await expectNoAxeViolations(page);
  },
  JOURNEY_TIMEOUT,
);
