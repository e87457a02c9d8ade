// The live updates on AWS: the tracking WebSocket API, its function, and the reader of the table's stream that
// publishes boats' positions and alerts to the connections (functions/platform/live-updates/).
import { CfnOutput, Duration, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import { type CfnApi, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/platform/table.js';
import { TRACKING_LIVE_PARTITIONS } from '../../functions/tracking/live/stream-partitions.js';
import { grantTableReadWrite } from '../constructs/audit-log-protection.js';
import { DomainFunction } from '../constructs/domain-function.js';

export interface RealtimeStackProps extends StackProps {
  readonly table: ITableV2;
  /** The staff user pool, whose ID tokens the tracking domain checks when a connection opens. */
  readonly userPool: { readonly userPoolId: string; readonly userPoolClientId: string };
  /** The key of the staff pages' connect tokens (issued by the API stack's tracking function). */
  readonly liveConnectSecret: ISecret;
}

/** The stage browsers connect to: `wss://<api id>.execute-api.<region>.amazonaws.com/live`. */
export const LIVE_STAGE_NAME = 'live';

/**
 * The WebSocket API: `$connect`, `$disconnect` and `$default` all go to one function (the tracking domain's resolver
 * decides who hears what); the stream's reader posts to the connections through the stage's management endpoint.
 */
export class RealtimeStack extends Stack {
  readonly webSocketApi: WebSocketApi;
  readonly stage: WebSocketStage;
  /** Where browsers open the live updates (the site's LIVE_UPDATES_URL). */
  readonly liveUpdatesUrl: string;

  constructor(scope: Construct, id: string, props: RealtimeStackProps) {
    super(scope, id, props);

    this.webSocketApi = new WebSocketApi(this, 'TrackingLiveApi', {
      apiName: 'halong-tourism-live',
      description: 'Ha Long smart tourism: live boat positions and safety alerts over WebSocket',
    });
    this.stage = new WebSocketStage(this, 'LiveStage', {
      webSocketApi: this.webSocketApi,
      stageName: LIVE_STAGE_NAME,
      autoDeploy: true,
      // A browser sends one `hello`; hundreds of messages a second from everyone together is abuse.
      throttle: { burstLimit: 100, rateLimit: 50 },
    });
    this.liveUpdatesUrl = this.stage.url;
    const managementEndpoint = this.stage.callbackUrl;

    const live = new DomainFunction(this, 'TrackingLive', {
      domain: 'tracking-live',
      table: props.table,
      userPool: props.userPool,
      environment: {
        LIVE_UPDATES_ENDPOINT: managementEndpoint,
        LIVE_CONNECT_SECRET_ARN: props.liveConnectSecret.secretArn,
      },
    });
    props.liveConnectSecret.grantRead(live.function);
    // Reads what the resolver needs (bookings, boats) and writes the connection items.
    grantTableReadWrite(props.table, live.function);
    // Posts the ready message, to this stage's connections only.
    this.grantPosting(live);
    const integration = new WebSocketLambdaIntegration('TrackingLiveIntegration', live.function);
    const routes = [
      this.webSocketApi.addRoute('$connect', { integration }),
      this.webSocketApi.addRoute('$disconnect', { integration }),
      this.webSocketApi.addRoute('$default', { integration }),
    ];
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization happens in the function at $connect: the tracking domain checks the Cognito ID token, ' +
          'a staff page’s signed connect token or the booking’s access token and chooses the topics the connection may hear; a tourist with a ' +
          'ticket has no Cognito identity an API Gateway authorizer could check. $disconnect and $default ' +
          'reach only connections $connect accepted.',
      });
    }
    Validations.of(this.stage).acknowledge({
      id: 'AwsSolutions-APIG1',
      reason:
        'Access logs of a WebSocket stage need the account-wide API Gateway CloudWatch role (AWS::ApiGateway::' +
        'Account), a setting of the whole account this app does not take over; the function logs every ' +
        'refused connection and every failed post.',
    });

    const stream = new DomainFunction(this, 'TrackingStream', {
      domain: 'tracking-stream',
      table: props.table,
      environment: { LIVE_UPDATES_ENDPOINT: managementEndpoint },
      // A batch's posts are bounded by their own timeouts (1 s, two attempts), a few rounds of them at most.
      timeout: Duration.seconds(30),
    });
    // Reads what a message joins (the boat, its trip); deletes connections API Gateway answers 410 Gone for.
    grantTableReadWrite(props.table, stream.function);
    this.grantPosting(stream);
    stream.function.addEventSource(
      new DynamoEventSource(props.table, {
        // A live update about the past is no update: start from now, and never retry one older than a minute.
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        // No batching window: a position reaches the browsers within a second of its report.
        maxBatchingWindow: Duration.seconds(0),
        filters: [
          FilterCriteria.filter({
            dynamodb: {
              Keys: {
                [tableDefinition.partitionKey]: {
                  S: TRACKING_LIVE_PARTITIONS.beginningWith.flatMap((prefix) =>
                    FilterRule.beginsWith(prefix),
                  ),
                },
              },
            },
          }),
        ],
        retryAttempts: 1,
        maxRecordAge: Duration.minutes(1),
      }),
    );

    new CfnOutput(this, 'LiveUpdatesUrl', { value: this.liveUpdatesUrl });
  }

  /** execute-api:ManageConnections on this API's stage, for any of its connections (their ids are made at connect). */
  private grantPosting(poster: DomainFunction): void {
    this.stage.grantManagementApiAccess(poster.function);
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    const apiId = this.getLogicalId(this.webSocketApi.node.defaultChild as CfnApi);
    Validations.of(poster).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:aws:execute-api:${region}:<AWS::AccountId>:<${apiId}>/${LIVE_STAGE_NAME}/*/@connections/*]`,
      reason:
        'A connection id is made by API Gateway when a browser connects, so the grant names this API and stage ' +
        'and leaves the connection (and the HTTP method of the management call) open.',
    });
  }
}
