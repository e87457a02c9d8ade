/**
 * A Lambda function fed by the table's stream that turns changed items into live updates: a domain says which
 * messages a change makes (and to which topics), this publishes them through the port. Changes of one item are
 * published in their order; changes of different items at once, a bounded number at a time, so a batch of a
 * hundred boats' positions reaches the browsers in about the time of one.
 *
 * A record whose messages cannot be made or published is logged and skipped, never retried: a live update that
 * comes late is worse than one that does not come, because the next report (seconds later) supersedes it, and
 * retrying the batch would send its other records twice.
 */

import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../logger.js';
import { type TableChange, tableChangeOf } from '../table-changes/change.js';
import type { LiveUpdate, LiveUpdatesPort } from './port.js';

export type { TableChange } from '../table-changes/change.js';

/** A message and the topics it goes to. */
export interface LiveDelivery {
  topics: readonly string[];
  message: LiveUpdate;
}

/** What a domain makes of a change: nothing for most, one message or a few for those its pages show. */
export type LiveMessagesOfChange = (change: TableChange) => Promise<readonly LiveDelivery[]>;

export interface StreamPublisherDependencies {
  liveUpdates: LiveUpdatesPort;
  logger: Logger;
  /** Items whose changes are published at once. */
  maxParallelItems?: number;
}

export function createStreamPublisher(
  messagesOf: LiveMessagesOfChange,
  { liveUpdates, logger, maxParallelItems = 10 }: StreamPublisherDependencies,
): (event: DynamoDBStreamEvent) => Promise<void> {
  async function publishChange(change: TableChange): Promise<void> {
    try {
      for (const { topics, message } of await messagesOf(change)) await liveUpdates.publish(topics, message);
    } catch (error) {
      logger.error('live updates: a change was not published', {
        PK: change.keys.PK,
        SK: change.keys.SK,
        error:
          error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
      });
    }
  }

  return async (event) => {
    // Per item, its changes in stream order.
    const byItem = new Map<string, TableChange[]>();
    for (const record of event.Records) {
      const change = tableChangeOf(record);
      if (!change) continue;
      const key = `${change.keys.PK}\u0000${change.keys.SK}`;
      const changes = byItem.get(key);
      if (changes) changes.push(change);
      else byItem.set(key, [change]);
    }
    const queue = [...byItem.values()];
    const worker = async () => {
      for (let changes = queue.shift(); changes; changes = queue.shift()) {
        for (const change of changes) await publishChange(change);
      }
    };
    await Promise.all(Array.from({ length: Math.min(maxParallelItems, queue.length) }, worker));
  };
}
