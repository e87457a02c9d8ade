/**
 * The live-updates port on AWS: an API Gateway WebSocket API, whose connections are in the platform table
 * (connections.ts). `publish` finds the topics' connections and posts the message to each through the API's
 * management endpoint, a bounded number at a time; a connection API Gateway answers 410 Gone for (closed without a
 * `$disconnect` reaching us, or expired) is deleted on the way.
 */
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { awsClientOptions, LIVE_POST_CALL_BUDGET } from '../aws-client-options.js';
import type { Logger } from '../logger.js';
import type { LiveConnections } from './connections.js';
import type { LiveUpdate, LiveUpdatesPort } from './port.js';

export interface ApiGatewayLiveUpdatesSettings {
  connections: LiveConnections;
  /**
   * The stage's management endpoint, `https://<api id>.execute-api.<region>.amazonaws.com/<stage>`
   * (LIVE_UPDATES_ENDPOINT, set by cdk/stacks/realtime-stack.ts).
   */
  endpoint: string;
  region: string;
  logger: Logger;
  /** Posts under way at once; API Gateway's management API allows a few thousand a second per account. */
  maxParallelPosts?: number;
  /** Another client (the tests give one with local credentials). */
  client?: ApiGatewayManagementApiClient;
}

export interface ApiGatewayLiveUpdates extends LiveUpdatesPort {
  /** Posts `message` to one connection; false when it is gone (and then forgotten). */
  sendTo(connectionId: string, message: LiveUpdate): Promise<boolean>;
  readonly connections: LiveConnections;
}

const DEFAULT_PARALLEL_POSTS = 25;

export function createApiGatewayLiveUpdates(settings: ApiGatewayLiveUpdatesSettings): ApiGatewayLiveUpdates {
  const { connections, logger } = settings;
  const client =
    settings.client ??
    new ApiGatewayManagementApiClient({
      endpoint: settings.endpoint,
      region: settings.region,
      ...awsClientOptions(LIVE_POST_CALL_BUDGET),
    });
  const maxParallelPosts = settings.maxParallelPosts ?? DEFAULT_PARALLEL_POSTS;

  /** 'sent', 'gone' (and forgotten) or 'failed' (logged; the connection may hear the next message). */
  async function post(connectionId: string, data: Uint8Array): Promise<'sent' | 'gone' | 'failed'> {
    try {
      await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
      return 'sent';
    } catch (error) {
      if (isGone(error)) {
        await connections.remove(connectionId).catch((removal: unknown) =>
          logger.warn('live updates: a gone connection could not be deleted', {
            connectionId,
            error: removal instanceof Error ? removal.message : String(removal),
          }),
        );
        return 'gone';
      }
      logger.warn('live updates: post to a connection failed', {
        connectionId,
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      });
      return 'failed';
    }
  }

  return {
    connections,

    async sendTo(connectionId, message) {
      return (await post(connectionId, encode(message))) === 'sent';
    },

    async publish(topics, message) {
      const listening = await connections.listening(topics);
      if (listening.length === 0) return { delivered: 0 };
      const data = encode(message);
      let delivered = 0;
      let next = 0;
      // A fixed number of workers taking the next connection: at most maxParallelPosts posts in flight.
      const worker = async () => {
        while (next < listening.length) {
          const connectionId = listening[next] as string;
          next += 1;
          if ((await post(connectionId, data)) === 'sent') delivered += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.min(maxParallelPosts, listening.length) }, worker));
      return { delivered };
    },
  };
}

function encode(message: LiveUpdate): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message));
}

/** 410 Gone: the connection no longer exists (the SDK's GoneException, or the status from another copy of it). */
function isGone(error: unknown): boolean {
  if (error instanceof GoneException) return true;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  return name === 'GoneException' || $metadata?.httpStatusCode === 410;
}
