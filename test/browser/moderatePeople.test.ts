import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Event } from "../../server/src/models/Event.js";
import { User } from "../../server/src/models/User.js";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, signInByApi as signIn } from "../support/browserApi.js";
import { createNewMember } from "../support/people.js";
import { startTestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MODERATOR = "katarzyna.nowak@demo.forum-jst.pl";
const NEWBIE = { email: "nowa.osoba@example.pl", name: "Nowa Osoba" };
const JOURNEY_TIMEOUT = 120_000;
const LIVE_TIMEOUT = 8_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;
let threadPath = "";

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "moderatepeople", env: { NEW_MEMBER_APPROVAL_POSTS: "2" } });
  browser = await launchBrowser();
  await createNewMember(NEWBIE.email, NEWBIE.name);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signInByApi = (context: BrowserContext, email: string) => signIn(context, server.url, email);

async function discussionThread(context: BrowserContext): Promise<string> {
  const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
  const response = await context.request.get(`${server.url}/api/categories/${categoryId}/threads`);
  const { threads } = (await response.json()) as { threads: Array<{ id: string }> };
  if (!threads[0]) throw new Error("no discussion thread");
  return `/watki/${threads[0].id}`;
}

/** Opens a page and waits until its live connection has joined the thread's room. */
async function openThread(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const joined = new Promise<void>((resolve) =>
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && /^43\d*\[\{"ok":true/.test(payload)) resolve();
      }),
    ),
  );
  await page.goto(`${server.url}${threadPath}`);
  await joined;
  return page;
}

