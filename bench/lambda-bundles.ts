/**
 * The Lambda functions as deployed: each entry point bundled by esbuild with exactly the options CDK uses, its
 * minified size, the packages that weigh most in it, and its init cost — the time a fresh Node process takes
 * to import the bundle, with the AWS SDK (which the Lambda runtime provides, outside our bundles) already loaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { domainFunctionEntries, lambdaBundlingOptions, repositoryRoot } from '../cdk/lambda-bundling.js';
import { median, percentile } from './statistics.js';

export const INIT_RUNS = 20;

export interface BundleMeasurement {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
  largestInputs: [owner: string, bytes: number][];
  /** One sample per fresh process. */
  init: InitSample[];
}

// Inside the repository, so the bundles' external @aws-sdk/* imports resolve as the Lambda runtime's would.
const BUNDLE_DIRECTORY = join(repositoryRoot, 'node_modules', '.cache', 'bench-lambda');

// What the handlers read at import time; AUTH_MODE=cognito as on AWS (the keys are only fetched on a request).
const LAMBDA_ENVIRONMENT = {
  AUTH_MODE: 'cognito',
  COGNITO_USER_POOL_ID: 'ap-southeast-1_Bench1234',
  COGNITO_CLIENT_ID: 'bench',
  TABLE_NAME: 'halong-tourism',
  AWS_REGION: 'ap-southeast-1',
  LOG_LEVEL: 'silent',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Bundles one entry point as CDK does and writes it where its SDK imports resolve. */
export async function bundle(
  name: string,
  entry: string,
): Promise<Omit<BundleMeasurement, 'init'> & { file: string }> {
  mkdirSync(BUNDLE_DIRECTORY, { recursive: true });
  const file = join(BUNDLE_DIRECTORY, `${name}.mjs`);
  const result = await build({
    ...lambdaBundlingOptions,
    entryPoints: [entry],
    outfile: file,
    metafile: true,
    logLevel: 'error',
  });
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
  if (!output) throw new Error(`esbuild produced no bundle for ${name}`);
  const byOwner = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const owner =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ??
      (path.startsWith('web/dist/') ? 'Astro build of our pages' : 'our code');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + input.bytesInOutput);
  }
  return {
    name,
    file,
    minifiedBytes: output.bytes,
    gzipBytes: gzipSync(readFileSync(file)).byteLength,
    largestInputs: [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4),
  };
}

/** One fresh process's import times, in milliseconds. */
export interface InitSample {
  /** The AWS SDK clients, which the Lambda runtime provides outside our bundles. */
  sdk: number;
  /** Node's fetch implementation (undici), loaded on first use of Request or Response by any HTTP handler. */
  fetch: number;
  /** The bundle itself: parsing, compiling and running its top level. */
  bundle: number;
}

/**
 * Imports `file` in `runs` fresh Node processes, timing separately what every function pays whatever its
 * bundle (the SDK and Node's fetch implementation) and the bundle itself.
 */
export function measureInit(file: string, runs = INIT_RUNS): InitSample[] {
  const script = `
    let started = performance.now();
    await import('@aws-sdk/client-dynamodb');
    await import('@aws-sdk/lib-dynamodb');
    const sdk = performance.now() - started;
    started = performance.now();
    new Response(new Request('http://localhost/').body);
    const fetch = performance.now() - started;
    started = performance.now();
    await import(${JSON.stringify(file)});
    const bundle = performance.now() - started;
    process.stdout.write(JSON.stringify({ sdk, fetch, bundle }));`;
  const samples: InitSample[] = [];
  for (let run = 0; run < runs; run += 1) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repositoryRoot,
      env: { ...process.env, ...LAMBDA_ENVIRONMENT },
      encoding: 'utf8',
    });
    samples.push(JSON.parse(output) as InitSample);
  }
  return samples;
}

/** Every function of cdk/lambda-bundling.ts, bundled and measured. */
export async function measureLambdaBundles(): Promise<BundleMeasurement[]> {
  const measurements: BundleMeasurement[] = [];
  for (const [name, entry] of Object.entries(domainFunctionEntries)) {
    const { file, ...size } = await bundle(name, entry);
    measurements.push({ ...size, init: measureInit(file) });
  }
  return measurements;
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Rows of the bundles table in BENCHMARKS.md. */
export function bundleRows(measurements: BundleMeasurement[]): string[] {
  return [
    '| function | minified | gzip | bundle init, median of 20 (p90) | largest contributors |',
    '|---|---|---|---|---|',
    ...measurements.map((m) => {
      const init = m.init.map((sample) => sample.bundle);
      const owners = m.largestInputs.map(([owner, bytes]) => `${owner} ${kib(bytes)}`).join(', ');
      return `| ${m.name} | ${kib(m.minifiedBytes)} | ${kib(m.gzipBytes)} | ${median(init).toFixed(1)} ms (${percentile(init, 90).toFixed(1)} ms) | ${owners} |`;
    }),
  ];
}
