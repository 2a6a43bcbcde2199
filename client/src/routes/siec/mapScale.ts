/** One colour of the map: counts from..to, drawn in `fill` with numbers in `ink` (both pass AA against each other). */
export interface ScaleStep {
  from: number;
  to: number;
  fill: string;
  ink: string;
}

const NONE: Omit<ScaleStep, "from" | "to"> = { fill: "#f3f5f8", ink: "#1b1f24" };
// Light to dark blue; the numbers are dark on the light two and white on the dark two (contrast ≥ 4.5:1).
const SHADES: Omit<ScaleStep, "from" | "to">[] = [
  { fill: "#cfe0f0", ink: "#1b1f24" },
  { fill: "#8fb8dc", ink: "#1b1f24" },
  { fill: "#2f6fa8", ink: "#ffffff" },
  { fill: "#0b3d6b", ink: "#ffffff" },
];

/** Splits 1..max into up to four equal bands (0 has its own "none" colour). */
export function mapScale(counts: number[]): { steps: ScaleStep[]; stepOf: (count: number) => ScaleStep } {
  const max = Math.max(0, ...counts);
  const bands = Math.min(SHADES.length, max);
  const steps: ScaleStep[] = [{ from: 0, to: 0, ...NONE }];
  for (let band = 0; band < bands; band++) {
    const from = Math.floor((band * max) / bands) + 1;
    const to = Math.floor(((band + 1) * max) / bands);
    steps.push({ from, to, ...(SHADES[band + SHADES.length - bands] ?? NONE) });
  }
  const stepOf = (count: number): ScaleStep =>
    steps.find((step) => count >= step.from && count <= step.to) ?? (steps[0] as ScaleStep);
  return { steps, stepOf };
}
