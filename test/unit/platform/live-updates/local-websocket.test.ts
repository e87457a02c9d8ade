// The local live updates over real sockets on 127.0.0.1: `ws` clients (and raw TCP ones, to be a client that never
// answers pings or never reads) against the HTTP server @hono/node-server makes for npm start.
import type { Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  createLocalLiveUpdates,
  type LocalLiveUpdates,
  type LocalLiveUpdatesOptions,
} from '../../../../functions/platform/live-updates/local-websocket.js';
import type { LiveTopicsResolver } from '../../../../functions/platform/live-updates/port.js';
import type { Logger } from '../../../../functions/platform/logger.js';
import { ProblemError } from '../../../../functions/platform/problem-details.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const PATH = '/api/tracking/live';

/** A resolver that hears the topics named in `?topics=a,b`, and refuses `?refuse=401|403`. */
const byQuery: LiveTopicsResolver = async (request) => {
  const query = new URL(request.url).searchParams;
  const refusal = query.get('refuse');
  if (refusal === '401') throw new ProblemError(401, 'unauthenticated');
  if (refusal === '403') throw new ProblemError(403, 'forbidden', 'Operators hear their own fleet only.');
  return (query.get('topics') ?? '').split(',').filter((topic) => topic !== '');
};

let running: { server: Server; live: LocalLiveUpdates; port: number } | null = null;
const clients: { close(): void }[] = [];

async function start(
  options: Partial<LocalLiveUpdatesOptions> = {},
  resolve: LiveTopicsResolver = byQuery,
): Promise<{ live: LocalLiveUpdates; port: number }> {
  const app = new Hono().get('/api/health', (context) => context.json({ ok: true }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolveListening) => server.once('listening', () => resolveListening()));
  const live = createLocalLiveUpdates({ logger: silent, ...options });
  live.attach(server, [{ path: PATH, resolve }]);
  const { port } = server.address() as AddressInfo;
  running = { server, live, port };
  return { live, port };
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  if (!running) return;
  const { server, live } = running;
  running = null;
  live.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Messages a client receives, in order, and a way to wait for the next. */
function inbox(socket: WebSocket) {
  const received: Record<string, unknown>[] = [];
  const waiting: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const wake of waiting.splice(0)) wake();
  });
  return {
    received,
    async next(count = received.length + 1): Promise<Record<string, unknown>> {
      while (received.length < count) await new Promise<void>((wake) => waiting.push(wake));
      return received[count - 1] as Record<string, unknown>;
    },
  };
}

/** Opens a client and waits for its ready message. */
async function listen(port: number, query: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${PATH}?${query}`, { headers });
  clients.push(socket);
  const messages = inbox(socket);
  const ready = await messages.next(1);
  return { socket, messages, ready };
}

/** The HTTP answer to a handshake that did not become a connection. */
async function refusedHandshake(url: string) {
  const socket = new WebSocket(url);
  clients.push(socket);
  return new Promise<{ status: number; contentType: string; body: Record<string, unknown> }>(
    (resolve, reject) => {
      socket.on('open', () => reject(new Error('the connection opened')));
      socket.on('error', () => undefined);
      socket.on('unexpected-response', (_request, response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type']),
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      });
    },
  );
}

/** A WebSocket handshake over a bare TCP socket: a client that reads only when it wants and never answers pings. */
async function rawClient(port: number, query: string): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  clients.push({ close: () => socket.destroy() });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    [
      `GET ${PATH}?${query} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const answer = await new Promise<string>((resolve) =>
    socket.once('data', (chunk) => resolve(String(chunk))),
  );
  expect(answer).toMatch(/^HTTP\/1\.1 101 /);
  return socket;
}

const closed = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

