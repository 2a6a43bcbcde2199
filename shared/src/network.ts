import type { JstSummary, TagView } from "./api.js";

/** One voivodeship on the network's map: its outline (SVG path in the map's viewBox) and what the network has there. */
export interface MapRegion {
  /** Two-digit TERYT code. */
  code: string;
  name: string;
  path: string;
  /** Where a number can be printed inside the region (its centroid), in viewBox units. */
  label: { x: number; y: number };
  /** JSTs in the network there: JSTs of the groups plus the JSTs of the groups' members. */
  jsts: number;
  /** Published practices carried out by a JST of this voivodeship. */
  practices: number;
}

export interface NetworkMap {
  width: number;
  height: number;
  regions: MapRegion[];
}

/** A person in the leaders' directory (only those who opted in). */
export interface LeaderView {
  id: string;
  name: string;
  username: string;
  jst: (JstSummary & { voivodeshipCode: string }) | null;
  position: string | null;
  expertise: TagView[];
  practices: { count: number; items: { id: string; title: string }[] };
  groups: { slug: string; name: string }[];
}

export interface LeaderPage {
  leaders: LeaderView[];
  total: number;
  page: number;
  pageCount: number;
}
