// The one place that sets how a domain's Lambda function runs: runtime, size, bundling, logs, tracing, environment.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage, Duration, type ILocalBundling, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import {
  type DomainName,
  domainFunctionEntries,
  LAMBDA_HANDLER,
  lambdaBundlingOptions,
  repositoryRoot,
} from '../lambda-bundling.js';

export interface DomainFunctionProps {
  /** Which handler to run (see domainFunctionEntries). */
  readonly domain: DomainName;
  /**
   * The platform table; its name is passed in TABLE_NAME. Grants are made by the caller. Absent for a function
   * that reads no table (the stream's reader gets its records as events).
   */
  readonly table?: ITableV2;
  /** The staff user pool whose ID tokens the function verifies; absent for a function that signs in nobody. */
  readonly userPool?: { readonly userPoolId: string; readonly userPoolClientId: string };
  /** More environment variables of this function. */
  readonly environment?: Record<string, string>;
  /** How long a run may take; 10 s (an API request) unless a job needs longer. */
  readonly timeout?: Duration;
}

const functionDescriptions: Record<DomainName, string> = {
  platform: 'Ha Long tourism API: health, identity and the API document',
  boats: 'Ha Long tourism API: boat routes, departures and bookings',
  payments: 'Ha Long tourism API: checkout, cancellation with refunds, Stripe webhook',
  'boats-jobs': 'Ha Long tourism: scheduled jobs of the boats domain (EventBridge Scheduler)',
  museum: 'Ha Long tourism API: the virtual museum’s rooms, exhibits, tours and search',
  wifi: 'Ha Long tourism API: the city Wi-Fi hotspots and their login portal',
  insights: 'Ha Long tourism API: demand series and their stored forecasts, for managers',
  'insights-jobs': 'Ha Long tourism: the nightly demand forecasts (EventBridge Scheduler)',
  'insights-rollups': 'Ha Long tourism: rolls the table’s changes up into the managers’ dashboard counters',
  site: 'Ha Long tourism: site pages rendered per request',
  tracking: 'Ha Long tourism API: the live map of boats, safety alerts and rules',
  'tracking-intake': 'Ha Long tourism API: boat positions from trackers (OsmAnd) and AIS receivers',
  'tracking-jobs': 'Ha Long tourism: the safety check for boats gone silent (EventBridge Scheduler)',
  'tracking-live': 'Ha Long tourism: the live tracking WebSocket API (connect, disconnect, hello)',
  'tracking-stream': 'Ha Long tourism: turns the table’s boat positions and alerts into live updates',
  'page-invalidation':
    'Ha Long tourism: invalidates on CloudFront the shared pages a table change made stale',
};

/**
 * Bundles one entry point with lambdaBundlingOptions into a folder (the entry and the chunks it loads, some only
 * when a route needs them). NodejsFunction cannot split code (it bundles to one file), so the bundling is ours;
 * it always runs with the esbuild of devDependencies, never in Docker. A class with the entry as a field, not a
 * plain function: CDK caches bundles by the JSON of their options, so two functions whose options differ only
 * in a closure would share one bundle.
 */
class EsbuildBundling implements ILocalBundling {
  constructor(readonly entry: string) {}

  tryBundle(outputDir: string): boolean {
    buildSync({
      ...lambdaBundlingOptions,
      entryPoints: [this.entry],
      outdir: outputDir,
      // Keeps `cdk synth` quiet: esbuild's size report is noise, its warnings are not.
      logLevel: 'warning',
    });
    for (const file of bundledFilesOf(this.entry)) {
      mkdirSync(join(outputDir, dirname(file.to)), { recursive: true });
      copyFileSync(join(repositoryRoot, file.from), join(outputDir, file.to));
    }
    return true;
  }
}

/**
 * Files a function reads at run time, copied beside its bundle: the morning report (the insights functions', and
 * the dashboard's download in the site function) embeds a font with Vietnamese letters in its PDF
 * (functions/insights/report/pdf.ts looks for it in `fonts/`).
 */
function bundledFilesOf(entry: string): { from: string; to: string }[] {
  const reportMakers: readonly string[] = [
    domainFunctionEntries.insights,
    domainFunctionEntries['insights-jobs'],
    domainFunctionEntries.site,
  ];
  if (!reportMakers.includes(entry)) return [];
  return [{ from: 'assets/fonts/DejaVuSans.ttf', to: 'fonts/DejaVuSans.ttf' }];
}

function bundledCode(domain: DomainName): Code {
  return Code.fromAsset(repositoryRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by CDK for bundling in a container, which EsbuildBundling makes unnecessary.
      image: DockerImage.fromRegistry('unused-bundling-runs-locally'),
      local: new EsbuildBundling(domainFunctionEntries[domain]),
    },
  });
}

/** A domain's Lambda function with the platform's defaults and its own log group. */
export class DomainFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: DomainFunctionProps) {
    super(scope, id);

    // Explicit, so its retention is set here rather than left to Lambda's never-expiring default.
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });

    this.function = new LambdaFunction(this, 'Function', {
      description: functionDescriptions[props.domain],
      code: bundledCode(props.domain),
      handler: LAMBDA_HANDLER,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        ...(props.table && { TABLE_NAME: props.table.tableName }),
        ...(props.userPool && {
          AUTH_MODE: 'cognito',
          COGNITO_USER_POOL_ID: props.userPool.userPoolId,
          COGNITO_CLIENT_ID: props.userPool.userPoolClientId,
        }),
        LOG_LEVEL: 'info',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });

    acknowledgeDefaults(this);
  }
}

/** The cdk-nag findings every domain function has by design, explained once here. */
function acknowledgeDefaults(domainFunction: DomainFunction): void {
  const findings = Validations.of(domainFunction);
  findings.acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'AWSLambdaBasicExecutionRole is the AWS-managed minimum (create log streams, put log events) for ' +
      'writing the function logs; it grants nothing else.',
  });
  findings.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level ' +
      'permissions, so AWS requires Resource "*" for them.',
  });
  findings.acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Node.js 22 is pinned on purpose: the bundles are built for node22 (lambda-bundling.ts) and the code ' +
      'is tested on Node 20/22; the runtime moves to nodejs24.x together with the esbuild target.',
  });
}
