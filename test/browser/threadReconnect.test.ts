import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import { launchBrowser, newContext } from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const JOURNEY_TIMEOUT = 240_000;

let server: TestServer;
let browser: Browser;
let categoryId = "";

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "reconnect" });
  browser = await launchBrowser();
  const anna = await newContext(browser, "desktop");
  await signInByApi(anna, server.url, ANNA);
  categoryId = await categoryIdOf(anna, server.url, "gwd-malopolska", "dyskusje");
  await anna.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function startThread(context: BrowserContext, title: string): Promise<string> {
  const response = await context.request.post(`${server.url}/api/categories/${categoryId}/threads`, {
    data: { title, body: "Pierwszy wpis.", clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

/** Post numbers in the DOM, in document order. */
const shownNumbers = (page: Page) =>
  page.$$eval("li[data-number]", (items) => items.map((item) => Number((item as HTMLElement).dataset.number)));

async function until(check: () => Promise<boolean>, what: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The socket of the reader's page is cut while another member posts 50 replies in a row, and
 * comes back a little later; the page must end up with every post once, in order.
 */
describe.each([
  ["with", true],
  ["without", false],
])("a dropped connection %s Socket.IO's state recovery", (_name, recover) => {
  it(
    "shows every post written meanwhile exactly once, in order",
    async () => {
      const annaContext = await newContext(browser, "desktop");
      const piotrContext = await newContext(browser, "desktop");
      try {
        await signInByApi(annaContext, server.url, ANNA);
        await signInByApi(piotrContext, server.url, PIOTR);
        const threadId = await startThread(annaContext, `Wątek przerwanego połączenia (${_name})`);
        const page = await piotrContext.newPage();

        // Piotr's socket goes through a route the test can cut.
        let outage = false;
        let connections = 0;
        const open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
        await page.route("**/socket.io/**", (route) => (outage ? route.abort() : route.continue()));
        await page.routeWebSocket(/\/socket\.io\//, (socket) => {
          if (outage) return void socket.close();
          connections += 1;
          const upstream = socket.connectToServer();
          socket.onMessage((message) => {
            // Without recovery: the reconnect's handshake no longer names the session to recover.
            if (!recover && typeof message === "string" && message.startsWith("40{")) upstream.send("40");
            else upstream.send(message);
          });
          open.push({ page: socket, server: upstream });
        });
        await page.goto(`${server.url}/watki/${threadId}`);
        await page.locator('li[data-number="1"]').waitFor();
        await until(async () => connections === 1, "the socket");
        await page.waitForTimeout(500);

        const token = await csrfTokenOf(annaContext, server.url);
        const total = 50;
        for (let index = 1; index <= total; index += 1) {
          const response = await annaContext.request.post(`${server.url}/api/threads/${threadId}/posts`, {
            data: { body: `Wpis w serii numer ${index}.`, clientId: crypto.randomUUID() },
            headers: { "x-csrf-token": token },
          });
          expect(response.status()).toBe(201);
          if (index === 15) {
            outage = true;
            for (const link of open.splice(0)) {
              await link.server.close().catch(() => undefined);
              await link.page.close().catch(() => undefined);
            }
          }
          if (index === 30) outage = false;
        }

        await until(async () => (await shownNumbers(page)).at(-1) === total + 1, "every post", 60_000);
        await page.waitForTimeout(1_000);
        const numbers = await shownNumbers(page);
        expect(numbers).toEqual(Array.from({ length: total + 1 }, (_, index) => index + 1));
        expect(connections).toBeGreaterThanOrEqual(2);
      } finally {
        await annaContext.close();
        await piotrContext.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
