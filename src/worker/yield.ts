/**
 * Lets a busy worker answer messages (cancel, memory) between training steps. A MessageChannel
 * round trip costs ~0.02 ms, unlike tf.nextFrame (rAF: ~16 ms, paused in hidden tabs; TFJS.md §0.7).
 */
export function createYielder(everyMs = 50): () => Promise<void> {
  const channel = new MessageChannel();
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < everyMs) return Promise.resolve();
    last = now;
    return new Promise<void>((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  };
}

/** Passes through at most one event per interval, but always the ones `important` marks. */
export function throttle<E>(
  send: (e: E) => void,
  everyMs: number,
  important: (e: E) => boolean,
): (e: E) => void {
  let last = -Infinity;
  return (e) => {
    const now = performance.now();
    if (!important(e) && now - last < everyMs) return;
    last = now;
    send(e);
  };
}