describe('local live updates: opening a connection', () => {
  it('sends the ready message with the topics the resolver chose from the request', async () => {
    const seen: Request[] = [];
    const { port } = await start({}, async (request) => {
      seen.push(request);
      return ['tracking.boat.halong-star', 'tracking.operator.bai-chay'];
    });
    const { ready } = await listen(port, 'booking=HL7K3M9Q2A&token=secret', {
      Cookie: 'halong_session=abc',
      Authorization: 'Bearer token-1',
    });
    expect(ready).toEqual({
      type: 'ready',
      topics: ['tracking.boat.halong-star', 'tracking.operator.bai-chay'],
    });
    const request = seen[0] as Request;
    expect(request.url).toBe(`http://127.0.0.1:${port}${PATH}?booking=HL7K3M9Q2A&token=secret`);
    expect(request.headers.get('cookie')).toBe('halong_session=abc');
    expect(request.headers.get('authorization')).toBe('Bearer token-1');
  });

  it('refuses without credentials with 401 and a problem document, and never opens', async () => {
    const { live, port } = await start();
    const refusal = await refusedHandshake(`ws://127.0.0.1:${port}${PATH}?refuse=401`);
    expect(refusal.status).toBe(401);
    expect(refusal.contentType).toBe('application/problem+json');
    expect(refusal.body).toMatchObject({ type: '/problems/unauthenticated', status: 401, instance: PATH });
    expect(live.connectionCount()).toBe(0);
  });

  it('refuses a caller whose role does not allow it with 403 and the reason', async () => {
    const { port } = await start();
    const refusal = await refusedHandshake(`ws://127.0.0.1:${port}${PATH}?refuse=403`);
    expect(refusal.status).toBe(403);
    expect(refusal.body).toMatchObject({
      type: '/problems/forbidden',
      detail: 'Operators hear their own fleet only.',
    });
  });

  it('answers a resolver failure with 500, telling nothing of it, and logs it', async () => {
    const error = vi.fn();
    const { port } = await start({ logger: { ...silent, error } }, async () => {
      throw new Error('table missing');
    });
    const refusal = await refusedHandshake(`ws://127.0.0.1:${port}${PATH}`);
    expect(refusal.status).toBe(500);
    expect(JSON.stringify(refusal.body)).not.toContain('table missing');
    expect(error).toHaveBeenCalledWith('live updates: topics resolver failed', expect.anything());
  });

  it('answers an upgrade to a path with no endpoint 404', async () => {
    const { port } = await start();
    const refusal = await refusedHandshake(`ws://127.0.0.1:${port}/api/nothing-here`);
    expect(refusal.status).toBe(404);
    expect(refusal.body).toMatchObject({ type: '/problems/not-found' });
  });

  it('refuses connections past the cap with 503, and accepts again once one closes', async () => {
    const { live, port } = await start({ maxConnections: 2 });
    const first = await listen(port, 'topics=a');
    await listen(port, 'topics=a');
    const refusal = await refusedHandshake(`ws://127.0.0.1:${port}${PATH}?topics=a`);
    expect(refusal.status).toBe(503);
    expect(refusal.body).toMatchObject({ type: '/problems/live-updates-full' });
    first.socket.close();
    await vi.waitFor(() => expect(live.connectionCount()).toBe(1));
    await listen(port, 'topics=a');
  });

  it('serves HTTP requests on the same server as before', async () => {
    const { port } = await start();
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('local live updates: publishing', () => {
  it('sends a message to every connection hearing one of its topics, once each, and to no other', async () => {
    const { live, port } = await start();
    const operator = await listen(port, 'topics=tracking.operator.bai-chay');
    const boat = await listen(port, 'topics=tracking.boat.halong-star');
    const authority = await listen(
      port,
      'topics=tracking,tracking.operator.bai-chay,tracking.boat.halong-star',
    );

    const position = { type: 'boat', boat: { boatId: 'halong-star', speedKnots: 7.5 } };
    const topics = ['tracking', 'tracking.operator.bai-chay', 'tracking.boat.halong-star'];
    expect(await live.publish(topics, position)).toEqual({ delivered: 3 });
    const alert = { type: 'alert', alert: { kind: 'sos' } };
    expect(await live.publish(['tracking', 'tracking.operator.bai-chay'], alert)).toEqual({ delivered: 2 });
    expect(await live.publish(['tracking.boat.somewhere-else'], alert)).toEqual({ delivered: 0 });

    expect(await operator.messages.next(3)).toEqual(alert);
    expect(await authority.messages.next(3)).toEqual(alert);
    // A marker after both publishes: once it arrives, the boat's connection has received all it ever will.
    await live.publish(['tracking.boat.halong-star'], { type: 'marker' });
    expect(await boat.messages.next(3)).toEqual({ type: 'marker' });
    expect(boat.messages.received.slice(1)).toEqual([position, { type: 'marker' }]);
    expect(authority.messages.received.slice(1, 3)).toEqual([position, alert]);
  });

  it('answers hello with the ready message again', async () => {
    const { port } = await start();
    const { socket, messages } = await listen(port, 'topics=tracking');
    socket.send(JSON.stringify({ action: 'hello' }));
    expect(await messages.next(2)).toEqual({ type: 'ready', topics: ['tracking'] });
  });

  it('forgets a closed connection', async () => {
    const { live, port } = await start();
    const { socket } = await listen(port, 'topics=tracking');
    socket.close();
    await vi.waitFor(() => expect(live.connectionCount()).toBe(0));
    expect(await live.publish(['tracking'], { type: 'boat' })).toEqual({ delivered: 0 });
  });

  it('terminates a connection that stops answering pings', async () => {
    const { live, port } = await start({ heartbeatIntervalMs: 50 });
    const healthy = await listen(port, 'topics=tracking');
    const dead = await rawClient(port, 'topics=tracking');
    await vi.waitFor(() => expect(live.connectionCount()).toBe(2));
    // The raw client reads the pings and never answers: after two heartbeats the server ends it.
    dead.on('data', () => undefined);
    await closed(dead);
    expect(live.connectionCount()).toBe(1);
    expect(await live.publish(['tracking'], { type: 'boat' })).toEqual({ delivered: 1 });
    expect(await healthy.messages.next(2)).toEqual({ type: 'boat' });
  });

  it('drops a consumer that stops reading instead of buffering for it, and keeps serving the others', async () => {
    const { live, port } = await start({ maxBufferedBytes: 512 * 1024 });
    const healthy = await listen(port, 'topics=tracking');
    const slow = await rawClient(port, 'topics=tracking');
    await vi.waitFor(() => expect(live.connectionCount()).toBe(2));
    slow.pause();
    const slowClosed = closed(slow);
    const message = { type: 'boat', padding: 'x'.repeat(100_000) };
    let published = 0;
    // The loopback's kernel buffers take a few megabytes before the server's own queue starts to grow.
    while (live.connectionCount() === 2 && published < 400) {
      await live.publish(['tracking'], message);
      published += 1;
      await healthy.messages.next(1 + published);
    }
    expect(live.connectionCount()).toBe(1);
    slow.resume();
    await slowClosed;
    expect(await live.publish(['tracking'], { type: 'after' })).toEqual({ delivered: 1 });
    expect(await healthy.messages.next(published + 2)).toEqual({ type: 'after' });
  });

  it('closes every connection with 1001 when stopped', async () => {
    const { live, port } = await start();
    const { socket } = await listen(port, 'topics=tracking');
    const code = new Promise<number>((resolve) => socket.once('close', (closeCode) => resolve(closeCode)));
    live.close();
    expect(await code).toBe(1001);
    expect(live.connectionCount()).toBe(0);
  });
});
