// The live-updates WebSocket of the map: opened on the page's origin (or the URL the page names), every message
// read as a LiveMessage, reopened after a drop with a growing delay, and its state told to the page. A staff page
// first asks for a minute-long connect token with its session cookie and opens the socket with it: on AWS the
// socket's host never gets the cookie (functions/platform/live-updates/connect-token.ts).
import type { LiveMessage } from '../../../functions/tracking/live/model';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Milliseconds before reconnect attempt `attempt` (1, 2, …): 1 s doubling to 30 s, with up to 20 % jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * The WebSocket URL: `configured` when the page gives an absolute one (the API Gateway's on AWS); a path (with its
 * query) or nothing means this origin, `/api/tracking/live` by default.
 */
export function liveUrl(
  configured: string | undefined,
  location: Pick<Location, 'protocol' | 'host'>,
): string {
  if (configured && /^wss?:\/\//.test(configured)) return configured;
  const path = configured?.startsWith('/') ? configured : '/api/tracking/live';
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** Reads one message; null for anything that is not a LiveMessage the map knows. */
export function parseLiveMessage(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as { type?: unknown };
    if (message.type === 'ready' || message.type === 'boat' || message.type === 'alert')
      return message as LiveMessage;
  } catch {
    // A malformed frame is skipped; the next one will do.
  }
  return null;
}

/** Where staff pages ask for a connect token (POST, the session cookie sent). */
export const LIVE_TOKEN_PATH = '/api/tracking/live/token';

/** `url` with a fresh connect token from `tokenUrl` in its query. */
export async function withConnectToken(
  url: string,
  tokenUrl: string,
  fetchToken: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchToken(tokenUrl, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`The live-updates token was refused (${response.status}).`);
  const { token } = (await response.json()) as { token: string };
  const address = new URL(url);
  address.searchParams.set('token', token);
  return address.href;
}

/**
 * Opens the connection and keeps it open until the returned function is called. With `tokenUrl` (staff pages), a
 * connect token is asked for before each attempt; a refused or failed request is retried like a dropped socket.
 */
export function connectLive(
  url: string,
  onMessage: (message: LiveMessage) => void,
  onStatus: (status: LiveStatus) => void,
  { tokenUrl }: { tokenUrl?: string } = {},
): () => void {
  let socket: WebSocket | null = null;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const retry = () => {
    if (closed) return;
    attempts += 1;
    onStatus('reconnecting');
    timer = setTimeout(open, reconnectDelay(attempts));
  };
  const open = async () => {
    onStatus(attempts === 0 ? 'connecting' : 'reconnecting');
    let address = url;
    if (tokenUrl) {
      try {
        address = await withConnectToken(url, tokenUrl);
      } catch {
        retry();
        return;
      }
      if (closed) return;
    }
    socket = new WebSocket(address);
    socket.addEventListener('open', () => {
      attempts = 0;
      onStatus('live');
    });
    socket.addEventListener('message', (event) => {
      const message = parseLiveMessage(event.data);
      if (message) onMessage(message);
    });
    socket.addEventListener('close', retry);
  };
  void open();
  return () => {
    closed = true;
    clearTimeout(timer);
    socket?.close();
  };
}
