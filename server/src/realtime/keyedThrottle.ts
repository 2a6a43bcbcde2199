/**
 * Runs `task(key)` at most once per `intervalMs` for each key: the first call runs at once, calls
 * during the pause are folded into one run at its end (so the last change is never lost). Used for
 * live pushes of vote counts: 300 voters then cause a few pushes per second, not one each.
 */
export function keyedThrottle(intervalMs: number, task: (key: string) => void): (key: string) => void {
  const pausedUntil = new Map<string, number>();
  const pending = new Set<string>();

  const run = (key: string) => {
    pausedUntil.set(key, Date.now() + intervalMs);
    task(key);
    setTimeout(() => {
      if (pending.delete(key)) run(key);
      else pausedUntil.delete(key);
    }, intervalMs).unref();
  };

  return (key: string) => {
    if ((pausedUntil.get(key) ?? 0) > Date.now() || pending.has(key)) pending.add(key);
    else run(key);
  };
}
