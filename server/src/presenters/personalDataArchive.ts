import { strToU8, zipSync, type Zippable } from "fflate";
import type { PersonalData } from "../queries/personalDataExport.js";
import { spreadsheetCsv } from "../infra/spreadsheetCsv.js";
import { warsawDateTime } from "../domain/warsawTime.js";

function readme(data: PersonalData, person: string, createdAt: Date): string {
  const lines = [
    "Forum Współpracy JST: moje dane",
    "",
    `Osoba: ${person}`,
    `Przygotowano: ${warsawDateTime(createdAt)} (czas polski)`,
    "",
    "To archiwum zawiera wszystkie dane, które forum przechowuje o Tobie (RODO art. 15: prawo dostępu,",
    "art. 20: prawo do przenoszenia danych). Każdy zbiór jest w dwóch postaciach:",
    "  - plik .json: pełne dane, w strukturze (do przeniesienia do innego systemu),",
    "  - plik .csv: płaska tabela do otwarcia w Excelu lub LibreOffice (UTF-8, średniki).",
    "Czasy w plikach .json są w UTC (ISO 8601), w plikach .csv w czasie polskim.",
    "Inne osoby występują tu najwyżej z imienia i nazwiska, gdy to część Twoich danych (np. kto wysłał powiadomienie).",
    "",
    "Pliki:",
    ...data.datasets.map(
      (dataset) =>
        `  ${dataset.file}.json, ${dataset.tables.map((table) => table.file).join(", ")}: ${dataset.description}`,
    ),
    "  uploads/: przesłane przez Ciebie pliki, w postaci, w jakiej je przechowujemy",
    "",
    "Pytania o Twoje dane: skontaktuj się z administratorem forum (zob. polityka prywatności: /polityka-prywatnosci).",
    "",
  ];
  return lines.join("\r\n");
}

/** The person's data as one ZIP: README.txt, a .json and .csv per dataset, and their files under uploads/. */
export function personalDataArchive(data: PersonalData, person: string, createdAt: Date): Uint8Array {
  const mtime = createdAt;
  const entries: Zippable = { "README.txt": [strToU8(readme(data, person, createdAt)), { mtime }] };
  for (const dataset of data.datasets) {
    entries[`${dataset.file}.json`] = [strToU8(JSON.stringify(dataset.json, null, 2)), { mtime }];
    for (const table of dataset.tables) {
      entries[table.file] = [strToU8(spreadsheetCsv(table.header, table.rows)), { mtime }];
    }
  }
  // Uploads are mostly compressed already (PDF, Office, images): storing them is as small and much faster.
  for (const file of data.files) entries[file.path] = [file.content, { level: 0, mtime }];
  return zipSync(entries, { level: 6 });
}
