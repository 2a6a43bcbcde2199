import ExcelJS from "exceljs";
import { mapHeaders, readParticipantSheet, restoreTerytZeros, type SheetRow } from "./participantSheet.js";

async function rowsOf(bytes: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readParticipantSheet(bytes)) rows.push(row);
  return rows;
}

async function xlsx(rows: ExcelJS.CellValue[][], extraSheet = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Uczestnicy");
  for (const row of rows) sheet.addRow(row);
  if (extraSheet) workbook.addWorksheet("Instrukcja").addRow(["Imię", "E-mail"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("participant sheet", () => {
  it("recognises Polish headers in any order, with or without diacritics and decorations", () => {
    expect(
      mapHeaders(["Adres e-mail:", "NAZWISKO", "Imię*", "Kod TERYT", "Nazwa JST", "Stanowisko", "Grupa", "Uwagi"]),
    ).toEqual(["email", "lastName", "firstName", "teryt", "jstName", "position", "group", null]);
    expect(mapHeaders(["Imie i nazwisko", "Email", "Gmina"])).toEqual(["fullName", "email", "jstName"]);
  });

  it("reads an XLSX straight from Excel: hyperlinked e-mails, rich text, numeric TERYT codes, only the first sheet", async () => {
    const bytes = await xlsx(
      [
        ["Lp.", "Imię", "Nazwisko", "E-mail", "TERYT", "Stanowisko", "Grupa"],
        [
          1,
          "Anna",
          "Żółkiewska",
          { text: "anna@gmina.pl", hyperlink: "mailto:anna@gmina.pl" },
          201011,
          "Skarbnik",
          "GWD Dolny Śląsk",
        ],
        [],
        [2, { richText: [{ text: "Jan" }] }, "Nowak", "jan@powiat.pl", "1206", "Inspektor", "GWD Małopolska"],
      ],
      true,
    );
    const rows = await rowsOf(bytes);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      line: 2,
      cells: {
        firstName: "Anna",
        lastName: "Żółkiewska",
        email: "anna@gmina.pl",
        teryt: "0201011",
        group: "GWD Dolny Śląsk",
      },
    });
    expect(rows[1]).toMatchObject({ line: 4, cells: { firstName: "Jan", teryt: "1206", position: "Inspektor" } });
  });

  it("reads a Polish Excel CSV: semicolons, Windows-1250, a BOM-less file", async () => {
    const text = "Imię;Nazwisko;E-mail;JST\r\nŁucja;Źdźbło;lucja@gmina.pl;Kraków\r\n";
    const cp1250 = Buffer.from(encode1250(text));
    const rows = await rowsOf(cp1250);
    expect(rows).toEqual([
      { line: 2, cells: expect.objectContaining({ firstName: "Łucja", lastName: "Źdźbło", jstName: "Kraków" }) },
    ]);
  });

  it("reads a UTF-8 CSV with a BOM and commas", async () => {
    const rows = await rowsOf(
      Buffer.from("\uFEFFImię i nazwisko,E-mail,Kod TERYT\nJan Kowalski,jan@x.pl,1261\n", "utf8"),
    );
    expect(rows[0]?.cells).toMatchObject({ fullName: "Jan Kowalski", email: "jan@x.pl", teryt: "1261" });
  });

  it("says which columns are missing, in Polish", async () => {
    await expect(rowsOf(Buffer.from("Imię;Nazwisko;Telefon\nA;B;1\n"))).rejects.toThrow(
      "W pierwszym wierszu arkusza brakuje kolumn: e-mail, kod TERYT albo nazwa JST.",
    );
    await expect(rowsOf(Buffer.from(""))).rejects.toThrow("Arkusz jest pusty.");
  });

  it("refuses a broken XLSX with advice instead of a crash", async () => {
    await expect(rowsOf(Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(40)]))).rejects.toThrow(
      /Nie udało się odczytać pliku XLSX/,
    );
  });

  it("gives TERYT codes their leading zero back", () => {
    expect(restoreTerytZeros("201011")).toBe("0201011");
    expect(restoreTerytZeros("201")).toBe("0201");
    expect(restoreTerytZeros("2")).toBe("02");
    expect(restoreTerytZeros("1261011")).toBe("1261011");
    expect(restoreTerytZeros("Kraków")).toBe("Kraków");
  });
});

/** Windows-1250 bytes of Polish text (what Polish Excel writes for "CSV"). */
function encode1250(text: string): number[] {
  const table: Record<string, number> = {
    Ł: 0xa3,
    ł: 0xb3,
    Ź: 0x8f,
    ź: 0x9f,
    ę: 0xea,
    ó: 0xf3,
    ż: 0xbf,
    ś: 0x9c,
    ć: 0xe6,
    ą: 0xb9,
    ń: 0xf1,
    Ż: 0xaf,
    Ś: 0x8c,
  };
  return [...text].map((char) => table[char] ?? char.charCodeAt(0));
}
