import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Event } from "../../server/src/models/Event.js";
import { expectNoAxeViolations, launchBrowser, newContext, VIEWPORTS } from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDA = "magdalena.wojcik@demo.forum-jst.pl";
const MODERATOR = "katarzyna.nowak@demo.forum-jst.pl";

const JOURNEY_TIMEOUT = 120_000;
/** "Within a few seconds": how long a live change may take to reach another browser. */
const LIVE_TIMEOUT = 8_000;
/** Screenshots for people to look at (never in the repository). */
const SHOTS = process.env.SCREENSHOT_DIR;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;
const contexts: BrowserContext[] = [];
let threadId = "";

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "flagsBrowser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signedInPage(email: string, viewport: keyof typeof VIEWPORTS = "desktop"): Promise<Page> {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  await signInByApi(context, server.url, email);
  return context.newPage();
}

/** A post written through the API of the page's signed-in context; a thread first when none. */
async function write(page: Page, body: string): Promise<string> {
  const context = page.context();
  const headers = { "x-csrf-token": await csrfTokenOf(context, server.url) };
  if (!threadId) {
    const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
    const created = await context.request.post(`${server.url}/api/categories/${categoryId}/threads`, {
      data: { title: "Wątek do zgłaszania wpisów", body: "Zaczynamy rozmowę.", clientId: randomUUID() },
      headers,
    });
    expect(created.status()).toBe(201);
    threadId = ((await created.json()) as { thread: { id: string } }).thread.id;
  }
  const response = await context.request.post(`${server.url}/api/threads/${threadId}/posts`, {
    data: { body, clientId: randomUUID() },
    headers,
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { post: { id: string } }).post.id;
}

/** Opens the thread and waits until its room is joined (the live connection is up). */
async function openThread(page: Page, postId: string): Promise<void> {
  await page.goto(`${server.url}/watki/${threadId}`);
  await page.locator(`#wpis-${postId}`).waitFor();
  await page.waitForTimeout(800);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(VIEWPORTS.phone);
  await page.screenshot({ path: `${SHOTS}/${name}-360.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

const eventAbout = (name: string, subjectId: string) =>
  Event.findOne({ name, subjectId }).sort({ createdAt: -1 }).lean();

it(
  "a member flags a post, a moderator agrees from the queue, the post disappears live for others",
  async () => {
    const piotr = await signedInPage(PIOTR);
    await write(piotr, "Dzień dobry wszystkim.");
    const anna = await signedInPage(ANNA);
    const postId = await write(anna, "Uczeń Jan Nowak z klasy 3b ma opinię z poradni.");
    const magda = await signedInPage(MAGDA, "phone");
    const moderator = await signedInPage(MODERATOR);

    await moderator.goto(`${server.url}/moderacja/zgloszenia`);
    await moderator.getByRole("heading", { name: "Zgłoszenia wpisów", level: 1 }).waitFor();
    await moderator.getByRole("heading", { name: "Brak zgłoszeń", level: 2 }).waitFor();
    await openThread(magda, postId);
    await openThread(anna, postId);
    await openThread(piotr, postId);

    // The report dialog: reasons as radio buttons, a text required for "Inne".
    const post = piotr.locator(`#wpis-${postId}`);
    await post.getByRole("button", { name: "Zgłoś wpis: Anna Kowalska" }).click();
    const dialog = piotr.getByRole("dialog", { name: "Zgłoś wpis moderatorom" });
    await dialog.waitFor();
    await dialog.getByRole("radio", { name: "Inne" }).check();
    await dialog.getByRole("button", { name: "Wyślij zgłoszenie" }).click();
    await dialog.getByText("Opisz, co jest nie tak z tym wpisem.").waitFor();
    await expectNoAxeViolations(piotr);
    await shoot(piotr, "flag-dialog");
    await dialog.getByRole("radio", { name: "Dane osobowe (RODO)" }).check();
    await dialog.getByLabel("Opis (wymagany przy „Inne”)").fill("Pełne imię i nazwisko ucznia.");
    await dialog.getByRole("button", { name: "Wyślij zgłoszenie" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(post.getByRole("button", { name: "Zgłoś wpis: Anna Kowalska" }).count()).resolves.toBe(0);

    // The moderator's queue shows it live, with its context.
    const item = moderator.getByRole("listitem").filter({
      has: moderator.getByRole("heading", { name: /Wpis nr 3 w wątku „Wątek do zgłaszania wpisów”/ }),
    });
    await item.waitFor({ timeout: LIVE_TIMEOUT });
    await item.getByText("Uczeń Jan Nowak z klasy 3b").waitFor();
    await item.getByText("Pełne imię i nazwisko ucznia.").waitFor();
    await item.getByText(/wcześniej uznane zgłoszenia: 0, ukryte wpisy: 0/).waitFor();
    await expectNoAxeViolations(moderator);
    await shoot(moderator, "flag-queue");
    await item.getByRole("button", { name: /^Zgódź się i ukryj/ }).click();
    await moderator.getByRole("heading", { name: "Brak zgłoszeń", level: 2 }).waitFor();

    // Another member's open thread: the text goes, a placeholder stays.
    const magdaPost = magda.locator(`#wpis-${postId}`);
    await magdaPost.getByText("Wpis ukryty przez moderatora").waitFor({ timeout: LIVE_TIMEOUT });
    await expect(magdaPost.getByText("Uczeń Jan Nowak").count()).resolves.toBe(0);
    await shoot(magda, "flag-placeholder");
    // The author sees the reason and still their text.
    const annaPost = anna.locator(`#wpis-${postId}`);
    await annaPost.getByText("Ukryte przez moderatora: dane osobowe (RODO)").waitFor({ timeout: LIVE_TIMEOUT });
    await annaPost.getByText("Uczeń Jan Nowak").waitFor();
    await shoot(anna, "flag-author");

    // The flagger hears the outcome.
    await piotr.goto(`${server.url}/powiadomienia`);
    await piotr
      .getByText("Twoje zgłoszenie zostało rozpatrzone: moderator zgodził się i ukrył wpis", { exact: false })
      .waitFor({ timeout: LIVE_TIMEOUT });

    const hide = await eventAbout("posts.hide", postId);
    expect(hide?.data).toMatchObject({
      before: { hidden: false },
      after: { hidden: true, reason: "dane osobowe (RODO)", auto: false },
    });
    expect(hide?.ip).toBeTruthy();
    const resolved = await eventAbout("flags.resolve", postId);
    expect(resolved?.data).toMatchObject({
      resolution: "agree",
      before: { status: "pending" },
      after: { status: "agreed" },
    });
    expect(await Event.exists({ name: "flags.create", "data.postId": postId })).not.toBeNull();
  },
  JOURNEY_TIMEOUT,
);

it(
  "a moderator hides a post with a reason from the thread page",
  async () => {
    const anna = await signedInPage(ANNA);
    const postId = await write(anna, "Zapraszam na szkolenia mojej firmy, rabat 20%!");
    const magda = await signedInPage(MAGDA, "phone");
    const moderator = await signedInPage(MODERATOR);
    await openThread(magda, postId);
    await openThread(moderator, postId);

    const post = moderator.locator(`#wpis-${postId}`);
    await post.getByRole("button", { name: "Ukryj wpis: Anna Kowalska" }).click();
    const dialog = moderator.getByRole("dialog", { name: "Ukryj wpis" });
    await dialog.getByRole("button", { name: "Ukryj wpis" }).click();
    await dialog.getByText("Podaj powód ukrycia (co najmniej 3 znaki).").waitFor();
    await expectNoAxeViolations(moderator);
    await dialog.getByLabel("Powód ukrycia (zobaczy go autor)").fill("Reklama usług");
    await dialog.getByRole("button", { name: "Ukryj wpis" }).click();
    await dialog.waitFor({ state: "hidden" });
    await post.getByText("Ukryte przez moderatora: Reklama usług").waitFor();
    await post.getByRole("button", { name: "Przywróć wpis: Anna Kowalska" }).waitFor();
    await shoot(moderator, "hide-moderator");

    await magda.locator(`#wpis-${postId}`).getByText("Wpis ukryty przez moderatora").waitFor({ timeout: LIVE_TIMEOUT });
    expect((await eventAbout("posts.hide", postId))?.data).toMatchObject({ after: { reason: "Reklama usług" } });

    // Restored: the text comes back in the other browser too.
    await post.getByRole("button", { name: "Przywróć wpis: Anna Kowalska" }).click();
    await magda.locator(`#wpis-${postId}`).getByText("rabat 20%").waitFor({ timeout: LIVE_TIMEOUT });
  },
  JOURNEY_TIMEOUT,
);
