import { polishDay, warsawMidnight } from "../domain/warsawTime.js";
import { newPdf, pdfBytes } from "./pdfDocument.js";

export interface CertificateContent {
  name: string;
  /** The person's JST and position, printed for their employer (the public verification never shows them). */
  jst: string;
  position: string;
  programme: string;
  /** What it certifies, one line per fact ("Spotkanie nr 3 grupy …", "Udział: 2 z 2 dni"). */
  lines: string[];
  days: string[];
  code: string;
  verificationUrl: string;
  issuedAt: Date;
}

const issueDate = new Intl.DateTimeFormat("pl-PL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Warsaw",
});

/** "Zaświadczenie o udziale" with its verification code and address, on one A4 page. */
export async function certificatePdf(content: CertificateContent): Promise<Buffer> {
  const doc = newPdf({ title: `Zaświadczenie o udziale — ${content.name}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.moveDown(3);
  doc.font("bold").fontSize(22).text("Zaświadczenie o udziale", { align: "center" });
  doc.moveDown(2);
  doc.font("regular").fontSize(12).text("Zaświadcza się, że", { align: "center" });
  doc.moveDown(0.5);
  doc.font("bold").fontSize(18).text(content.name, { align: "center" });
  const workplace = [content.position, content.jst].filter(Boolean).join(", ");
  if (workplace) doc.font("regular").fontSize(11).text(workplace, { align: "center" });
  doc.moveDown();
  doc.font("regular").fontSize(12).text("wziął(-ęła) udział w programie", { align: "center" });
  doc.font("bold").fontSize(14).text(content.programme, { align: "center" });
  doc.moveDown();
  doc.font("regular").fontSize(12);
  for (const line of content.lines) doc.text(line, { align: "center" });
  doc.moveDown();
  doc.text("Dni udziału:", { align: "center" });
  for (const day of content.days) doc.text(polishDay(warsawMidnight(day)), { align: "center" });
  doc.moveDown(3);
  doc.fontSize(10).text(`Data wystawienia: ${issueDate.format(content.issuedAt)}`, { width });
  doc.moveDown();
  doc.font("bold").text(`Kod weryfikacyjny: ${content.code}`);
  doc.font("regular").text(`Sprawdź zaświadczenie: ${content.verificationUrl}`, {
    link: content.verificationUrl,
    underline: true,
  });
  doc
    .fontSize(8)
    .text(
      "Strona weryfikacji potwierdza imię i nazwisko, program oraz daty udziału. Zaświadczenie wygenerowano w Forum Współpracy JST.",
    );
  return pdfBytes(doc);
}
