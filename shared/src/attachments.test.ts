import { attachmentIdsIn, attachmentMarkdown, formatFileSize } from "./attachments.js";

const ID = "6b03354edb33745d92624f1c";
const OTHER = "6b03354edb33745d92624f1e";

describe("attachment markdown", () => {
  it("links a document with its size, and shows an image as its thumbnail linking to the file", () => {
    expect(attachmentMarkdown({ id: ID, name: "Plan łączenia szkół.pdf", size: 1_572_864, image: false })).toBe(
      `[Plan łączenia szkół.pdf (1,5 MB)](/api/attachments/${ID})`,
    );
    expect(attachmentMarkdown({ id: ID, name: "sala.png", size: 10, image: true })).toBe(
      `[![sala.png](/api/attachments/${ID}/thumbnail)](/api/attachments/${ID})`,
    );
  });

  it("escapes names that would end the link or start formatting", () => {
    expect(attachmentMarkdown({ id: ID, name: "a](x)*_b`.pdf", size: 2048, image: false })).toBe(
      `[a\\]\\(x\\)\\*\\_b\\\`.pdf (2 kB)](/api/attachments/${ID})`,
    );
  });

  it("finds each attachment a post links to once", () => {
    const body = `![x](/api/attachments/${ID}/thumbnail) [y](/api/attachments/${ID}) /api/attachments/${OTHER} /api/attachments/zly`;
    expect(attachmentIdsIn(body)).toEqual([ID, OTHER]);
  });

  it("formats sizes the Polish way", () => {
    expect(formatFileSize(512)).toBe("512 B");
    expect(formatFileSize(300 * 1024)).toBe("300 kB");
    expect(formatFileSize(20 * 1024 * 1024)).toBe("20 MB");
  });
});