it(
  "holds a new member's post until a moderator approves it in the queue; then it appears live for others",
  async () => {
    const newbieContext = await newContext(browser, "desktop");
    const annaContext = await newContext(browser, "phone");
    const moderatorContext = await newContext(browser, "desktop");
    try {
      await signInByApi(newbieContext, NEWBIE.email);
      await signInByApi(annaContext, ANNA);
      await signInByApi(moderatorContext, MODERATOR);
      threadPath = await discussionThread(annaContext);

      // The moderator's queue is open (and empty) before anything arrives.
      const queue = await moderatorContext.newPage();
      await queue.goto(`${server.url}/moderacja/zatwierdzanie`);
      await queue.getByRole("heading", { name: "Zatwierdzanie wpisów", level: 1 }).waitFor();
      await queue.getByText("Nic nie czeka na zatwierdzenie.").waitFor();

      const anna = await openThread(annaContext);
      const newbie = await openThread(newbieContext);
      const text = "Dzień dobry, to mój pierwszy wpis na forum.";
      await newbie.getByLabel("Treść odpowiedzi").fill(text);
      await newbie.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      const waiting = newbie.getByRole("article", { name: "Twój wpis oczekujący na zatwierdzenie" });
      await waiting.getByText("Czeka na zatwierdzenie przez moderatora").waitFor();
      await expect(waiting.innerText()).resolves.toContain(text);
      await saveScreenshot(newbie, "desktop-thread-pending-post");
      await expectNoAxeViolations(newbie);

      // The queue updates live; the other member's open thread does not show the waiting post.
      const item = queue.locator("li.item", { hasText: text });
      await item.waitFor({ timeout: LIVE_TIMEOUT });
      await expect(item.innerText()).resolves.toContain(NEWBIE.name);
      await queue.getByText("Oczekuje: 1", { exact: true }).waitFor();
      // Announced politely, without moving the moderator's focus.
      await waitForAnnouncement(queue, "Kolejka zatwierdzania się zmieniła. Oczekuje: 1.");
      await saveScreenshot(queue, "desktop-approval-queue");
      await expectNoAxeViolations(queue);
      expect(await anna.getByText(text).count()).toBe(0);

      // Approved from the keyboard: the post appears live for the other member and becomes normal for its author.
      await item.getByRole("button", { name: /^Zatwierdź/ }).focus();
      await queue.keyboard.press("Enter");
      await queue.getByText("Nic nie czeka na zatwierdzenie.").waitFor();
      await anna.locator("article.post", { hasText: text }).waitFor({ timeout: LIVE_TIMEOUT });
      await newbie.locator("article.post", { hasText: text }).waitFor({ timeout: LIVE_TIMEOUT });
      await waiting.waitFor({ state: "detached", timeout: LIVE_TIMEOUT });
      await saveScreenshot(anna, "phone-thread-approved-post");

      const newbieUser = await User.findOne({ email: NEWBIE.email }).lean();
      const approveEvent = await Event.findOne({ name: "posts.approve" }).lean();
      expect(approveEvent?.data).toMatchObject({
        before: { status: "pending" },
        after: { status: "approved" },
        targetUserId: newbieUser?._id.toString(),
      });
      expect(approveEvent?.ip).toBeTruthy();

      // The queue at 360 px, with one item waiting.
      const second = await newbieContext.request.post(`${server.url}/api/threads/${threadPath.split("/")[2]}/posts`, {
        data: { body: "Drugi wpis, też czeka.", clientId: crypto.randomUUID() },
        headers: { "x-csrf-token": await csrfOf(newbieContext) },
      });
      expect(second.status()).toBe(202);
      const phoneModerator = await newContext(browser, "phone");
      try {
        await signInByApi(phoneModerator, MODERATOR);
        const phoneQueue = await phoneModerator.newPage();
        await phoneQueue.goto(`${server.url}/moderacja/zatwierdzanie`);
        await phoneQueue.locator("li.item", { hasText: "Drugi wpis" }).waitFor();
        await saveScreenshot(phoneQueue, "phone-approval-queue");
        await expectNoAxeViolations(phoneQueue);
      } finally {
        await phoneModerator.close();
      }
    } finally {
      await newbieContext.close();
      await annaContext.close();
      await moderatorContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);

async function csrfOf(context: BrowserContext): Promise<string> {
  const response = await context.request.get(`${server.url}/api/auth/csrf`);
  return ((await response.json()) as { token: string }).token;
}

describe.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)("the person page (%s)", (viewport) => {
  it(
    "lets a moderator silence a member (whose composer turns into the notice) and keep notes only moderators see",
    async () => {
      const moderatorContext = await newContext(browser, viewport);
      const piotrContext = await newContext(browser, "desktop");
      const annaContext = await newContext(browser, viewport);
      try {
        await signInByApi(moderatorContext, MODERATOR);
        await signInByApi(piotrContext, PIOTR);
        await signInByApi(annaContext, ANNA);
        threadPath = threadPath || (await discussionThread(annaContext));
        const piotr = await openThread(piotrContext);
        await piotr.getByLabel("Treść odpowiedzi").waitFor();

        const page = await moderatorContext.newPage();
        await page.goto(`${server.url}/osoby/piotr.mazur`);
        const panel = page.getByRole("region", { name: "Moderacja" });
        await panel.getByText("Bez ograniczeń").waitFor();

        // Keyboard only: open the dialog, type the reason (focus starts there), confirm.
        await panel.getByRole("button", { name: "Wycisz" }).focus();
        await page.keyboard.press("Enter");
        const dialog = page.getByRole("dialog", { name: "Wycisz: Piotr Mazur" });
        await dialog.waitFor();
        await page.keyboard.type("Powtarzające się obraźliwe wpisy");
        await dialog.getByRole("button", { name: "Wycisz" }).focus();
        await page.keyboard.press("Enter");
        await panel.getByText("Wyciszone do odwołania: Powtarzające się obraźliwe wpisy").waitFor();
        await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
          "Cofnij wyciszenie",
        );

        // Piotr's open thread swaps the composer for the notice, live.
        await piotr
          .getByText("Twoje konto jest wyciszone do odwołania: Powtarzające się obraźliwe wpisy")
          .waitFor({ timeout: LIVE_TIMEOUT });
        expect(await piotr.getByLabel("Treść odpowiedzi").count()).toBe(0);

        await panel.getByLabel("Nowa notatka").fill(`Rozmowa telefoniczna (${viewport}).`);
        await panel.getByRole("button", { name: "Dodaj notatkę" }).click();
        await panel.locator(".note", { hasText: `Rozmowa telefoniczna (${viewport}).` }).waitFor();
        await panel.getByRole("list", { name: "Historia moderacji" }).getByText("Wyciszenie").first().waitFor();
        await saveScreenshot(page, `${viewport}-person-moderation`);
        await expectNoAxeViolations(page);

        const silenceEvent = await Event.findOne({ name: "users.silence" }).sort({ createdAt: -1 }).lean();
        expect(silenceEvent?.data).toMatchObject({
          before: { silence: null },
          after: { silence: { reason: "Powtarzające się obraźliwe wpisy", until: null } },
        });

        // A member sees the card, never the notes or the panel.
        const anna = await annaContext.newPage();
        await anna.goto(`${server.url}/osoby/piotr.mazur`);
        await anna.getByRole("heading", { name: "Piotr Mazur", level: 1 }).waitFor();
        expect(await anna.getByText("Notatki moderatorów").count()).toBe(0);
        expect(await anna.getByText("Rozmowa telefoniczna").count()).toBe(0);

        await panel.getByRole("button", { name: "Cofnij wyciszenie" }).click();
        await panel.getByText("Bez ograniczeń").waitFor();
        await piotr.getByLabel("Treść odpowiedzi").waitFor({ timeout: LIVE_TIMEOUT });
      } finally {
        await moderatorContext.close();
        await piotrContext.close();
        await annaContext.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
