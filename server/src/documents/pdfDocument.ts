import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);

/** DejaVu Sans from its npm package (never a system font): every Polish letter, on every machine alike. */
const FONTS = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;

export type PdfKitDocument = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  title: string;
  layout?: "portrait" | "landscape";
}

/** An A4 document with the Polish fonts registered as "regular" and "bold", and its title and language set. */
export function newPdf({ title, layout = "portrait" }: PdfOptions): PdfKitDocument {
  const doc = new PDFDocument({
    size: "A4",
    layout,
    margin: 40,
    bufferPages: true,
    lang: "pl-PL",
    info: { Title: title, Author: "Forum Współpracy JST", Creator: "Forum Współpracy JST" },
    displayTitle: true,
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.font("regular");
  return doc;
}

/** "Strona 2 z 5" at the foot of every page (the pages are buffered until the end). */
export function numberPages(doc: PdfKitDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.height - doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .text(`Strona ${index - start + 1} z ${count}`, doc.page.margins.left, bottom + 12, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: "center",
        lineBreak: false,
      });
  }
}

/** The finished document's bytes. */
export function pdfBytes(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
