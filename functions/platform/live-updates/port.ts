/**
 * The live-updates port: messages pushed to browsers the moment something changes (a boat's position, an alert,
 * later the pier's counts and the dashboard). A publisher names topics; every connection subscribed to any of them
 * receives the message once, as JSON text. Which topics a connection hears is decided once, when it connects, by
 * the domain that owns the endpoint (a resolver), never by what the client asks for later.
 *
 * Locally a WebSocket server in the platform's own process (local-websocket.ts); on AWS an API Gateway WebSocket
 * API with its connections in the platform table (api-gateway.ts, connections.ts, websocket-handler.ts).
 */

/** A message as published: a `type` the client switches on, and its own members. */
export type LiveUpdate = { type: string } & Record<string, unknown>;

export interface LiveUpdatesPort {
  /**
   * Sends `message` to every connection subscribed to at least one of `topics`, once each, and resolves with how
   * many it was handed to. Connections found gone on the way are forgotten; a failure to reach one is logged and
   * never fails the others.
   */
  publish(topics: readonly string[], message: LiveUpdate): Promise<{ delivered: number }>;
}

/**
 * Decides, when a connection opens, which topics it may hear, from its request: the session cookie, an
 * `Authorization` header, or the query (`?booking=…&token=…`). Refuses by throwing `ProblemError` (401 without
 * credentials or with bad ones, 403 when they do not allow this endpoint), which the adapter answers as
 * `application/problem+json` instead of opening the connection.
 */
export type LiveTopicsResolver = (request: Request) => Promise<readonly string[]>;

/** A WebSocket endpoint of a domain: its path (e.g. `/api/tracking/live`) and who hears what there. */
export interface LiveRoute {
  path: string;
  resolve: LiveTopicsResolver;
}

/** Sent to a connection first, saying what it is subscribed to; the client may ask again with `hello`. */
export type ReadyMessage = { type: 'ready'; topics: string[] };

export function readyMessage(topics: readonly string[]): ReadyMessage {
  return { type: 'ready', topics: [...topics] };
}

/**
 * What a client may send: `{ "action": "hello" }` asks for the ready message again (on AWS it is the only way to
 * get it, see websocket-handler.ts); anything else is ignored. `action` is the route selection key on AWS.
 */
export function isHelloMessage(text: string): boolean {
  if (text.length > 256) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return (
      typeof parsed === 'object' && parsed !== null && (parsed as { action?: unknown }).action === 'hello'
    );
  } catch {
    return false;
  }
}

/** Most topics one connection may hear: a resolver naming more is a mistake, not a subscription. */
export const MAX_TOPICS_PER_CONNECTION = 50;
