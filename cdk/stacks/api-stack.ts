// The HTTP API: one Lambda function per domain behind one API, with access logs and default throttling.
import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { DomainFunction } from '../constructs/domain-function.js';

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

    // Least privilege: the platform function only reads (health check, /auth/me); boats also edits its items.
    props.table.grantReadData(platform.function);
    props.table.grantReadWriteData(boats.function);

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
    const routes = [
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
          'these proxy routes with staff-only ones.',
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
  }
}
