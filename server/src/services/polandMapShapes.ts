import { readFile } from "node:fs/promises";

/** Size of the map's SVG viewBox; about the width it is drawn at, so one unit ≈ one pixel. */
export const MAP_WIDTH = 600;
const PADDING = 4;
/** Points closer than this to the previous kept point (in viewBox units) are dropped: invisible at ~600 px. */
const MIN_STEP = 1.2;

export interface VoivodeshipShape {
  code: string;
  name: string;
  path: string;
  label: { x: number; y: number };
}

export interface PolandShapes {
  width: number;
  height: number;
  shapes: VoivodeshipShape[];
}

type Ring = [number, number][];
interface Feature {
  properties: { JPT_KOD_JE: string; JPT_NAZWA_: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

/** Spherical Mercator (longitude and latitude in degrees → plane); enough for one country's outline. */
const mercator = ([longitude, latitude]: [number, number]): [number, number] => [
  (longitude * Math.PI) / 180,
  -Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)),
];

const round = (value: number): number => Math.round(value * 10) / 10;

/** Keeps a point only when it moved far enough from the last kept one (radial-distance simplification). */
function simplify(ring: [number, number][]): [number, number][] {
  const kept: [number, number][] = [];
  for (const point of ring) {
    const last = kept.at(-1);
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_STEP) kept.push(point);
  }
  return kept;
}

/** Area-weighted centroid of the largest ring: a point inside any roughly convex region. */
function centroid(ring: [number, number][]): { x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let index = 0; index < ring.length; index++) {
    const [x0, y0] = ring[index] as [number, number];
    const [x1, y1] = ring[(index + 1) % ring.length] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return { x: round(x / (3 * area)), y: round(y / (3 * area)) };
}

const polygonsOf = (feature: Feature): Ring[][] =>
  feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;

/**
 * Projects the voivodeships' GeoJSON (WGS84) onto a MAP_WIDTH-wide plane fitted to Poland's bounds, simplified and
 * rounded to tenths, as SVG path data. A hand-written Mercator fit: a planar projection of one country needs no
 * spherical clipping or winding rules (which a general GIS library would impose).
 */
export function projectVoivodeships(geojson: { features: Feature[] }): PolandShapes {
  const projected = geojson.features.map((feature) => ({
    feature,
    polygons: polygonsOf(feature).map((polygon) => polygon.map((ring) => ring.map(mercator))),
  }));
  const points = projected.flatMap(({ polygons }) => polygons.flat(2));
  const minX = Math.min(...points.map(([x]) => x));
  const maxX = Math.max(...points.map(([x]) => x));
  const minY = Math.min(...points.map(([, y]) => y));
  const maxY = Math.max(...points.map(([, y]) => y));
  const scale = (MAP_WIDTH - 2 * PADDING) / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale + 2 * PADDING);
  const toView = ([x, y]: [number, number]): [number, number] => [
    round((x - minX) * scale + PADDING),
    round((y - minY) * scale + PADDING),
  ];
  const shapes = projected.map(({ feature, polygons }) => {
    const rings = polygons.flatMap((polygon) => polygon.map((ring) => simplify(ring.map(toView))));
    const path = rings
      .filter((ring) => ring.length >= 3)
      .map((ring) => `M${ring.map(([x, y]) => `${x} ${y}`).join("L")}Z`)
      .join("");
    const outer = polygons.map((polygon) => (polygon[0] ?? []).map(toView));
    const largest = outer.reduce((best, ring) => (ring.length > best.length ? ring : best), [] as [number, number][]);
    return {
      code: feature.properties.JPT_KOD_JE,
      name: feature.properties.JPT_NAZWA_,
      path,
      label: centroid(largest),
    };
  });
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return { width: MAP_WIDTH, height, shapes };
}

const cache = new Map<string, Promise<PolandShapes>>();

/** The projected map, computed once per file and kept in memory. */
export function polandShapes(geojsonPath: string): Promise<PolandShapes> {
  let shapes = cache.get(geojsonPath);
  if (!shapes) {
    shapes = readFile(geojsonPath, "utf8").then((text) =>
      projectVoivodeships(JSON.parse(text) as { features: Feature[] }),
    );
    shapes.catch(() => cache.delete(geojsonPath));
    cache.set(geojsonPath, shapes);
  }
  return shapes;
}
