import { jest } from "@jest/globals";
import { keyedThrottle } from "./keyedThrottle.js";

describe("keyedThrottle", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("runs the first call at once and folds a burst into one run at the end of the pause", () => {
    const runs: string[] = [];
    const push = keyedThrottle(500, (key) => runs.push(key));
    push("a");
    expect(runs).toEqual(["a"]);
    for (let i = 0; i < 300; i += 1) push("a");
    expect(runs).toEqual(["a"]);
    jest.advanceTimersByTime(500);
    expect(runs).toEqual(["a", "a"]);
    // Nothing more was asked for: the pause ends without another run.
    jest.advanceTimersByTime(1_000);
    expect(runs).toEqual(["a", "a"]);
    push("a");
    expect(runs).toEqual(["a", "a", "a"]);
  });

  test("keeps keys apart", () => {
    const runs: string[] = [];
    const push = keyedThrottle(500, (key) => runs.push(key));
    push("a");
    push("b");
    push("a");
    expect(runs).toEqual(["a", "b"]);
    jest.advanceTimersByTime(500);
    expect(runs).toEqual(["a", "b", "a"]);
  });
});
