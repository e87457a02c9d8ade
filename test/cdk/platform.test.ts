// The data, auth and API stacks as synthesized, and the cdk-nag verdict on every stack of the app.
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import type { DomainFunction } from '../../cdk/constructs/domain-function.js';
import { tableDefinition } from '../../functions/platform/table.js';
import { synthesizePlatform, validationFindings } from './synthesize-platform.js';

const platform = synthesizePlatform();
afterAll(() => platform.dispose());

const { stacks } = platform;
const data = Template.fromStack(stacks.data);
const auth = Template.fromStack(stacks.auth);
const api = Template.fromStack(stacks.api);

type Resource = { Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };

/** The logical ID of a domain function in the API stack (construct IDs as in api-stack.ts). */
type FunctionConstruct =
  | 'Platform'
  | 'Boats'
  | 'Payments'
  | 'BoatsJobs'
  | 'Museum'
  | 'Wifi'
  | 'Insights'
  | 'InsightsJobs'
  | 'InsightsRollups'
  | 'Tracking'
  | 'TrackingIntake'
  | 'TrackingJobs';

function functionLogicalId(constructId: FunctionConstruct): string {
  const domainFunction = stacks.api.node.findChild(constructId) as DomainFunction;
  return stacks.api.getLogicalId(domainFunction.function.node.defaultChild as CfnFunction);
}

/** Every IAM statement of the policies attached to a domain function's role. */
function statementsGrantedTo(constructId: FunctionConstruct): Statement[] {
  const roleId = `${constructId}FunctionServiceRole`;
  const policies = Object.values(api.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((candidate) => JSON.stringify(candidate.Properties.Roles).includes(`"${roleId}`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** Every IAM action granted to a domain function's role. */
function actionsGrantedTo(constructId: FunctionConstruct): string[] {
  return statementsGrantedTo(constructId).flatMap((statement) => statement.Action);
}

/** The resources of the statements granting `action` to a domain function's role. */
function resourcesOf(constructId: FunctionConstruct, action: string): unknown[] {
  return statementsGrantedTo(constructId)
    .filter((statement) => [statement.Action].flat().includes(action))
    .flatMap((statement) => statement.Resource);
}

const secretRef = (secret: Secret) => ({
  Ref: stacks.api.getLogicalId(secret.node.defaultChild as CfnSecret),
});

/** The environment variables of a domain function. */
function environmentOf(constructId: FunctionConstruct): Record<string, unknown> {
  const resource = api.findResources('AWS::Lambda::Function')[functionLogicalId(constructId)] as Resource;
  return (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

const allFunctions: FunctionConstruct[] = [
  'Platform',
  'Boats',
  'Payments',
  'BoatsJobs',
  'Museum',
  'Wifi',
  'Insights',
  'InsightsJobs',
  'Tracking',
  'TrackingIntake',
  'TrackingJobs',
];

describe('data stack', () => {
  it('builds the table keys and TTL attribute from functions/platform/table.ts', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: tableDefinition.partitionKey, AttributeType: 'S' },
        { AttributeName: tableDefinition.sortKey, AttributeType: 'S' },
      ],
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
  });

  it('bills on demand, keeps point-in-time recovery and streams new and old images', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('keeps the table when the stack is deleted or the table replaced', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('auth stack', () => {
  it('signs staff in by e-mail and lets nobody sign up', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'company_id', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
    auth.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has one described group per staff role', () => {
    auth.resourceCountIs('AWS::Cognito::UserPoolGroup', 4);
    for (const groupName of ['operator', 'manager', 'curator', 'admin']) {
      auth.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
        GroupName: groupName,
        Description: Match.stringLikeRegexp('.{10,}'),
      });
    }
  });

  it('gives the site a public client with SRP and password sign-in and one-hour ID tokens', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
      IdTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ IdToken: 'minutes' }),
      AllowedOAuthFlows: Match.absent(),
    });
  });

  it('lets a signed-in operator read but not rewrite custom:company_id', () => {
    const client = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'))[0] as Resource;
    expect(client.Properties.ReadAttributes).toContain('custom:company_id');
    expect(client.Properties.WriteAttributes).not.toContain('custom:company_id');
  });
});

