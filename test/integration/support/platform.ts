/** Builds the real API against a fresh table in the run's DynamoDB Local, one table per test file. */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createBulkLoadClient, ensureTable, seedDemoData } from '../../../functions/local/bootstrap.js';
import { createLocalDependencies } from '../../../functions/local/dependencies.js';
import { createLocalApi } from '../../../functions/local/local-api.js';
import { startTestCheckout } from '../../../functions/local/test-checkout.js';
import { loadConfig } from '../../../functions/platform/config.js';
import type { Logger } from '../../../functions/platform/logger.js';
import { createStripePayments } from '../../../functions/platform/payments/stripe.js';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The platform with payments through the Stripe adapter, pointed at the local test checkout, whose signed
 * webhook events are delivered to this app in-process (or at `stripeApiBase`, another stand-in of Stripe).
 */
export async function createTestPlatform(
  options: {
    seed?: boolean;
    environment?: Record<string, string>;
    logger?: Logger;
    stripeApiBase?: string;
    /** A table with a stream (the insights' roll-ups read it); leave it off unless the test reads the stream. */
    stream?: boolean;
    /** The last year's demo dashboard counters, as npm start seeds them (some 9,000 items: only where read). */
    demoCounters?: boolean;
  } = {},
) {
  const tableName = `test-${randomUUID()}`;
  const config = loadConfig({
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
    // The run's one DynamoDB Local serves every test file at once, on a machine busy with them, so a call may
    // wait longer than DynamoDB ever makes one wait; the store's own 1 s budget is tested apart (store-outage).
    DYNAMODB_ATTEMPT_TIMEOUT_MS: '10000',
    ...options.environment,
  });
  const checkout = await startTestCheckout({
    deliver: async (body, signature) => {
      const response = await app.request('/api/payments/stripe/webhook', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
        body,
      });
      return response.status;
    },
  });
  const payments = createStripePayments({
    secretKey: checkout.secretKey,
    webhookSecret: checkout.webhookSecret,
    apiBase: options.stripeApiBase ?? checkout.apiBase,
  });
  const dependencies = await createLocalDependencies(config, {
    logger: options.logger ?? silentLogger,
    payments,
  });
  const bulkLoad = createBulkLoadClient(config);
  // No stream unless asked: DynamoDB Local slows with every streamed table made (table.ts).
  await ensureTable(bulkLoad, tableName, { stream: options.stream ?? false });
  if (options.seed !== false)
    await seedDemoData(bulkLoad, tableName, dependencies.localAuth?.accounts ?? null, {
      demoCounters: options.demoCounters ?? false,
    });
  bulkLoad.destroy();
  const app = createLocalApi(dependencies);
  return {
    app,
    dependencies,
    tableName,
    checkout,
    async signIn(email: string, password: string): Promise<string> {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}`);
      return ((await response.json()) as { idToken: string }).idToken;
    },
    async dispose(): Promise<void> {
      await checkout.stop();
      await dependencies.db.send(new DeleteTableCommand({ TableName: tableName }));
      dependencies.db.destroy();
    },
  };
}

export type TestPlatform = Awaited<ReturnType<typeof createTestPlatform>>;

export const demo = {
  manager: { email: 'manager@halong.test', password: 'Manager-HaLong-2026' },
  operator: { email: 'operator@halong.test', password: 'Operator-HaLong-2026' },
  admin: { email: 'admin@halong.test', password: 'Admin-HaLong-2026' },
};

export const PROBLEM_JSON = 'application/problem+json';
