import { readFile } from "node:fs/promises";
import { geoIdentity, geoMercator, geoPath } from "d3-geo";

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
  type: "Feature";
  properties: { JPT_KOD_JE: string; JPT_NAZWA_: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

const mercator = geoMercator().scale(1).translate([0, 0]);

/** Keeps a point only when it moved far enough from the last kept one (radial-distance simplification). */
function simplify(ring: Ring): Ring {
  const kept: Ring = [];
  for (const point of ring) {
    const last = kept.at(-1);
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_STEP) kept.push(point);
  }
  return kept;
}

const mapRings = (feature: Feature, change: (ring: Ring) => Ring): Feature => ({
  ...feature,
  geometry:
    feature.geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: feature.geometry.coordinates.map(change) }
      : { type: "MultiPolygon", coordinates: feature.geometry.coordinates.map((polygon) => polygon.map(change)) },
});

/**
 * Projects the voivodeships' GeoJSON (WGS84) with d3-geo's Mercator onto a MAP_WIDTH-wide plane, simplified for
 * ~600 px and rounded to tenths, as SVG path data. The rings are projected point by point first and then drawn on a
 * plane (geoIdentity): the file's ring orientation does not follow d3's spherical winding rule, and a plane has none.
 */
export function projectVoivodeships(geojson: { features: Feature[] }): PolandShapes {
  const onPlane = geojson.features.map((feature) =>
    mapRings(feature, (ring) => ring.map((point) => mercator(point) ?? [0, 0])),
  );
  const collection = { type: "FeatureCollection" as const, features: onPlane };
  // Fitted to the width (the height is left open), then moved up so that the top edge sits at PADDING.
  const plane = geoIdentity().fitExtent(
    [
      [PADDING, PADDING],
      [MAP_WIDTH - PADDING, 100 * MAP_WIDTH],
    ],
    collection,
  );
  const [[, top], [, bottom]] = geoPath(plane).bounds(collection);
  const [shiftX, shiftY] = plane.translate();
  plane.translate([shiftX, shiftY + PADDING - top]);
  const height = Math.ceil(bottom - top + 2 * PADDING);
  const inView = onPlane.map((feature) =>
    mapRings(feature, (ring) => simplify(ring.map((point) => plane(point) ?? [0, 0]))),
  );
  const draw = geoPath().digits(1);
  const shapes = inView.map((feature) => {
    const [x, y] = draw.centroid(feature);
    return {
      code: feature.properties.JPT_KOD_JE,
      name: feature.properties.JPT_NAZWA_,
      path: draw(feature) ?? "",
      label: { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 },
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
