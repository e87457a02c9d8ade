/**
 * The live-updates port in the local process (`npm start`, the tests, the benchmarks): a WebSocket endpoint on the
 * same HTTP server as the API, built on `ws`. It answers the HTTP `upgrade` of each registered path, asks the
 * path's resolver which topics the connection may hear (a 401/403 refusal is an ordinary HTTP answer with a
 * problem+json body, the connection never opens), and keeps a topic → connections index for `publish`.
 *
 * What keeps one process healthy with hundreds of browsers: a cap on connections; pings every
 * `heartbeatIntervalMs`, a connection that did not answer the previous one terminated; and no unbounded buffering
 * — a message is serialised once, and a connection whose unsent data passes `maxBufferedBytes` (a browser on a
 * stalled network) is dropped instead of queued for. The client reconnects and reads the current state again.
 */
import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import { ProblemError } from '../problem-details.js';
import { handshakeHeaders } from './handshake-headers.js';
import {
  isHelloMessage,
  type LiveRoute,
  type LiveUpdate,
  type LiveUpdatesPort,
  readyMessage,
} from './port.js';
import { checkedTopics, refusalOf, refusalResponse } from './refusal.js';

export interface LocalLiveUpdatesOptions {
  logger: Logger;
  /** Open connections (and handshakes under way) at most; more are answered 503. */
  maxConnections?: number;
  /** How often every connection is pinged; one silent for a whole interval is terminated. */
  heartbeatIntervalMs?: number;
  /** Unsent bytes a connection may have queued before it is dropped as a slow consumer. */
  maxBufferedBytes?: number;
}

export interface LocalLiveUpdates extends LiveUpdatesPort {
  /**
   * Serves `routes` on `server` (what `serve()` of @hono/node-server returns): their upgrade requests become
   * connections; an upgrade to any other path is answered 404. Call once per server.
   */
  attach(server: Server, routes: readonly LiveRoute[]): void;
  /** Connections open now. */
  connectionCount(): number;
  /** Closes every connection (code 1001, going away) and stops the heartbeat. */
  close(): void;
}

/** Defaults sized for the demo and the benchmarks' 100 browsers, with room to spare on a laptop. */
const DEFAULTS = { maxConnections: 2000, heartbeatIntervalMs: 30_000, maxBufferedBytes: 1024 * 1024 };
/** A client sends only `hello`; anything bigger is not ours (ws closes the connection with 1009). */
const MAX_CLIENT_MESSAGE_BYTES = 1024;

interface Connection {
  socket: WebSocket;
  topics: readonly string[];
  alive: boolean;
}

