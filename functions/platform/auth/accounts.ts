/**
 * Staff accounts of the local token issuer, stored in the platform table with argon2id password hashes.
 * On AWS these live in Cognito instead; this module is used only when AUTH_MODE=local.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { hash, verify } from '@node-rs/argon2';
import * as z from 'zod';
import { roles } from './principal.js';

export const DemoAccount = z.object({
  email: z.email().toLowerCase(),
  password: z.string().min(12),
  displayName: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
  companyId: z.string().min(1).nullable(),
});
export const DemoAccountsFile = z.object({ note: z.string(), accounts: z.array(DemoAccount) });
export type DemoAccount = z.infer<typeof DemoAccount>;

export interface Account {
  email: string;
  displayName: string;
  roles: DemoAccount['roles'];
  companyId: string | null;
}

const accountKey = (email: string) => ({ PK: `ACCOUNT#${email.toLowerCase()}`, SK: 'ACCOUNT' });

// Verifying against this when the e-mail is unknown keeps the answer time the same either way, so the
// login endpoint does not reveal which e-mail addresses have accounts.
const decoyHash = hash('decoy password that matches nothing');

export function createAccountsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** The account whose password matches, or null; the same null for a wrong e-mail or password. */
    async authenticate(email: string, password: string): Promise<Account | null> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: accountKey(email) }));
      const passwordMatches = await verify(Item ? String(Item.passwordHash) : await decoyHash, password);
      if (!Item || !passwordMatches) return null;
      return {
        email: String(Item.email),
        displayName: String(Item.displayName),
        roles: Item.roles,
        companyId: Item.companyId ?? null,
      };
    },

    /** Creates the account unless it exists; an existing account (and its password) is left as it is. */
    async createIfAbsent(account: DemoAccount): Promise<'created' | 'exists'> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...accountKey(account.email),
              entity: 'Account',
              email: account.email,
              displayName: account.displayName,
              roles: account.roles,
              companyId: account.companyId,
              passwordHash: await hash(account.password),
              createdAt: new Date().toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return 'created';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'exists';
        throw error;
      }
    },
  };
}

export type AccountsStore = ReturnType<typeof createAccountsStore>;
