/**
 * The safety rules in one item (`TRACKING#RULES` / `CURRENT`), replaced whole by a manager's edit on the
 * condition that nobody changed them since it was read (its version), and read by every intake: kept 10 seconds
 * in memory, so a change reaches the next positions within that, and the table is not read per position.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, storedItemsLogger } from '../../platform/stored-items.js';
import { SafetyRules } from './model.js';

const KEY = { PK: 'TRACKING#RULES', SK: 'CURRENT' } as const;

export function createRulesStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  return {
    async get(): Promise<SafetyRules | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }),
      );
      return Item ? parseStoredItem(SafetyRules, Item, logger) : null;
    },

    /**
     * Writes `rules` if the stored version is `rules.version - 1` (or, for version 1, if none is stored); false,
     * and nothing written, when someone else changed them first.
     */
    async put(rules: SafetyRules): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...KEY, entity: 'SafetyRules', ...SafetyRules.parse(rules) },
            ...(rules.version === 1
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : {
                  ConditionExpression: 'version = :previous',
                  ExpressionAttributeValues: { ':previous': rules.version - 1 },
                }),
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

export type RulesStore = ReturnType<typeof createRulesStore>;
