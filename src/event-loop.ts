// Long synchronous work on the bot's thread (ranking a weekly chunk of members) has to let timers and sockets in
// regularly: an interaction that arrives meanwhile is only deferred when its timer can fire, and Discord drops it after
// 3 seconds (issue 11).

/** Long enough that yielding costs nothing measurable, short next to the 1.5 s automatic defer. */
export const DEFAULT_SLICE_MS = 10;

/** Resolves after one turn of the event loop (timers, sockets and other I/O callbacks run first). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Returns `slice()`, to be awaited between items of a long loop: it yields to the event loop once `sliceMs` of work ran
 * since the last yield, and costs nothing otherwise (a short loop never yields).
 */
export function timeSlicer(
  sliceMs = DEFAULT_SLICE_MS,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < sliceMs) return;
    await yieldToEventLoop();
    since = now();
  };
}
