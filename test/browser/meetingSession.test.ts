import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, saveScreenshot, waitForAnnouncement } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { plannedMeetingOf } from "../support/rooms.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * Issue 6 done-when: a moderator and two members hold a session in the live room — open it, chat
 * both ways, ask and upvote a question, run a poll with live results, move the agenda, write the
 * minutes live, close it — then find the archive thread and the attendance CSV with the right
 * people and times.
 */

const SESSION_TIMEOUT = 240_000;
const LIVE = { timeout: 15_000 };
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
let server: TestServer;
let browser: Browser;
let meetingId = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "meetingsession" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
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

const enterRoom = async (page: Page) => {
  await page.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
  await page.getByRole("log", { name: "Wiadomości czatu" }).waitFor(LIVE);
};

async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel("Twoja wiadomość");
  await composer.fill(text);
  await page.keyboard.press("Enter");
  await expect(composer.inputValue()).resolves.toBe("");
}

/** "YYYY-MM-DD HH:MM" in Polish time, as the CSV writes it. */
const warsawMinute = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Warsaw",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);

it(
  "a moderator and two members hold a session from opening to the archive and the attendance list",
  async () => {
    const startedAt = new Date(Date.now() - 60_000);
    const moderator = await personPage(DEMO.moderator);
    const anna = await personPage(DEMO.memberA);
    const piotr = await personPage(PIOTR);

    // Open the room from the meeting page's way in; both members join.
    await moderator.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
    // The seeded session is weeks ahead: opening its first day now asks first.
    await moderator.getByRole("button", { name: "Otwórz dzień 1" }).click();
    await moderator.getByRole("button", { name: "Tak, otwórz dzień 1" }).click();
    await moderator.getByRole("log", { name: "Wiadomości czatu" }).waitFor(LIVE);
    await enterRoom(anna);
    await enterRoom(piotr);
    const people = moderator.getByRole("list", { name: "Osoby w pokoju" });
    await people.getByText("Piotr Mazur").waitFor(LIVE);
    await people.getByText("Anna Kowalska").waitFor(LIVE);

    // Chat both ways.
    await say(anna, "Dzień dobry, tu Wieliczka.");
    await moderator.getByRole("log").getByText("Dzień dobry, tu Wieliczka.").waitFor(LIVE);
    await say(moderator, "Witam wszystkich, zaczynamy.");
    await anna.getByRole("log").getByText("Witam wszystkich, zaczynamy.").waitFor(LIVE);
    await piotr.getByRole("log").getByText("Witam wszystkich, zaczynamy.").waitFor(LIVE);

    // A question, upvoted by the other member.
    const question = "Jak dzielić subwencję między szkoły?";
    await anna.locator("#room-questions").getByLabel("Twoje pytanie").fill(question);
    await anna.locator("#room-questions").getByRole("button", { name: "Zadaj pytanie" }).click();
    const piotrQuestion = piotr.locator("#room-questions li", { hasText: question });
    await piotrQuestion.waitFor(LIVE);
    await piotrQuestion.getByRole("button", { name: /Popieram to pytanie/ }).click();
    // The asker sees the vote arrive.
    await anna.locator("#room-questions li", { hasText: question }).getByText("(1 głos)").waitFor(LIVE);

    // A poll with results live.
    const poll = "Który termin kolejnej sesji?";
    const polls = moderator.locator("#room-polls");
    await polls.getByRole("button", { name: "Nowa ankieta" }).click();
    await polls.getByLabel("Pytanie ankiety").fill(poll);
    await polls.getByLabel("Odpowiedź 1", { exact: true }).fill("Marzec");
    await polls.getByLabel("Odpowiedź 2", { exact: true }).fill("Kwiecień");
    await polls.getByRole("button", { name: "Przygotuj ankietę" }).click();
    await polls.getByRole("button", { name: "Otwórz głosowanie" }).click();
    for (const [page, choice] of [
      [anna, "Marzec"],
      [piotr, "Marzec"],
    ] as const) {
      const ballot = page.locator("#room-polls").getByRole("group", { name: poll });
      await ballot.waitFor(LIVE);
      await ballot.getByRole("radio", { name: choice }).check();
      await page.locator("#room-polls").getByRole("button", { name: "Oddaj głos" }).click();
      await waitForAnnouncement(page, "Głos oddany.", LIVE.timeout);
    }
    await anna.locator("#room-polls").getByText("Głosowały 2 osoby").waitFor(LIVE);
    await polls.getByRole("button", { name: "Zamknij głosowanie" }).click();
    await waitForAnnouncement(piotr, `Zamknięto ankietę: ${poll}`, LIVE.timeout);

    // The agenda moves on.
    const second = moderator.locator("#room-agenda li").nth(1);
    const secondTitle = (await second.locator(".title").innerText()).trim();
    await second.getByRole("button", { name: /^Ustaw jako bieżący/ }).click();
    await waitForAnnouncement(anna, `Bieżący punkt programu: ${secondTitle}`, LIVE.timeout);
    expect(await anna.locator('#room-agenda li[aria-current="step"]').innerText()).toContain(secondTitle);

    // Minutes written live.
    await moderator.getByLabel("Treść protokołu (markdown)").fill("Ustalono: kolejna sesja w **marcu**.");
    await moderator
      .locator("#room-minutes")
      .getByText(/^Zapisano/)
      .waitFor(LIVE);
    await piotr.locator("#room-minutes").getByText("Ustalono: kolejna sesja w").waitFor(LIVE);
    await saveScreenshot(anna, "meeting-session-live-member");

    // Close: everyone is told, the archive is linked.
    // A two-day session ends after its last day: day 1 closes, day 2 opens (early again, confirmed), then the end.
    const days = moderator.getByRole("region", { name: "Dni spotkania" });
    await days.getByRole("button", { name: "Zamknij dzień 1" }).click();
    await days.getByRole("button", { name: "Otwórz dzień 2" }).click();
    await moderator.getByRole("button", { name: "Tak, otwórz dzień 2" }).click();
    await days.getByText("Trwa dzień 2.").waitFor(LIVE);
    await days.getByRole("button", { name: "Zakończ spotkanie" }).click();
    await moderator.getByRole("button", { name: "Tak, zakończ spotkanie" }).click();
    await anna.getByRole("heading", { name: "Spotkanie zakończone" }).waitFor(LIVE);
    const archiveLink = anna.getByRole("link", { name: "Przejdź do wątku z archiwum spotkania" });
    await archiveLink.waitFor(LIVE);
    const closedAt = new Date();

    // The archive thread, from the meeting page, as a member reads it.
    await anna.goto(`${server.url}/spotkania/${meetingId}`);
    await anna.getByRole("link", { name: "Otwórz wątek z archiwum spotkania" }).click();
    await anna.getByRole("heading", { level: 1, name: /^Archiwum spotkania: / }).waitFor(LIVE);
    const thread = anna.locator("main");
    for (const text of [
      "Dzień dobry, tu Wieliczka.",
      "Witam wszystkich, zaczynamy.",
      question,
      "1 głos",
      poll,
      "Marzec",
      "Ustalono: kolejna sesja w",
      secondTitle,
    ]) {
      await thread.getByText(text).first().waitFor(LIVE);
    }
    await thread.getByText("Archiwum spotkania — tylko do odczytu").first().waitFor();
    expect(await anna.getByLabel(/Twoja odpowiedź|Odpowiedz/).count()).toBe(0);
    await saveScreenshot(anna, "meeting-session-archive");

    // The attendance list in CSV: the three people, joined after the start and gone by the close.
    const csv = await moderator.request.get(`${server.url}/api/meetings/${meetingId}/attendance.csv`);
    expect(csv.status()).toBe(200);
    const body = (await csv.body()).toString("utf8");
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const total = body
      .slice(1)
      .split("\r\n")
      .filter((line) => line.startsWith("całe spotkanie;"))
      .map((line) => line.split(";"));
    expect(total.map((cells) => cells[1]).sort()).toEqual(["Anna Kowalska", "Katarzyna Nowak", "Piotr Mazur"]);
    for (const [, , , first, last] of total) {
      expect(first! >= warsawMinute(startedAt)).toBe(true);
      expect(last! <= warsawMinute(closedAt)).toBe(true);
      expect(first! <= last!).toBe(true);
    }
    expect(total.find((cells) => cells[1] === "Anna Kowalska")?.[2]).toBe("Wieliczka");
  },
  SESSION_TIMEOUT,
);
