// The HTTP API: one Lambda function per domain behind one API, with access logs and default throttling.
import { Annotations, CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { boatsJobSchedule } from '../../functions/boats/job-schedule.js';
import { DomainFunction } from '../constructs/domain-function.js';
import { ScheduledJobs } from '../constructs/scheduled-jobs.js';

export interface ApiStackProps extends StackProps {
  readonly table: ITableV2;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
}

/** One JSON line per request; the fields are HTTP API $context variables. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    requestTime: '$context.requestTime',
  }),
);

/** `/api/*` on AWS. Routes for a domain go to that domain's function; everything else to the platform's. */
export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly stripeKeys: Secret;
  readonly ticketSigningKey: Key;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    const functionSettings = {
      table: props.table,
      userPool: {
        userPoolId: props.userPool.userPoolId,
        userPoolClientId: props.userPoolClient.userPoolClientId,
      },
    };
    const platform = new DomainFunction(this, 'Platform', { domain: 'platform', ...functionSettings });
    const boats = new DomainFunction(this, 'Boats', { domain: 'boats', ...functionSettings });

    // Stripe's keys, put in by the operator after the first deploy (README, "Deploy"); never in a template.
    this.stripeKeys = new Secret(this, 'StripeKeys', {
      description: 'Ha Long tourism: Stripe keys as {"secretKey":"sk_…","webhookSecret":"whsec_…"}',
    });
    Validations.of(this.stripeKeys).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Stripe API keys and webhook signing secrets are rolled in the Stripe dashboard, not by a Secrets ' +
        'Manager rotation function; the operator then puts the new pair in this secret.',
    });
    // Tickets are signed in KMS: the private key never leaves it; scanners verify with GET /api/tickets/keys.
    this.ticketSigningKey = new Key(this, 'TicketSigningKey', {
      description: 'Ha Long tourism: signs e-ticket QR codes (ES256)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      // Tickets already sold must stay verifiable: the key outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.ticketSigningKey).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason:
        'KMS rotates only symmetric keys; a new signing key is introduced beside this one (the JWKS lists ' +
        'both) while tickets signed with the old one are still valid.',
    });

    // Deploy-time settings (README, "Deploy"): the site's public address and the SES sender of messages.
    const publicBaseUrl: unknown = this.node.tryGetContext('publicBaseUrl');
    const messagesFromAddress: unknown = this.node.tryGetContext('messagesFromAddress');
    const payments = new DomainFunction(this, 'Payments', {
      domain: 'payments',
      ...functionSettings,
      environment: {
        STRIPE_SECRET_ARN: this.stripeKeys.secretArn,
        TICKET_SIGNING_KEY_ID: this.ticketSigningKey.keyArn,
        ...(typeof publicBaseUrl === 'string' && { PUBLIC_BASE_URL: publicBaseUrl }),
        ...(typeof messagesFromAddress === 'string' && { MESSAGES_FROM_ADDRESS: messagesFromAddress }),
      },
    });
    this.ticketSigningKey.grant(payments.function, 'kms:Sign', 'kms:GetPublicKey');
    if (typeof messagesFromAddress === 'string') {
      const senderDomain = messagesFromAddress.replace(/^.*@/, '').replace(/>$/, '');
      payments.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: senderDomain })],
        }),
      );
    } else {
      Annotations.of(payments).addWarningV2(
        'halong:messages-sender',
        'No messagesFromAddress context: payments answer 503 until it is set (cdk deploy -c messagesFromAddress=…).',
      );
    }
    const boatsJobs = new DomainFunction(this, 'BoatsJobs', { domain: 'boats-jobs', table: props.table });
    const museum = new DomainFunction(this, 'Museum', { domain: 'museum', ...functionSettings });
    const wifi = new DomainFunction(this, 'Wifi', { domain: 'wifi', ...functionSettings });
    new ScheduledJobs(this, 'BoatsSchedules', { function: boatsJobs.function, jobs: boatsJobSchedule });

    // Least privilege: the platform function only reads (health check, /auth/me); the others edit their items.
    props.table.grantReadData(platform.function);
    props.table.grantReadWriteData(boats.function);
    props.table.grantReadWriteData(payments.function);
    props.table.grantReadWriteData(boatsJobs.function);
    props.table.grantReadWriteData(museum.function);
    props.table.grantReadWriteData(wifi.function);
    this.stripeKeys.grantRead(payments.function);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'halong-tourism-api',
      description: 'Ha Long smart tourism API, reached through CloudFront at /api/*',
      // The stage is declared below, to give it access logs and throttling.
      createDefaultStage: false,
    });

    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
        ),
        format: accessLogFormat,
      },
    });

    const boatsIntegration = new HttpLambdaIntegration('BoatsIntegration', boats.function);
    const platformIntegration = new HttpLambdaIntegration('PlatformIntegration', platform.function);
    const paymentsIntegration = new HttpLambdaIntegration('PaymentsIntegration', payments.function);
    const museumIntegration = new HttpLambdaIntegration('MuseumIntegration', museum.function);
    const wifiIntegration = new HttpLambdaIntegration('WifiIntegration', wifi.function);
    const routes = [
      ...this.httpApi.addRoutes({
        path: '/api/wifi/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: wifiIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/museum',
        methods: [HttpMethod.ANY],
        integration: museumIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/museum/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: museumIntegration,
      }),
      // Bookings are made and read in the boats function; paying and cancelling (Stripe) in the payments one.
      ...this.httpApi.addRoutes({
        path: '/api/bookings',
        methods: [HttpMethod.ANY],
        integration: boatsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/bookings/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: boatsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/bookings/{bookingId}/checkout',
        methods: [HttpMethod.POST],
        integration: paymentsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/bookings/{bookingId}/cancel',
        methods: [HttpMethod.POST],
        integration: paymentsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/tickets/{proxy+}',
        methods: [HttpMethod.GET],
        integration: paymentsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/payments/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: paymentsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/boats',
        methods: [HttpMethod.ANY],
        integration: boatsIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: '/api/boats/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: boatsIntegration,
      }),
      // The HTTP API picks the most specific match, so this catches only what no domain route claims.
      ...this.httpApi.addRoutes({
        path: '/api/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: platformIntegration,
      }),
    ];

    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization happens in the functions: they verify Cognito ID tokens with jose and check the ' +
          'cognito:groups role per route, because public read routes (routes, fees, health, docs) share ' +
          'these proxy routes with staff-only ones; bookings are authorised by their own access token and ' +
          "Stripe's webhook by its signature.",
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
  }
}
