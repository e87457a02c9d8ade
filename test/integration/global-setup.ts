/**
 * One DynamoDB Local for the whole integration run (each test file makes its own table in it), and the site
 * built when stale (the site's pages and its Lambda are tested from the build). Fails the run with a clear
 * sentence when Java is missing — never a silent skip.
 */
import type { TestProject } from 'vitest/node';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { buildSite, siteBuildReason } from '../../functions/local/site.js';

let dynamoDb: RunningDynamoDb | undefined;

export async function setup(project: TestProject): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (siteBuildReason() !== null) await buildSite();
  if (process.env.DYNAMODB_ENDPOINT) {
    project.provide('dynamoEndpoint', process.env.DYNAMODB_ENDPOINT);
    return;
  }
  dynamoDb = await startDynamoDbLocal(null);
  project.provide('dynamoEndpoint', dynamoDb.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamoDb?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
