/**
 * A hold refused because too few seats were left, counted on its departure (the managers' "refused for
 * capacity"). Its own module, loaded with the first refusal: the booking functions' cold start stays lean.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from '../../platform/table.js';

/** Adds the refusal to the departure's counts; a departure deleted meanwhile is not recreated. */
export async function countCapacityRefusal(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: ItemKey,
  seats: number,
): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'ADD refusedRequests :one, refusedSeats :seats',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':one': 1, ':seats': seats },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
