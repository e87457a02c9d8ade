// Assembles the platform's stacks into a CDK app and registers the cdk-nag checks; shared by app.ts and tests.
import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './stacks/api-stack.js';
import { AuthStack } from './stacks/auth-stack.js';
import { DataStack } from './stacks/data-stack.js';
import { RealtimeStack } from './stacks/realtime-stack.js';
import { WebStack } from './stacks/web-stack.js';

/** Every stack is deployed here, next to the bay's visitors. */
export const platformRegion = 'ap-southeast-1';

export interface PlatformProps {
  /** The built site's static files to publish (web/dist/client for a deploy). */
  readonly siteDirectory: string;
}

export interface PlatformStacks {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly realtime: RealtimeStack;
  readonly web: WebStack;
}

/**
 * Adds the data, auth, API, realtime and web stacks (named `HalongTourism-*`) to `app`, wired through each other's
 * objects, and checks them against the cdk-nag AWS Solutions rules at synthesis.
 */
export function definePlatform(app: App, props: PlatformProps): PlatformStacks {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: platformRegion };

  const data = new DataStack(app, 'HalongTourism-Data', {
    env,
    description: 'Ha Long tourism: DynamoDB table',
  });
  const auth = new AuthStack(app, 'HalongTourism-Auth', {
    env,
    description: 'Ha Long tourism: staff user pool',
  });
  const api = new ApiStack(app, 'HalongTourism-Api', {
    env,
    description: 'Ha Long tourism: HTTP API and domain functions',
    table: data.table,
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
  });
  const realtime = new RealtimeStack(app, 'HalongTourism-Realtime', {
    env,
    description: 'Ha Long tourism: live updates WebSocket API and the stream reader that publishes them',
    table: data.table,
    userPool: {
      userPoolId: auth.userPool.userPoolId,
      userPoolClientId: auth.userPoolClient.userPoolClientId,
    },
    liveConnectSecret: api.liveConnectSecret,
  });
  const web = new WebStack(app, 'HalongTourism-Web', {
    env,
    description: 'Ha Long tourism: site bucket, site function and CloudFront distribution',
    siteDirectory: props.siteDirectory,
    table: data.table,
    httpApi: api.httpApi,
    liveUpdatesUrl: realtime.liveUpdatesUrl,
    userPool: {
      userPoolId: auth.userPool.userPoolId,
      userPoolClientId: auth.userPoolClient.userPoolClientId,
    },
  });

  Tags.of(app).add('project', 'halong-smart-tourism');
  // cdk-nag 3 runs as a policy-validation plugin: any unacknowledged finding fails the synthesis.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

  return { data, auth, api, realtime, web };
}
