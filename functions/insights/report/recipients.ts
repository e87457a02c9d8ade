/**
 * Who gets the morning report, and in which language: one item the managers edit through the API. Each day's
 * sending is marked per recipient before the message goes, so a job run again (a retry, a restart) sends nobody
 * the same day's report twice.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';

export const MAX_REPORT_RECIPIENTS = 50;

export const ReportRecipients = z
  .object({
    recipients: z
      .array(
        z.object({
          email: z
            .string()
            .trim()
            .toLowerCase()
            .pipe(z.email('an e-mail address such as name@example.com').max(254)),
          language: z.enum(['vi', 'en']),
        }),
      )
      .max(MAX_REPORT_RECIPIENTS)
      .refine((recipients) => new Set(recipients.map((one) => one.email)).size === recipients.length, {
        message: 'each address once',
      }),
  })
  .meta({ id: 'MorningReportRecipients' });
export type ReportRecipients = z.infer<typeof ReportRecipients>;

const KEY = { PK: 'INSIGHTS#REPORT', SK: 'RECIPIENTS' };
const SENT_DAYS_KEPT = 14;

export function createRecipientsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async get(): Promise<ReportRecipients> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }),
      );
      const parsed = ReportRecipients.safeParse(Item ?? { recipients: [] });
      return parsed.success ? parsed.data : { recipients: [] };
    },

    async put(recipients: ReportRecipients): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...KEY, entity: 'ReportRecipients', ...ReportRecipients.parse(recipients) },
        }),
      );
    },

    /** Marks a day's report as sent to an address; false when it was already. */
    async markSent(date: string, email: string, at: Date): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              PK: `INSIGHTS#REPORT#SENT#${date}`,
              SK: email,
              entity: 'ReportSent',
              sentAt: at.toISOString(),
              expiresAt: Math.floor(at.getTime() / 1000) + SENT_DAYS_KEPT * 86_400,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Takes a mark back when the message could not be sent, so the next run sends it. */
    async unmarkSent(date: string, email: string): Promise<void> {
      await db.send(
        new DeleteCommand({ TableName: tableName, Key: { PK: `INSIGHTS#REPORT#SENT#${date}`, SK: email } }),
      );
    },
  };
}

export type RecipientsStore = ReturnType<typeof createRecipientsStore>;
