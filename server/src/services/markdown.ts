import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { createMarkdownRenderer, hardenLinks, SANITIZE_OPTIONS } from "@forum/shared";

const markdown = createMarkdownRenderer();
const purifier = hardenLinks(createDOMPurify(new JSDOM("").window));

/** Markdown → HTML that is safe to insert into any page; run once, at write time. */
export function renderMarkdown(source: string): string {
  return purifier.sanitize(markdown.render(source), SANITIZE_OPTIONS);
}