describe('api stack', () => {
  it('runs the API functions on arm64 Node.js 22 with the table and Cognito settings', () => {
    api.resourceCountIs('AWS::Lambda::Function', 12);
    const functions = api.findResources('AWS::Lambda::Function', {
      Properties: {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 10,
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            TABLE_NAME: Match.anyValue(),
            AUTH_MODE: 'cognito',
            COGNITO_USER_POOL_ID: Match.anyValue(),
            COGNITO_CLIENT_ID: Match.anyValue(),
            LOG_LEVEL: 'info',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      },
    });
    expect(Object.keys(functions).sort()).toEqual(
      ['Boats', 'Insights', 'Museum', 'Payments', 'Platform', 'Tracking', 'Wifi']
        .map((name) => functionLogicalId(name as FunctionConstruct))
        .sort(),
    );
    const payments = api.findResources('AWS::Lambda::Function', {
      Properties: {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: {
          Variables: Match.objectLike({ AUTH_MODE: 'cognito', STRIPE_SECRET_ARN: Match.anyValue() }),
        },
      },
    });
    expect(Object.keys(payments)).toEqual([functionLogicalId('Payments')]);
  });

  it('keeps the Stripe keys in Secrets Manager, readable by the payments function alone', () => {
    api.resourceCountIs('AWS::SecretsManager::Secret', 3);
    const stripeKeys = secretRef(stacks.api.stripeKeys);
    expect(environmentOf('Payments').STRIPE_SECRET_ARN).toEqual(stripeKeys);
    expect(resourcesOf('Payments', 'secretsmanager:GetSecretValue')).toEqual([stripeKeys]);
    const ownSecret = new Set<FunctionConstruct>(['Payments', 'Wifi', 'Tracking']);
    for (const other of allFunctions.filter((name) => !ownSecret.has(name))) {
      expect(actionsGrantedTo(other)).not.toContain('secretsmanager:GetSecretValue');
    }
  });

  it('generates the live updates’ connect-token key, read by the tracking function that issues the tokens alone', () => {
    const connectSecret = secretRef(stacks.api.liveConnectSecret);
    api.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    expect(environmentOf('Tracking').LIVE_CONNECT_SECRET_ARN).toEqual(connectSecret);
    expect(resourcesOf('Tracking', 'secretsmanager:GetSecretValue')).toEqual([connectSecret]);
    for (const other of allFunctions.filter((name) => name !== 'Tracking')) {
      expect(JSON.stringify(statementsGrantedTo(other))).not.toContain(connectSecret.Ref);
    }
  });

  it('generates the Wi-Fi portal’s secret (64 letters and digits), retains it, and lets only the Wi-Fi function read it', () => {
    const portalSecret = secretRef(stacks.api.wifiPortalSecret);
    const secret = api.findResources('AWS::SecretsManager::Secret')[portalSecret.Ref] as Resource & {
      DeletionPolicy: string;
      UpdateReplacePolicy: string;
    };
    expect(secret).toMatchObject({
      Properties: { GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(environmentOf('Wifi').WIFI_PORTAL_SECRET_ARN).toEqual(portalSecret);
    expect(resourcesOf('Wifi', 'secretsmanager:GetSecretValue')).toEqual([portalSecret]);
    for (const other of allFunctions.filter((name) => name !== 'Wifi')) {
      expect(JSON.stringify(statementsGrantedTo(other))).not.toContain(portalSecret.Ref);
    }
  });

  it('signs tickets with a retained P-256 KMS key that only the payments function may use', () => {
    api.hasResource('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
      DeletionPolicy: 'Retain',
    });
    expect(actionsGrantedTo('Payments')).toEqual(expect.arrayContaining(['kms:Sign', 'kms:GetPublicKey']));
    for (const other of ['Platform', 'Boats', 'BoatsJobs'] as const) {
      expect(actionsGrantedTo(other)).not.toContain('kms:Sign');
    }
  });

  it('lets the payments and Wi-Fi functions, alone, send e-mail from the configured sender’s domain only', () => {
    for (const sender of ['Payments', 'Wifi'] as const) {
      const resources = resourcesOf(sender, 'ses:SendEmail');
      expect(resources).toHaveLength(1);
      expect(JSON.stringify(resources[0])).toContain(':identity/tourism.halong.example"');
      expect(environmentOf(sender).MESSAGES_FROM_ADDRESS).toBe(
        'Ha Long Tourism <no-reply@tourism.halong.example>',
      );
    }
    for (const other of ['Platform', 'Boats', 'BoatsJobs', 'Museum'] as const) {
      expect(actionsGrantedTo(other)).not.toContain('ses:SendEmail');
      expect(environmentOf(other).MESSAGES_FROM_ADDRESS).toBeUndefined();
    }
  });

  it('lets the Wi-Fi function (login codes) and the tracking ones (safety alerts), alone, text phones through SNS', () => {
    // Publishing to a phone number names no resource: "*" is the only resource IAM accepts for it.
    const texting: FunctionConstruct[] = ['Wifi', 'Tracking', 'TrackingIntake', 'TrackingJobs'];
    for (const sender of texting) expect(resourcesOf(sender, 'sns:Publish')).toEqual(['*']);
    for (const other of allFunctions.filter((name) => !texting.includes(name))) {
      expect(actionsGrantedTo(other)).not.toContain('sns:Publish');
    }
  });

  it('has EventBridge Scheduler run the boats jobs (holds every minute, erasure daily), failures to a DLQ', () => {
    type ScheduleProperties = {
      ScheduleExpression: string;
      Target: { Arn: unknown; Input: string; DeadLetterConfig: { Arn: unknown }; RetryPolicy: object };
    };
    const schedules = (Object.values(api.findResources('AWS::Scheduler::Schedule')) as Resource[]).map(
      (schedule) => schedule.Properties as ScheduleProperties,
    );
    const byJob = new Map(schedules.map((schedule) => [JSON.parse(schedule.Target.Input).job, schedule]));
    expect([...byJob.keys()].sort()).toEqual([
      'detect-lost-signals',
      'erase-personal-data',
      'refresh-forecasts',
      'release-expired-holds',
      'send-morning-report',
    ]);
    expect(byJob.get('release-expired-holds')?.ScheduleExpression).toBe('rate(1 minute)');
    expect(byJob.get('erase-personal-data')?.ScheduleExpression).toBe('rate(1 day)');
    expect(byJob.get('refresh-forecasts')?.ScheduleExpression).toBe('rate(1 day)');
    // The morning report at 06:30 in Hạ Long, whatever the scheduler's own time zone.
    expect(byJob.get('send-morning-report')).toMatchObject({
      ScheduleExpression: 'cron(30 6 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
    for (const schedule of schedules) {
      const job = JSON.parse(schedule.Target.Input).job;
      const runner =
        job === 'refresh-forecasts' || job === 'send-morning-report'
          ? 'InsightsJobs'
          : job === 'detect-lost-signals'
            ? 'TrackingJobs'
            : 'BoatsJobs';
      expect(JSON.stringify(schedule.Target.Arn)).toContain(functionLogicalId(runner));
      expect(schedule.Target.DeadLetterConfig.Arn).toBeDefined();
    }
    // One dead-letter queue per domain's jobs, and the roll-ups' stream's.
    api.resourceCountIs('AWS::SQS::Queue', 4);
    // The jobs function serves no HTTP route and verifies no token.
    const jobs = api.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: Match.objectLike({ AUTH_MODE: Match.absent() }) } },
    });
    expect(Object.keys(jobs).sort()).toEqual(
      // The positions' intake verifies no token either: a tracker is known by its registered id.
      [
        functionLogicalId('BoatsJobs'),
        functionLogicalId('InsightsJobs'),
        functionLogicalId('InsightsRollups'),
        functionLogicalId('TrackingJobs'),
        functionLogicalId('TrackingIntake'),
      ].sort(),
    );
    // Forecasting every series may take longer than an API request.
    api.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('nightly demand forecasts'),
      Timeout: 300,
    });
  });

  it('lets the platform function read the table but never write it', () => {
    const actions = actionsGrantedTo('Platform');
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const write of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']) {
      expect(actions).not.toContain(`dynamodb:${write}`);
    }
  });

  it('lets the insights function read the table and write only the morning report’s recipients', () => {
    const actions = actionsGrantedTo('Insights');
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
    );
    for (const write of ['UpdateItem', 'DeleteItem', 'BatchWriteItem']) {
      expect(actions).not.toContain(`dynamodb:${write}`);
    }
    api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'dynamodb:PutItem',
            Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['INSIGHTS#REPORT'] } },
          }),
        ]),
      },
    });
  });

  it('keeps the managers’ counters from the table’s stream: every counted change, failures retried, then kept', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionLogicalId('InsightsRollups') },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          { Pattern: Match.stringLikeRegexp('"NewImage":\\{"entity":\\{"S":\\["Booking"') },
          { Pattern: Match.stringLikeRegexp('"OldImage":\\{"entity":\\{"S":\\["Booking"') },
        ],
      },
    });
  });

  it.each(['Boats', 'Payments', 'BoatsJobs', 'InsightsJobs'] as const)(
    'lets the %s function read and write the table',
    (name) => {
      expect(actionsGrantedTo(name)).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
        ]),
      );
    },
  );

  it('keeps function and access logs for 30 days', () => {
    api.resourceCountIs('AWS::Logs::LogGroup', 13);
    api.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    api.allResourcesProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
  });

  it('routes each domain’s paths to its function (the Wi-Fi portal’s too), payment paths to the payments one, the rest to the platform', () => {
    const integrations = api.findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>;
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const targetOf = (routeKey: string) => {
      const route = routes.find((candidate) => candidate.Properties.RouteKey === routeKey);
      const integrationId = JSON.stringify(route?.Properties.Target).match(/"Ref":"(\w+)"/)?.[1] ?? '';
      return JSON.stringify(integrations[integrationId]?.Properties.IntegrationUri);
    };
    expect(routes).toHaveLength(22);
    expect(targetOf('GET /api/tracking/osmand')).toContain(functionLogicalId('TrackingIntake'));
    expect(targetOf('POST /api/tracking/osmand')).toContain(functionLogicalId('TrackingIntake'));
    expect(targetOf('POST /api/tracking/ais')).toContain(functionLogicalId('TrackingIntake'));
    expect(targetOf('ANY /api/tracking/{proxy+}')).toContain(functionLogicalId('Tracking'));
    expect(targetOf('ANY /api/insights/{proxy+}')).toContain(functionLogicalId('Insights'));
    expect(targetOf('ANY /api/wifi/{proxy+}')).toContain(functionLogicalId('Wifi'));
    expect(targetOf('ANY /portal/{proxy+}')).toContain(functionLogicalId('Wifi'));
    expect(targetOf('ANY /api/museum')).toContain(functionLogicalId('Museum'));
    expect(targetOf('ANY /api/museum/{proxy+}')).toContain(functionLogicalId('Museum'));
    expect(targetOf('GET /api/tickets/{proxy+}')).toContain(functionLogicalId('Payments'));
    expect(targetOf('ANY /api/boats')).toContain(functionLogicalId('Boats'));
    expect(targetOf('ANY /api/boats/{proxy+}')).toContain(functionLogicalId('Boats'));
    expect(targetOf('POST /api/checkin')).toContain(functionLogicalId('Boats'));
    // Weather bans refund through Stripe: issued and lifted in the payments function, listed in the boats one.
    expect(targetOf('POST /api/boats/bans')).toContain(functionLogicalId('Payments'));
    expect(targetOf('POST /api/boats/bans/{banId}/lift')).toContain(functionLogicalId('Payments'));
    expect(targetOf('ANY /api/bookings')).toContain(functionLogicalId('Boats'));
    expect(targetOf('ANY /api/bookings/{proxy+}')).toContain(functionLogicalId('Boats'));
    expect(targetOf('POST /api/bookings/{bookingId}/checkout')).toContain(functionLogicalId('Payments'));
    expect(targetOf('POST /api/bookings/{bookingId}/cancel')).toContain(functionLogicalId('Payments'));
    expect(targetOf('POST /api/bookings/access-links')).toContain(functionLogicalId('Payments'));
    expect(targetOf('ANY /api/payments/{proxy+}')).toContain(functionLogicalId('Payments'));
    expect(targetOf('ANY /api/{proxy+}')).toContain(functionLogicalId('Platform'));
  });

  it('logs every request as one JSON line and throttles by default', () => {
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 1000, ThrottlingRateLimit: 500 },
    });
    const accessLog = stage.Properties.AccessLogSettings as { Format: string };
    expect(JSON.parse(accessLog.Format)).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      method: '$context.httpMethod',
      path: '$context.path',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
  });

  it('publishes the API URL', () => {
    api.hasOutput('ApiUrl', {});
  });
});

