/**
 * The Lambda function behind an API Gateway WebSocket API's three routes, for any domain's endpoint:
 *   `$connect`    asks the domain's resolver which topics the connection may hear, from the handshake's headers
 *                 (Cookie, Authorization) and query; stores the connection, or refuses it with the problem's
 *                 status (API Gateway then answers the handshake with it and never opens the connection);
 *   `$disconnect` deletes the connection;
 *   `$default`    answers `{ "action": "hello" }` with the ready message and ignores anything else.
 * The ready message cannot be sent during `$connect` (API Gateway opens the connection only after the function
 * returns, and a post before that is answered 410), so a client asks for it with `hello` once open; the local
 * adapter sends it unasked and answers `hello` too, so one client works with both.
 */
import type { Logger } from '../logger.js';
import type { ApiGatewayLiveUpdates } from './api-gateway.js';
import { handshakeHeaders } from './handshake-headers.js';
import { isHelloMessage, type LiveTopicsResolver, readyMessage } from './port.js';
import { checkedTopics, refusalOf, refusalResponse } from './refusal.js';

/** The fields of API Gateway's WebSocket event (Lambda proxy integration) that the routes read. */
export interface WebSocketEvent {
  requestContext: {
    routeKey: string;
    connectionId: string;
    domainName: string;
    stage: string;
    requestId?: string;
  };
  /** `$connect` only: the handshake's headers and query. */
  headers?: Record<string, string | undefined> | null;
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  multiValueQueryStringParameters?: Record<string, string[] | undefined> | null;
  /** `$default` only: the client's message. */
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface WebSocketResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface WebSocketHandlerDependencies {
  liveUpdates: ApiGatewayLiveUpdates;
  logger: Logger;
}

export function createWebSocketHandler(
  resolve: LiveTopicsResolver,
  { liveUpdates, logger }: WebSocketHandlerDependencies,
): (event: WebSocketEvent) => Promise<WebSocketResult> {
  const { connections } = liveUpdates;
  return async (event) => {
    const { routeKey, connectionId, requestId } = event.requestContext;
    switch (routeKey) {
      case '$connect': {
        const request = handshakeRequest(event);
        let topics: readonly string[];
        try {
          topics = checkedTopics(await resolve(request));
        } catch (error) {
          const problem = refusalOf(error, logger, { requestId });
          logger.info('live updates: connection refused', { requestId, status: problem.status });
          const { status, headers, body } = refusalResponse(problem, new URL(request.url).pathname);
          return { statusCode: status, headers, body };
        }
        await connections.add(connectionId, topics);
        return { statusCode: 200 };
      }
      case '$disconnect':
        await connections.remove(connectionId);
        return { statusCode: 200 };
      default: {
        const text = event.isBase64Encoded
          ? Buffer.from(event.body ?? '', 'base64').toString()
          : (event.body ?? '');
        if (isHelloMessage(text)) {
          const topics = await connections.topicsOf(connectionId);
          if (topics) await liveUpdates.sendTo(connectionId, readyMessage(topics));
        }
        return { statusCode: 200 };
      }
    }
  };
}

/**
 * The handshake as the WHATWG Request a resolver reads, the same shape the local adapter gives it: the address the
 * client opened (`https://<domain>/<stage>?<query>`) and its headers, repeated ones (two Cookie lines) kept.
 */
export function handshakeRequest(event: WebSocketEvent): Request {
  const { domainName, stage } = event.requestContext;
  const url = new URL(`https://${domainName}/${stage}`);
  const query = event.multiValueQueryStringParameters ?? {};
  for (const [name, values] of Object.entries(query))
    for (const value of values ?? []) url.searchParams.append(name, value);
  if (!event.multiValueQueryStringParameters) {
    for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
      if (value !== undefined) url.searchParams.append(name, value);
    }
  }
  const lines = event.multiValueHeaders
    ? Object.entries(event.multiValueHeaders).flatMap(([name, values]) =>
        (values ?? []).map((value) => [name, value] as const),
      )
    : Object.entries(event.headers ?? {}).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, value] as const],
      );
  const headers = handshakeHeaders(lines);
  return new Request(url, { method: 'GET', headers });
}
