import { ApiRequestError, NETWORK_ERROR } from "./api";
import { onConnected } from "./realtime";

/**
 * Waits for the network to come back before a post that could not be sent is tried again: the
 * browser's `online` event, the live connection coming back, or (because `navigator.onLine` can
 * be wrong) a retry every so often.
 * Rejects with an AbortError when the person cancels.
 */
const FALLBACK_RETRY_MS = 20_000;

export function waitForConnection(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Anulowano", "AbortError"));
    const stopListening = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      stopWatchingSocket();
    };
    const done = () => {
      stopListening();
      signal.removeEventListener("abort", aborted);
      resolve();
    };
    const aborted = () => {
      stopListening();
      reject(new DOMException("Anulowano", "AbortError"));
    };
    const timer = setTimeout(done, FALLBACK_RETRY_MS);
    window.addEventListener("online", done);
    const stopWatchingSocket = onConnected(done);
    signal.addEventListener("abort", aborted, { once: true });
  });
}

/**
 * Sends, and while the network is gone keeps waiting and sending again until it works, fails
 * otherwise, or is cancelled (AbortError). The caller's payload carries a clientId, so however
 * many tries reach the server, the post is stored once.
 */
export async function sendWhenOnline<T>(
  send: () => Promise<T>,
  options: { signal: AbortSignal; onWaiting: () => void },
): Promise<T> {
  let waiting = false;
  for (;;) {
    try {
      return await send();
    } catch (cause) {
      if (!(cause instanceof ApiRequestError && cause.code === NETWORK_ERROR)) throw cause;
      if (!waiting) options.onWaiting();
      waiting = true;
      await waitForConnection(options.signal);
    }
  }
}

export const isCancelled = (cause: unknown): boolean => cause instanceof DOMException && cause.name === "AbortError";
