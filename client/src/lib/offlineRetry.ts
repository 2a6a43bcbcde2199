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

/** How long to wait before sending again after a retryable refusal (the server asks for 5 s). */
const RETRYABLE_WAIT_MS = 5_000;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Anulowano", "AbortError"));
    const aborted = () => {
      clearTimeout(timer);
      reject(new DOMException("Anulowano", "AbortError"));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", aborted);
      resolve();
    }, ms);
    signal.addEventListener("abort", aborted, { once: true });
  });
}

/**
 * Sends, and while the network is gone (or the server says its database is away for a moment,
 * a retryable refusal) keeps waiting and sending again until it works, fails otherwise, or is
 * cancelled (AbortError). `onWaiting` gets the server's message for a retryable refusal, "" when
 * offline. The caller's payload carries a clientId, so however many tries reach the server, the
 * post is stored once.
 */
export async function sendWhenOnline<T>(
  send: () => Promise<T>,
  options: { signal: AbortSignal; onWaiting: (serverMessage: string) => void },
): Promise<T> {
  for (;;) {
    try {
      return await send();
    } catch (cause) {
      if (!(cause instanceof ApiRequestError)) throw cause;
      if (cause.retryable) {
        options.onWaiting(cause.message);
        await pause(RETRYABLE_WAIT_MS, options.signal);
        continue;
      }
      if (cause.code !== NETWORK_ERROR) throw cause;
      options.onWaiting("");
      await waitForConnection(options.signal);
    }
  }
}

export const isCancelled = (cause: unknown): boolean => cause instanceof DOMException && cause.name === "AbortError";