describe('checks over the whole app', () => {
  it('leaves no cdk-nag AwsSolutions error or warning unacknowledged', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(platform.app);
    const findings = report.violations.map((violation) => `${violation.severity} ${violation.ruleName}`);
    expect(findings).toEqual([]);
  });

  it('finishes synthesis with an empty validation report (cdk-nag and CloudFormation rules)', () => {
    expect(validationFindings(platform.assembly)).toEqual([]);
  });

  it('raises no CDK warning or error in any stack', () => {
    for (const stack of Object.values(stacks)) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findWarning('*', Match.anyValue()), stack.stackName).toEqual([]);
      expect(annotations.findError('*', Match.anyValue()), stack.stackName).toEqual([]);
    }
  });
});

describe('tracking', () => {
  it('routes /api/tracking/* to the tracking function, which may write the table and send alerts by SMS', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/tracking/{proxy+}' });
    const actions = actionsGrantedTo('Tracking');
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'sns:Publish']));
  });

  it('runs the signal check every minute through EventBridge Scheduler, with a function that outlasts the minute', () => {
    api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      Target: Match.objectLike({ Input: JSON.stringify({ job: 'detect-lost-signals' }) }),
    });
    const resource = api.findResources('AWS::Lambda::Function')[
      functionLogicalId('TrackingJobs')
    ] as Resource;
    expect(resource.Properties.Timeout).toBe(90);
  });
});
