import type { JstSummary } from "@forum/shared";
import type { JstDocument } from "../queries/jstCatalogue.js";

export const presentJst = (jst: JstDocument): JstSummary => ({
  teryt: jst.teryt,
  name: jst.name,
  type: jst.type,
  voivodeship: jst.voivodeship,
  powiat: jst.powiat,
});
