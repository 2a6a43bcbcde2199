import { loadConfig } from "../config.js";
import { MAP_WIDTH, polandShapes } from "./polandMapShapes.js";

describe("the map of Poland", () => {
  it("projects the 16 voivodeships into the viewBox as compact SVG paths", async () => {
    const { width, height, shapes } = await polandShapes(loadConfig({}).VOIVODESHIPS_GEOJSON);
    expect(width).toBe(MAP_WIDTH);
    // Poland is a little wider than tall on a Mercator map.
    expect(height).toBeGreaterThan(500);
    expect(height).toBeLessThan(600);
    expect(shapes.map((shape) => shape.code)).toEqual([
      "02",
      "04",
      "06",
      "08",
      "10",
      "12",
      "14",
      "16",
      "18",
      "20",
      "22",
      "24",
      "26",
      "28",
      "30",
      "32",
    ]);
    for (const shape of shapes) {
      expect(shape.path).toMatch(/^M[\d.,L]+Z/);
      const numbers = [...shape.path.matchAll(/(\d+(?:\.\d)?),(\d+(?:\.\d)?)/g)].map(([, x, y]) => [
        Number(x),
        Number(y),
      ]);
      expect(numbers.length).toBeGreaterThan(20);
      for (const [x, y] of numbers) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height);
      }
      expect(shape.label.x).toBeGreaterThan(0);
      expect(shape.label.y).toBeGreaterThan(0);
    }
    // Geography survives: the coast (pomorskie) is north of the mountains (małopolskie), Lubusz west of Podlasie.
    const label = (code: string) => shapes.find((shape) => shape.code === code)!.label;
    expect(label("22").y).toBeLessThan(label("12").y);
    expect(label("08").x).toBeLessThan(label("20").x);
    // Simplified for ~600 px: the whole map stays small enough to send with every page view.
    expect(shapes.reduce((sum, shape) => sum + shape.path.length, 0)).toBeLessThan(120_000);
  });

  it("projects once and serves the cached result", async () => {
    const file = loadConfig({}).VOIVODESHIPS_GEOJSON;
    expect(await polandShapes(file)).toBe(await polandShapes(file));
  });
});
