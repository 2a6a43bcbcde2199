import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { createMarkdownRenderer, hardenLinks, SANITIZE_OPTIONS } from "./markdown.js";
import { quoteMarkdown } from "./mentions.js";

const purifier = hardenLinks(createDOMPurify(new JSDOM("").window));
const renderer = createMarkdownRenderer();
const render = (source: string) => purifier.sanitize(renderer.render(source), SANITIZE_OPTIONS);
const link = (html: string, href: string) => new JSDOM(html).window.document.querySelector(`a[href="${href}"]`);

describe("links in rendered posts", () => {
  it("opens the forum's own pages (quotes, mentions, threads) in place", () => {
    const html = render(
      `${quoteMarkdown({ authorName: "Anna Kowalska", threadId: "t1", postId: "p1", text: "Tak" })}Zob. [wątek](/watki/t2) i @anna.kowalska`,
    );
    for (const href of ["/watki/t1#wpis-p1", "/watki/t2"]) {
      const anchor = link(html, href);
      expect(anchor).not.toBeNull();
      expect(anchor?.getAttribute("target")).toBeNull();
    }
  });

  it("opens other sites and attached files in a new tab, with rel nofollow noopener ugc", () => {
    const html = render("[ORE](https://www.ore.edu.pl) i [plik.pdf](/api/attachments/abc) i [x](//evil.example)");
    for (const href of ["https://www.ore.edu.pl", "/api/attachments/abc"]) {
      expect(link(html, href)?.getAttribute("target")).toBe("_blank");
      expect(link(html, href)?.getAttribute("rel")).toBe("nofollow noopener ugc");
    }
  });
});
