import type { JstType } from "@forum/shared";
import { foldPolish } from "@forum/shared";
import { jstNameKey, matchJst, type MatchableJst } from "./jstMatching.js";

const unit = (teryt: string, name: string, type: JstType): MatchableJst => ({
  teryt,
  name,
  type,
  searchName: foldPolish(name),
});
const UNITS = [
  unit("12", "małopolskie", "wojewodztwo"),
  unit("1206", "powiat krakowski", "powiat"),
  unit("1261", "Kraków", "miasto_na_prawach_powiatu"),
  unit("1261011", "Kraków", "gmina_miejska"),
  unit("1213062", "Kozy", "gmina_wiejska"),
  unit("2417022", "Kozy", "gmina_wiejska"),
  unit("1218043", "Andrychów", "gmina_miejsko_wiejska"),
];
const BY_TERYT = new Map(UNITS.map((jst) => [jst.teryt, jst]));
const match = (teryt: string, name: string) => matchJst({ teryt, name }, UNITS, BY_TERYT);

describe("matching a participant's JST", () => {
  it("takes the TERYT code first, and calls an unknown code unknown", () => {
    expect(match("1206", "cokolwiek")).toEqual({ kind: "found", jst: BY_TERYT.get("1206") });
    expect(match("9999", "Andrychow")).toMatchObject({ kind: "unknown", suggestions: [BY_TERYT.get("1218043")] });
  });

  it("reads a city with powiat rights and its own gmina as the city", () => {
    expect(match("", "Kraków")).toEqual({ kind: "found", jst: BY_TERYT.get("1261") });
    expect(match("", "Urząd Miasta Krakowa")).toMatchObject({ kind: "unknown" });
    expect(match("", "Miasto Kraków")).toEqual({ kind: "found", jst: BY_TERYT.get("1261") });
  });

  it("lists every unit of the same name when the name alone cannot tell", () => {
    const result = match("", "Gmina Kozy");
    expect(result.kind).toBe("ambiguous");
    expect(result.kind === "ambiguous" && result.candidates.map((jst) => jst.teryt)).toEqual(["1213062", "2417022"]);
  });

  it("suggests units for a misspelt name and knows a missing one", () => {
    const result = match("", "Andrychowa");
    expect(result).toMatchObject({ kind: "unknown", suggestions: [BY_TERYT.get("1218043")] });
    expect(match("", "  ")).toEqual({ kind: "missing" });
  });

  it("drops office prefixes and keeps their type", () => {
    expect(jstNameKey("Urząd Gminy Kozy")).toEqual({
      key: "kozy",
      types: ["gmina_miejska", "gmina_wiejska", "gmina_miejsko_wiejska"],
    });
    expect(jstNameKey("Powiat Krakowski")).toEqual({ key: "powiat krakowski", types: null });
  });
});
