import { createMarkdownRenderer } from "@forum/shared/markdown";
import { insertAsParagraph } from "../../client/src/lib/textInsert.js";

const markdown = createMarkdownRenderer();
const attachment = "[sprawozdanie.pdf](/api/attachments/abc)";

describe("inserting an attachment into the composer's text", () => {
  it("makes it a paragraph of its own when the cursor is at the end of a list", () => {
    const text = "Wnioski:\n\n- pierwszy\n- drugi";
    const { text: result, cursor } = insertAsParagraph(text, attachment, { start: text.length, end: text.length });
    const html = markdown.render(result);
    expect(html).toContain(`<li>drugi</li>\n</ul>\n<p><a href="/api/attachments/abc">sprawozdanie.pdf</a></p>`);
    // The cursor waits after it, on a fresh paragraph.
    expect(result.slice(cursor)).toBe("");
    expect(markdown.render(`${result}Dalej`)).toContain("<p>Dalej</p>");
  });

  it("keeps the text after the cursor apart, and adds no blank lines where they already are", () => {
    const text = "Pierwszy akapit\n\nDrugi akapit";
    const at = "Pierwszy akapit\n\n".length;
    const { text: result } = insertAsParagraph(text, attachment, { start: at, end: at });
    expect(result).toBe(`Pierwszy akapit\n\n${attachment}\n\nDrugi akapit`);
    expect(insertAsParagraph("", attachment, null).text).toBe(`${attachment}\n\n`);
  });
});
