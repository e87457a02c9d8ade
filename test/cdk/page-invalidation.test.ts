// The reader of the table's stream in the web stack: fed only the items pages show, a batch at a time, allowed to
// read the stream and to invalidate this distribution, nothing else.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_INVALIDATION_BATCHING_SECONDS } from '../../cdk/stacks/web-stack.js';
import { synthesizePlatform } from './synthesize-platform.js';

const platform = synthesizePlatform();
afterAll(() => platform.dispose());

const { web } = platform.stacks;
const template = Template.fromStack(web);

type Resource = { Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const functionId = web.getLogicalId(web.pageInvalidation.function.node.defaultChild as CfnFunction);
const distributionRef = { Ref: web.getLogicalId(web.distribution.node.defaultChild as CfnDistribution) };
const properties = (template.findResources('AWS::Lambda::Function')[functionId] as Resource).Properties;
const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
const mapping = mappings[0] as Resource;

/** Every IAM statement of the policies attached to the function's role. */
const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
  .filter((policy) =>
    JSON.stringify(policy.Properties.Roles).includes('"PageInvalidationFunctionServiceRole'),
  )
  .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

const grantsOf = (action: string) =>
  statements.filter((statement) => [statement.Action].flat().includes(action)).map((s) => s.Resource);

/** The data stack's table stream, as the web stack reads it (the web stack depends on the data stack). */
const tableStream = {
  'Fn::GetStackOutput': {
    StackName: 'HalongTourism-Data',
    Region: 'ap-southeast-1',
    OutputName: expect.stringMatching(/^PublishOutputFnGetAttTable\w*StreamArn\w*$/),
  },
};

describe('the page-invalidation function', () => {
  it('runs on arm64 Node.js 22 with the distribution’s id, and knows no table', () => {
    expect(properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 30,
    });
    const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.DISTRIBUTION_ID).toEqual(distributionRef);
    expect(variables).not.toHaveProperty('TABLE_NAME');
  });

  it('reads the table’s stream from its newest records, in batches gathered for a few seconds', () => {
    expect(mappings).toHaveLength(1);
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: functionId },
      StartingPosition: 'LATEST',
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: PAGE_INVALIDATION_BATCHING_SECONDS,
      MaximumRetryAttempts: 2,
      MaximumRecordAgeInSeconds: 120,
    });
    expect(mapping.Properties.EventSourceArn).toEqual(tableStream);
  });

  it('is given only changes of the items pages show, by their partition key', () => {
    const { Filters: filters } = mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] };
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      {
        dynamodb: {
          Keys: {
            PK: { S: ['BOATS#CATALOG', 'MUSEUM#CATALOG', 'WIFI#HOTSPOTS', { prefix: 'DEPARTURES#' }] },
          },
        },
      },
    ]);
  });

  it('may create invalidations of this distribution only, and read the stream but not the table', () => {
    expect(grantsOf('cloudfront:CreateInvalidation')).toEqual([
      {
        'Fn::Join': [
          '',
          ['arn:aws:cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', distributionRef],
        ],
      },
    ]);
    const streamReads = ['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams'];
    for (const read of streamReads) expect(grantsOf(`dynamodb:${read}`), read).toEqual([tableStream]);
    const actions = statements.flatMap((statement) => statement.Action).sort();
    expect(actions).toEqual([
      'cloudfront:CreateInvalidation',
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    expect(statements.every((statement) => statement.Effect === 'Allow')).toBe(true);
  });

  it('is in the stack of the distribution it invalidates', () => {
    expect(Stack.of(web.pageInvalidation)).toBe(Stack.of(web.distribution));
  });
});