export function createLocalLiveUpdates(options: LocalLiveUpdatesOptions): LocalLiveUpdates {
  const { logger } = options;
  const maxConnections = options.maxConnections ?? DEFAULTS.maxConnections;
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes;
  const webSockets = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    // Compression would cost CPU per connection per message, for small JSON messages.
    perMessageDeflate: false,
  });
  const connections = new Set<Connection>();
  const byTopic = new Map<string, Set<Connection>>();
  let handshakes = 0;

  function forget(connection: Connection): void {
    if (!connections.delete(connection)) return;
    for (const topic of connection.topics) {
      const listeners = byTopic.get(topic);
      listeners?.delete(connection);
      if (listeners?.size === 0) byTopic.delete(topic);
    }
  }

  /** Sends the encoded message unless the connection is too far behind, in which case it is dropped. */
  function deliver(connection: Connection, data: Buffer): boolean {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount + data.length > maxBufferedBytes) {
      logger.warn('live updates: slow consumer dropped', {
        bufferedBytes: socket.bufferedAmount,
        topics: connection.topics,
      });
      forget(connection);
      // Its send buffer is full, so a close frame would wait behind it: end the connection at once.
      socket.terminate();
      return false;
    }
    socket.send(data, { binary: false });
    return true;
  }

  function open(socket: WebSocket, topics: readonly string[]): void {
    const connection: Connection = { socket, topics, alive: true };
    connections.add(connection);
    for (const topic of topics) {
      let listeners = byTopic.get(topic);
      if (!listeners) {
        listeners = new Set();
        byTopic.set(topic, listeners);
      }
      listeners.add(connection);
    }
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      if (!isBinary && isHelloMessage(data.toString())) deliver(connection, encode(readyMessage(topics)));
    });
    socket.on('close', () => forget(connection));
    socket.on('error', (error) => {
      logger.debug('live updates: connection error', { error: error.message });
      forget(connection);
    });
    // Subscribed before it is told so: a client that has read `ready` misses nothing published after.
    deliver(connection, encode(readyMessage(topics)));
  }

  function beat(): void {
    for (const connection of connections) {
      if (!connection.alive) {
        forget(connection);
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
  let heartbeat: NodeJS.Timeout | undefined;

  async function upgrade(route: LiveRoute, request: IncomingMessage, socket: Duplex, head: Buffer) {
    const path = routePath(request);
    if (connections.size + handshakes >= maxConnections) {
      refuse(
        socket,
        new ProblemError(503, 'live-updates-full', undefined, undefined, { 'Retry-After': '30' }),
        path,
      );
      return;
    }
    handshakes += 1;
    let topics: readonly string[];
    try {
      topics = checkedTopics(await route.resolve(requestOf(request)));
    } catch (error) {
      refuse(socket, refusalOf(error, logger, { path }), path);
      return;
    } finally {
      handshakes -= 1;
    }
    // The browser may have left while the resolver read the store.
    if (socket.destroyed) return;
    webSockets.handleUpgrade(request, socket, head, (webSocket) => open(webSocket, topics));
  }

  return {
    attach(server, routes) {
      const byPath = new Map(routes.map((route) => [route.path, route]));
      heartbeat ??= setInterval(beat, options.heartbeatIntervalMs ?? DEFAULTS.heartbeatIntervalMs);
      // The heartbeat alone never keeps the process running.
      heartbeat.unref();
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        socket.on('error', () => socket.destroy());
        const route = byPath.get(routePath(request));
        if (!route) {
          refuse(socket, new ProblemError(404, 'not-found'), routePath(request));
          return;
        }
        void upgrade(route, request, socket, head);
      });
    },

    async publish(topics, message: LiveUpdate) {
      const listening = new Set<Connection>();
      for (const topic of topics)
        for (const connection of byTopic.get(topic) ?? []) listening.add(connection);
      if (listening.size === 0) return { delivered: 0 };
      // Encoded once for all of them; ws sends the same buffer to each socket.
      const data = encode(message);
      let delivered = 0;
      for (const connection of listening) if (deliver(connection, data)) delivered += 1;
      return { delivered };
    },

    connectionCount: () => connections.size,

    close() {
      clearInterval(heartbeat);
      heartbeat = undefined;
      for (const connection of [...connections]) {
        forget(connection);
        connection.socket.close(1001, 'server stopping');
      }
    },
  };
}

function encode(message: object): Buffer {
  return Buffer.from(JSON.stringify(message));
}

function routePath(request: IncomingMessage): string {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  // /api/tracking/live/ is the same endpoint, as the HTTP routes answer with or without the slash.
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * The upgrade request as the WHATWG Request a resolver reads, as a Hono route would see it: the URL with the
 * Host it was sent to, and every header (Cookie, Authorization…). It has no body, as a handshake has none.
 */
function requestOf(request: IncomingMessage): Request {
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const url = new URL(
    request.url ?? '/',
    `${encrypted ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`,
  );
  const lines: [string, string][] = [];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    lines.push([request.rawHeaders[index] as string, request.rawHeaders[index + 1] as string]);
  }
  return new Request(url, { method: 'GET', headers: handshakeHeaders(lines) });
}

/** Answers the handshake with the problem as an HTTP response, then closes the socket. */
function refuse(socket: Duplex, problem: ProblemError, path: string): void {
  if (socket.destroyed) return;
  const { status, headers, body } = refusalResponse(problem, path);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    ...Object.entries({
      ...headers,
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    }).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
