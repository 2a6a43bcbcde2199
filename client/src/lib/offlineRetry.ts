/**
 * Waits for the network to come back before a post that could not be sent is tried again: the
 * browser's `online` event, or (because `navigator.onLine` can be wrong) a retry every so often.
 * Rejects with an AbortError when the person cancels.
 */
const FALLBACK_RETRY_MS = 20_000;

export function waitForConnection(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Anulowano", "AbortError"));
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      signal.removeEventListener("abort", aborted);
      resolve();
    };
    const aborted = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      reject(new DOMException("Anulowano", "AbortError"));
    };
    const timer = setTimeout(done, FALLBACK_RETRY_MS);
    window.addEventListener("online", done);
    signal.addEventListener("abort", aborted, { once: true });
  });
}
