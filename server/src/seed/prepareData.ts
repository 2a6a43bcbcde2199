import type { Config } from "../config.js";
import type { DatabaseHandle } from "../db/findDatabase.js";
import { User } from "../models/User.js";
import { importTaxonomy } from "./importTaxonomy.js";
import { assignMissingUsernames } from "../queries/usernames.js";
import { importTeryt } from "./importTeryt.js";
import { seedDemo, type SeedReport } from "./seedDemo.js";
import { giveGroupsTheirCohorts } from "../jobs/groupCohorts.js";

/** At every start: the TERYT catalogue is complete; on an empty embedded database, the demo is there. */
export async function prepareData(options: {
  config: Config;
  database: Pick<DatabaseHandle, "kind">;
  say: (message: string) => void;
}): Promise<SeedReport | null> {
  const { config, database, say } = options;
  if ((await assignMissingUsernames()) > 0) await User.createIndexes();
  const empty = (await User.estimatedDocumentCount()) === 0;
  const taxonomy = await importTaxonomy();
  if (taxonomy.inserted > 0) say(`Utworzono startową taksonomię tagów: ${taxonomy.inserted} tagów.`);
  const seed = config.SEED_DEMO === "always" || (config.SEED_DEMO === "auto" && database.kind !== "external" && empty);
  if (!seed) {
    const teryt = await importTeryt(config.TERYT_CSV);
    if (teryt.inserted > 0) say(`Zaimportowano rejestr TERYT: ${teryt.inserted} jednostek.`);
    const given = await giveGroupsTheirCohorts();
    if (given > 0) say(`Przypisano edycje programu do ${given} grup.`);
    return null;
  }
  say("Przygotowywanie danych demonstracyjnych…");
  const report = await seedDemo({ terytCsv: config.TERYT_CSV });
  printSeedReport(report, say);
  return report;
}

export function printSeedReport(report: SeedReport, say: (message: string) => void): void {
  say(`Rejestr TERYT: ${report.jsts.total} jednostek (nowych: ${report.jsts.inserted}).`);
  const created = report.created;
  say(
    `Dane demonstracyjne — utworzono: użytkownicy ${created.users}, grupy ${created.groups}, kategorie ${created.categories}, wątki ${created.threads}, wpisy ${created.posts}, spotkania ${created.meetings}.`,
  );
  say("Konta demonstracyjne (hasło dla wszystkich: " + (report.logins[0]?.password ?? "") + "):");
  for (const login of report.logins) say(`  ${login.role.padEnd(9)} ${login.email}`);
}
