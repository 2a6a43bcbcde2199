import { loadConfig } from "../config.js";
import { readTerytRegister } from "./terytRegister.js";

describe("readTerytRegister", () => {
  let units: Awaited<ReturnType<typeof readTerytRegister>>;
  beforeAll(async () => {
    units = await readTerytRegister(loadConfig({}).TERYT_CSV);
  });

  const countOf = (type: string) => units.filter((unit) => unit.type === type).length;

  it("reads every voivodeship, powiat, city with powiat rights and gmina, and nothing else", () => {
    expect(countOf("wojewodztwo")).toBe(16);
    expect(countOf("powiat")).toBe(314);
    expect(countOf("miasto_na_prawach_powiatu")).toBe(66);
    expect(countOf("gmina_miejska")).toBe(302);
    expect(countOf("gmina_wiejska")).toBe(1464);
    expect(countOf("gmina_miejsko_wiejska")).toBe(711);
    expect(units).toHaveLength(16 + 380 + 2477);
    expect(new Set(units.map((unit) => unit.teryt)).size).toBe(units.length);
  });

  it("builds the official codes and names", () => {
    expect(units).toContainEqual({
      teryt: "0201011",
      name: "Bolesławiec",
      type: "gmina_miejska",
      voivodeshipCode: "02",
      voivodeship: "dolnośląskie",
      searchName: "boleslawiec",
    });
    expect(units.find((unit) => unit.teryt === "1261")).toMatchObject({
      name: "Kraków",
      type: "miasto_na_prawach_powiatu",
    });
    expect(units.find((unit) => unit.teryt === "0201")).toMatchObject({ name: "powiat bolesławiecki", type: "powiat" });
    expect(units.find((unit) => unit.teryt === "10")).toMatchObject({ name: "łódzkie", searchName: "lodzkie" });
  });
});
