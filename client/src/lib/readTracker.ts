import { callEndpoint, endpoints } from "./endpoints";

/** How long scrolling may go on before the furthest post seen is sent. */
const SEND_DELAY_MS = 1_500;

/**
 * Remembers the furthest post the reader has seen in a thread and tells the server, at most
 * every SEND_DELAY_MS and only when it moved forwards (the server never moves it back anyway).
 */
export function trackReading(threadId: string, alreadyRead: number) {
  let sent = alreadyRead;
  let furthest = alreadyRead;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function send(): void {
    timer = undefined;
    if (furthest <= sent) return;
    const number = furthest;
    sent = number;
    callEndpoint(endpoints.threads.markRead, { params: { id: threadId }, body: { number } }).catch(() => {
      // Offline or signed out: the next post seen tries again.
      if (sent === number) sent = Math.min(sent, number - 1);
    });
  }

  return {
    /** A post came into view. */
    seen(number: number): void {
      if (number <= furthest) return;
      furthest = number;
      timer ??= setTimeout(send, SEND_DELAY_MS);
    },
    /** Leaving the thread: send what is pending now. */
    stop(): void {
      clearTimeout(timer);
      send();
    },
  };
}
