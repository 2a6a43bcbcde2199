import { createMarkdownRenderer } from "./markdown.js";
import { collectMentions, collectQuotedPostIds, quoteMarkdown, type MentionEnv } from "./mentions.js";

const md = createMarkdownRenderer();
const THREAD = "a".repeat(24);
const POST = "b".repeat(24);

describe("mentions", () => {
  it("finds @usernames in text but not in code, e-mail addresses or link text", () => {
    const source = [
      "Witaj @Anna.Kowalska, zobacz też @piotr.mazur.",
      "`@w.kodzie` i pisz na jan@example.pl",
      "```\n@blok.kodu\n```",
      "[@w.linku](https://example.pl)",
    ].join("\n\n");
    expect(collectMentions(md, source).sort()).toEqual(["anna.kowalska", "piotr.mazur"]);
  });

  it("links only the mentions the server resolved, the rest stay plain text", () => {
    const env: MentionEnv = { mentions: new Map([["anna.kowalska", { href: "/osoby/anna.kowalska", name: "Anna" }]]) };
    const html = md.render("@anna.kowalska i @obcy.czlowiek", env);
    expect(html).toContain('<a class="mention" href="/osoby/anna.kowalska" title="Anna">@anna.kowalska</a>');
    expect(html).toContain(" i @obcy.czlowiek");
    expect(md.render("@anna.kowalska")).toBe("<p>@anna.kowalska</p>\n");
  });
});

describe("quotes", () => {
  it("finds posts quoted with the Cytuj attribution and ignores plain links to them", () => {
    const quoted = quoteMarkdown({ authorName: "Anna [K]", threadId: THREAD, postId: POST, text: "Ala\n\nma kota" });
    expect(quoted).toContain("> [Anna \\[K\\]]");
    expect(collectQuotedPostIds(md, `${quoted}Moja odpowiedź`)).toEqual([POST]);
    expect(collectQuotedPostIds(md, `Zobacz [tu](/watki/${THREAD}#wpis-${POST})`)).toEqual([]);
  });
});
