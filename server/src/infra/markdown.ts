import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { createMarkdownRenderer, hardenLinks, SANITIZE_OPTIONS, type MentionEnv } from "@forum/shared";

/** The shared configuration; also used to find mentions and quotes in a source (commands/support/postBody.ts). */
export const markdown = createMarkdownRenderer();
const purifier = hardenLinks(createDOMPurify(new JSDOM("").window));

/** Markdown → HTML that is safe to insert into any page; run once, at write time. */
export function renderMarkdown(source: string, env: MentionEnv = {}): string {
  return purifier.sanitize(markdown.render(source, env), SANITIZE_OPTIONS);
}
