import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { foldPolish, type JstType } from "@forum/shared";

export interface TerytUnit {
  teryt: string;
  name: string;
  type: JstType;
  voivodeshipCode: string;
  voivodeship: string;
  searchName: string;
}

interface TercRow {
  WOJ: string;
  POW: string;
  GMI: string;
  RODZ: string;
  NAZWA: string;
  NAZWA_DOD: string;
}

/** RODZ codes of whole gminas; 4, 5, 8 and 9 are parts of a gmina or city districts, not JSTs. */
const GMINA_TYPES: Record<string, JstType> = {
  "1": "gmina_miejska",
  "2": "gmina_wiejska",
  "3": "gmina_miejsko_wiejska",
};

/** Powiat codes 61–99 are cities with powiat rights (miasta na prawach powiatu). */
const isCityWithPowiatRights = (powiatCode: string): boolean => Number(powiatCode) >= 61;

/** Reads the GUS TERC register and returns every voivodeship, powiat, city and gmina as a JST. */
export async function readTerytRegister(csvPath: string): Promise<TerytUnit[]> {
  const rows = parse(await readFile(csvPath, "utf8"), { columns: true, skip_empty_lines: true }) as TercRow[];
  const voivodeships = new Map<string, string>();
  for (const row of rows) {
    if (row.POW === "") voivodeships.set(row.WOJ, row.NAZWA.toLocaleLowerCase("pl"));
  }

  const units: TerytUnit[] = [];
  for (const row of rows) {
    const voivodeship = voivodeships.get(row.WOJ);
    if (voivodeship === undefined) throw new Error(`TERYT: brak województwa ${row.WOJ} dla ${row.NAZWA}`);
    const base = { voivodeshipCode: row.WOJ, voivodeship };
    if (row.POW === "") {
      units.push({
        ...base,
        teryt: row.WOJ,
        name: voivodeship,
        type: "wojewodztwo",
        searchName: foldPolish(voivodeship),
      });
    } else if (row.GMI === "") {
      const cityWithRights = isCityWithPowiatRights(row.POW);
      const name = cityWithRights ? row.NAZWA : `powiat ${row.NAZWA}`;
      units.push({
        ...base,
        teryt: row.WOJ + row.POW,
        name,
        type: cityWithRights ? "miasto_na_prawach_powiatu" : "powiat",
        searchName: foldPolish(name),
      });
    } else {
      const type = GMINA_TYPES[row.RODZ];
      if (type === undefined) continue;
      units.push({
        ...base,
        teryt: row.WOJ + row.POW + row.GMI + row.RODZ,
        name: row.NAZWA,
        type,
        searchName: foldPolish(row.NAZWA),
      });
    }
  }
  return units;
}
