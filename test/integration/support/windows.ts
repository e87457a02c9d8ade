/**
 * Attempt limits count in fixed windows (platform/rate-limit.ts): a test that fills one waits, when the current
 * window is about to end, for the next one to begin — so its attempts all land in the same window (such a test
 * allows for the wait in its timeout).
 */
export async function clearOfWindowEdge(windowSeconds: number, marginSeconds = 60): Promise<void> {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < marginSeconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}
