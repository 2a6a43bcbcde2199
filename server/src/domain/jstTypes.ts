import type { JstType } from "@forum/shared";

/** JST types as a JST's name is followed by them ("Wieliczka (gmina miejsko-wiejska)"). */
export const JST_TYPE_NAMES: Record<JstType, string> = {
  wojewodztwo: "województwo",
  powiat: "powiat",
  miasto_na_prawach_powiatu: "miasto na prawach powiatu",
  gmina_miejska: "gmina miejska",
  gmina_wiejska: "gmina wiejska",
  gmina_miejsko_wiejska: "gmina miejsko-wiejska",
};
