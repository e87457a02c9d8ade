// The realtime stack as synthesized: the tracking WebSocket API, who may post to its connections, the stream's
// reader and its filter, and the site told where the live updates are.
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import type { DomainFunction } from '../../cdk/constructs/domain-function.js';
import { LIVE_STAGE_NAME } from '../../cdk/stacks/realtime-stack.js';
import { synthesizePlatform, validationFindings } from './synthesize-platform.js';

const platform = synthesizePlatform();
afterAll(() => platform.dispose());

const { stacks } = platform;
const realtime = Template.fromStack(stacks.realtime);
const web = Template.fromStack(stacks.web);

type Resource = { Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const apiId = stacks.realtime.getLogicalId(stacks.realtime.webSocketApi.node.defaultChild as CfnApi);

function functionId(constructId: 'TrackingLive' | 'TrackingStream'): string {
  const domainFunction = stacks.realtime.node.findChild(constructId) as DomainFunction;
  return stacks.realtime.getLogicalId(domainFunction.function.node.defaultChild as CfnFunction);
}

function statementsOf(constructId: 'TrackingLive' | 'TrackingStream'): Statement[] {
  const policies = Object.values(realtime.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(`"${constructId}FunctionServiceRole`),
    )
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function environmentOf(constructId: 'TrackingLive' | 'TrackingStream'): Record<string, unknown> {
  const resource = realtime.findResources('AWS::Lambda::Function')[functionId(constructId)] as Resource;
  return (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

describe('realtime stack', () => {
  it('routes $connect, $disconnect and $default to the tracking live function', () => {
    realtime.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    realtime.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
    const routes = Object.values(realtime.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      '$connect',
      '$default',
      '$disconnect',
    ]);
    const integrations = Object.values(
      realtime.findResources('AWS::ApiGatewayV2::Integration'),
    ) as Resource[];
    expect(integrations).toHaveLength(1);
    expect(JSON.stringify(integrations[0]?.Properties.IntegrationUri)).toContain(functionId('TrackingLive'));
  });

  it('deploys a throttled stage and outputs its wss address', () => {
    realtime.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: LIVE_STAGE_NAME,
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
    realtime.hasOutput('LiveUpdatesUrl', {
      Value: {
        'Fn::Join': [
          '',
          ['wss://', { Ref: apiId }, Match.stringLikeRegexp('execute-api'), Match.anyValue(), '/live'],
        ],
      },
    });
  });

  it('lets only its two functions post to connections, of this API’s stage alone', () => {
    for (const poster of ['TrackingLive', 'TrackingStream'] as const) {
      const posting = statementsOf(poster).filter((statement) =>
        [statement.Action].flat().includes('execute-api:ManageConnections'),
      );
      expect(posting, poster).toHaveLength(1);
      const resource = JSON.stringify(posting[0]?.Resource);
      expect(resource).toContain(`{"Ref":"${apiId}"}`);
      expect(resource).toContain(`/${LIVE_STAGE_NAME}/*/@connections/*`);
      expect(environmentOf(poster).LIVE_UPDATES_ENDPOINT).toEqual({
        'Fn::Join': [
          '',
          ['https://', { Ref: apiId }, '.execute-api.ap-southeast-1.', { Ref: 'AWS::URLSuffix' }, '/live'],
        ],
      });
    }
  });

  it('lets the WebSocket’s function alone read the connect tokens’ key, from the API stack', () => {
    const secretArn = JSON.stringify(environmentOf('TrackingLive').LIVE_CONNECT_SECRET_ARN);
    // A reference to the API stack's secret (an output of that stack), not a secret of this one.
    expect(secretArn).toContain('HalongTourism-Api');
    expect(secretArn).toContain('LiveConnectSecret');
    realtime.resourceCountIs('AWS::SecretsManager::Secret', 0);
    const reads = (poster: 'TrackingLive' | 'TrackingStream') =>
      statementsOf(poster).filter((statement) =>
        [statement.Action].flat().includes('secretsmanager:GetSecretValue'),
      );
    expect(JSON.stringify(reads('TrackingLive').map((statement) => statement.Resource))).toBe(
      JSON.stringify([JSON.parse(secretArn)]),
    );
    expect(reads('TrackingStream')).toEqual([]);
    expect(environmentOf('TrackingStream').LIVE_CONNECT_SECRET_ARN).toBeUndefined();
  });

  it('feeds the stream’s reader only the latest positions and the alerts, from now, never a minute late', () => {
    realtime.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId('TrackingStream') },
      StartingPosition: 'LATEST',
      MaximumBatchingWindowInSeconds: 0,
      MaximumRecordAgeInSeconds: 60,
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              dynamodb: {
                Keys: { PK: { S: [{ prefix: 'TRACKING#LATEST' }, { prefix: 'TRACKING#ALERT#DAY#' }] } },
              },
            }),
          },
        ],
      },
    });
  });

  it('checks staff tokens with the user pool at connect', () => {
    expect(environmentOf('TrackingLive')).toMatchObject({ AUTH_MODE: 'cognito' });
    expect(environmentOf('TrackingStream').AUTH_MODE).toBeUndefined();
  });

  it('tells the site where browsers open the live updates', () => {
    web.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          LIVE_UPDATES_URL: { 'Fn::Join': ['', Match.arrayWith(['wss://', '/live'])] },
        }),
      },
    });
  });

  it('has no unacknowledged cdk-nag finding', () => {
    const realtimeFindings = validationFindings(platform.assembly).filter((finding) =>
      finding.paths.some((path) => path.startsWith('/HalongTourism-Realtime')),
    );
    expect(realtimeFindings).toEqual([]);
  });
});
