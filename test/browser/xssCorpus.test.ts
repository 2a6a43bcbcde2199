import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext } from "../support/browser.js";
import { csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";

/**
 * Hostile markdown typed into the composer: each one is previewed (client rendering) and sent
 * (server rendering), then the thread is opened fresh. Anything that executes sets a flag,
 * opens a dialog or leaves an active element or attribute in the page; none may.
 */
const CORPUS: string[] = [
  `<script>window.__xss = "script-tag"</script>`,
  `<img src=x onerror="window.__xss='img-onerror'">`,
  `<svg onload="window.__xss='svg-onload'"><circle r="5"/></svg>`,
  `<svg><script>window.__xss='svg-script'</script></svg>`,
  `<iframe src="javascript:window.top.__xss='iframe'"></iframe>`,
  `<a href="javascript:window.__xss='html-link'">kliknij</a>`,
  `[kliknij](javascript:window.__xss='md-link')`,
  `[kliknij](JaVaScRiPt:window.__xss='md-link-case')`,
  `[kliknij](java&#x09;script:window.__xss='md-link-entity')`,
  `[kliknij](  javascript:window.__xss='md-link-space')`,
  `[kliknij](vbscript:msgbox(1))`,
  `[kliknij](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9J2RhdGEnPC9zY3JpcHQ+)`,
  `![obraz](javascript:window.__xss='md-image')`,
  `![obraz](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0nc3ZnLWRhdGEnIi8+)`,
  `![obraz" onerror="window.__xss='alt-break'](https://example.org/x.png)`,
  `[kliknij](https://example.org/" onmouseover="window.__xss='title-break')`,
  `[a]: javascript:window.__xss='reference'\n\n[odnośnik][a]`,
  `<details open ontoggle="window.__xss='details'"><summary>x</summary></details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss'">`,
  `<form action="javascript:window.__xss='form'"><button>Wyślij</button></form>`,
  `<style>body{background:url("javascript:window.__xss='css'")}</style>`,
  "`<img src=x onerror=\"window.__xss='code-span'\">`",
  "```html\n<script>window.__xss='code-block'</script>\n```",
  `<<script>script>window.__xss='nested'<</script>/script>`,
  `<object data="javascript:window.__xss='object'"></object><embed src="javascript:window.__xss='embed'">`,
  `<base href="javascript:/"><a href="x">względny</a>`,
  `https://example.org/<img src=x onerror="window.__xss='linkify'">`,
  `<a href="https://example.org" target="_blank">okno</a>`,
];

/** Everything in the rendered posts that could run code or leave the page unprotected. */
async function dangerousNodes(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const element of root.querySelectorAll("*")) {
        const tag = element.tagName.toLowerCase();
        if (["script", "iframe", "object", "embed", "form", "style", "base", "svg", "math"].includes(tag)) {
          found.push(`<${tag}>`);
        }
        for (const attribute of element.getAttributeNames()) {
          if (attribute.startsWith("on")) found.push(`${tag}[${attribute}]`);
        }
        for (const attribute of ["href", "src", "action", "xlink:href"]) {
          const value = element.getAttribute(attribute);
          if (value === null) continue;
          const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
          if (scheme && !["http", "https", "mailto"].includes(scheme)) found.push(`${tag}[${attribute}=${value}]`);
        }
        if (tag === "a" && element.getAttribute("target") === "_blank") {
          const rel = (element.getAttribute("rel") ?? "").split(/\s+/);
          if (!rel.includes("noopener")) found.push("a[target=_blank] without noopener");
        }
      }
    }
    return found;
  }, scope);
}

const JOURNEY_TIMEOUT = 240_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "xss" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it(
  "nothing in the XSS corpus executes, in the preview, after sending, or when the thread is opened again",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, "anna.kowalska@demo.forum-jst.pl");
      const group = (await (await context.request.get(`${server.url}/api/groups/gwd-malopolska`)).json()) as {
        categories: Array<{ id: string; slug: string }>;
      };
      const discussion = group.categories.find((category) => category.slug === "dyskusje")!;
      const created = await context.request.post(`${server.url}/api/categories/${discussion.id}/threads`, {
        data: { title: "Próba bezpieczeństwa edytora", body: "Sprawdzamy wpisy.", clientId: crypto.randomUUID() },
        headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
      });
      expect(created.status()).toBe(201);
      const threadId = ((await created.json()) as { thread: { id: string } }).thread.id;

      const page = await context.newPage();
      const executed: string[] = [];
      page.on("dialog", (dialog) => {
        executed.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`${server.url}/watki/${threadId}`);
      const composer = page.getByLabel("Treść odpowiedzi");
      await composer.waitFor();
      await page.getByRole("button", { name: "Podgląd" }).click();
      const preview = page.locator('[id$="-preview"]');

      for (const [index, payload] of CORPUS.entries()) {
        await composer.fill(`Próba ${index + 1}\n\n${payload}`);
        await preview.getByText(`Próba ${index + 1}`).waitFor();
        expect(await dangerousNodes(page, '[id$="-preview"]')).toEqual([]);
        await page.getByRole("button", { name: "Wyślij" }).click();
        await page
          .locator(".posts")
          .getByText(`Próba ${index + 1}`, { exact: true })
          .waitFor();
      }
      // Hovering and clicking every link in the posts runs nothing either.
      const links = page.locator(".posts a");
      for (let index = 0; index < (await links.count()); index += 1) {
        await links.nth(index).hover();
      }
      expect(await dangerousNodes(page, ".posts")).toEqual([]);

      const fresh = await context.newPage();
      fresh.on("dialog", (dialog) => {
        executed.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await fresh.goto(`${server.url}/watki/${threadId}`);
      await fresh.locator(".posts").getByText(`Próba ${CORPUS.length}`, { exact: true }).waitFor();
      expect(await dangerousNodes(fresh, ".posts")).toEqual([]);
      for (const tab of [page, fresh]) {
        const flag = await tab.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null);
        if (flag) executed.push(flag);
      }
      expect(executed).toEqual([]);
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
