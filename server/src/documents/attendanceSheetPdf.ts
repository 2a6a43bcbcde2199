import { polishDateTimeRange, polishDay, warsawMidnight } from "../domain/warsawTime.js";
import type { AttendanceSheetData, AttendanceSheetRow } from "../queries/attendanceSheet.js";
import { newPdf, numberPages, pdfBytes, type PdfKitDocument } from "./pdfDocument.js";

const MODE_NAMES: Record<NonNullable<AttendanceSheetRow["mode"]>, string> = {
  onsite: "na miejscu",
  online: "online",
};
const modeName = (row: AttendanceSheetRow): string => (row.mode ? MODE_NAMES[row.mode] : "online (bez zapisu)");

const HEADER = ["Lp.", "Imię i nazwisko", "JST", "Stanowisko", "Dzień", "Forma", "Podpis"];
/** Column widths in points on landscape A4 (762 pt between the margins); the signature gets the most room. */
const WIDTHS = [28, 140, 130, 120, 70, 80, 194];

function header(doc: PdfKitDocument, sheet: AttendanceSheetData, dayLabel: string): void {
  doc.font("bold").fontSize(14).text("Lista obecności", { align: "center" });
  doc.moveDown(0.4);
  doc.font("regular").fontSize(9);
  doc.text(`Program: ${sheet.programme}`);
  doc.text(`Grupa: ${sheet.group}`);
  doc.text(`Spotkanie nr ${sheet.meeting.number}: ${sheet.meeting.title}`);
  doc.text(`Termin: ${polishDateTimeRange(sheet.meeting.startsAt, sheet.meeting.endsAt)}`);
  if (sheet.meeting.venue) doc.text(`Miejsce: ${sheet.meeting.venue}`);
  doc.font("bold").text(dayLabel);
  doc.moveDown(0.5);
}

/**
 * The attendance sheet as EU-funded projects keep it: one table per day with a signature column, people who
 * signed up pre-filled; a header naming the programme, group, session, dates and venue; numbered pages.
 */
export async function attendanceSheetPdf(sheet: AttendanceSheetData): Promise<Buffer> {
  const doc = newPdf({
    title: `Lista obecności — spotkanie nr ${sheet.meeting.number}, ${sheet.group}`,
    layout: "landscape",
  });
  sheet.days.forEach((day, index) => {
    if (index > 0) doc.addPage();
    const dayLabel = `Dzień ${day.day}: ${polishDay(warsawMidnight(day.date))}`;
    header(doc, sheet, dayLabel);
    const rows = day.rows.map((row, position) => [
      String(position + 1),
      row.name,
      row.jst,
      row.position,
      day.date,
      modeName(row),
      "",
    ]);
    doc
      .font("regular")
      .fontSize(8)
      .table({
        columnStyles: WIDTHS,
        rowStyles: (row) => (row === 0 ? { backgroundColor: "#e8e8e8" } : { minHeight: 26 }),
        defaultStyle: { padding: 3 },
        data: [HEADER.map((text) => ({ text, type: "TH" as const, font: { src: "bold" } })), ...rows],
      });
    if (day.rows.length === 0) doc.moveDown().font("regular").fontSize(9).text("Nikt nie zapisał się na ten dzień.");
  });
  numberPages(doc);
  return pdfBytes(doc);
}
