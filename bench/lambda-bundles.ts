/**
 * The Lambda functions as deployed: each entry point bundled by esbuild with exactly the options CDK uses, its
 * minified size, the packages that weigh most in it, and its init cost — the time a fresh Node process takes
 * to import the bundle, with the AWS SDK (which the Lambda runtime provides, outside our bundles) already loaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { domainFunctionEntries, lambdaBundlingOptions, repositoryRoot } from '../cdk/lambda-bundling.js';
import { median, percentile } from './statistics.js';

export const INIT_RUNS = 20;

export interface BundleMeasurement {
  name: string;
  /** What a cold start loads: the entry and the chunks it imports statically, minified. */
  minifiedBytes: number;
  gzipBytes: number;
  /** Every file of the function, the chunks loaded only by the routes that import them included. */
  allFilesBytes: number;
  /** The largest chunk loaded on demand (a page of the site, the OpenAPI document), 0 if none. */
  largestLazyChunkBytes: number;
  /** By package, in what a cold start loads. */
  largestInputs: [owner: string, bytes: number][];
  /** The source files (repository paths) of what a cold start loads. */
  inputsAtInit: string[];
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
  // The page-invalidation function's distribution (cdk/stacks/web-stack.ts); nothing is called at import.
  DISTRIBUTION_ID: 'E2BENCHDISTRIBUTION',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

type Outputs = Metafile['outputs'];

/** The entry's output and every chunk it imports statically, transitively: what `import()` of it loads. */
function loadedAtInit(outputs: Outputs, entryFile: string): string[] {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryFile);
  return [...loaded];
}

/** Bundles one entry point as CDK does (into a folder: entry and chunks) and writes it where its SDK imports resolve. */
export async function bundle(
  name: string,
  entry: string,
): Promise<Omit<BundleMeasurement, 'init'> & { file: string; inputsAnywhere: string[] }> {
  const directory = join(BUNDLE_DIRECTORY, name);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const result = await build({
    ...lambdaBundlingOptions,
    entryPoints: [entry],
    outdir: directory,
    metafile: true,
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const code = Object.keys(outputs).filter((path) => path.endsWith('.mjs'));
  // Named by entryNames; the modules loaded with import() are entry points to esbuild too, named as chunks.
  const entryFile = relative(repositoryRoot, join(directory, 'index.mjs'));
  if (!outputs[entryFile]) throw new Error(`esbuild produced no entry for ${name}`);
  const atInit = loadedAtInit(outputs, entryFile);
  const byOwner = new Map<string, number>();
  const inputsAtInit = new Set<string>();
  for (const file of atInit) {
    for (const [path, input] of Object.entries(outputs[file]?.inputs ?? {})) {
      inputsAtInit.add(path);
      const owner =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ??
        (path.startsWith('web/dist/') ? 'Astro build of our pages' : 'our code');
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + input.bytesInOutput);
    }
  }
  const bytesOf = (file: string) => outputs[file]?.bytes ?? 0;
  const lazy = code.filter((file) => !atInit.includes(file));
  return {
    name,
    file: join(repositoryRoot, entryFile),
    minifiedBytes: atInit.reduce((sum, file) => sum + bytesOf(file), 0),
    gzipBytes: atInit.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(repositoryRoot, file))).byteLength,
      0,
    ),
    allFilesBytes: code.reduce((sum, file) => sum + bytesOf(file), 0),
    largestLazyChunkBytes: Math.max(0, ...lazy.map(bytesOf)),
    largestInputs: [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4),
    inputsAtInit: [...inputsAtInit].sort(),
    // Every module in any of its files, at init or loaded later.
    inputsAnywhere: [...new Set(code.flatMap((file) => Object.keys(outputs[file]?.inputs ?? {})))].sort(),
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
  /**
   * The CPU time (user and system, every thread of the process) the bundle's import took: on a machine shared
   * with other work the wall time above grows with the queue for the cores, this much less.
   */
  bundleCpu: number;
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
    const cpuBefore = process.cpuUsage();
    await import(${JSON.stringify(file)});
    const cpu = process.cpuUsage(cpuBefore);
    const bundle = performance.now() - started;
    const bundleCpu = (cpu.user + cpu.system) / 1000;
    process.stdout.write(JSON.stringify({ sdk, fetch, bundle, bundleCpu }));`;
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

const bytes = (count: number) => `${count.toLocaleString('en-US')} B`;

/** Rows of the bundles table in BENCHMARKS.md. */
export function bundleRows(measurements: BundleMeasurement[]): string[] {
  return [
    '| function | loaded at cold start, minified (budget 250,000 B) | gzip | all files (largest chunk loaded on demand) | bundle init, median of 20 (p90) | its CPU time, median | largest contributors at cold start |',
    '|---|---|---|---|---|---|---|',
    ...measurements.map((m) => {
      const init = m.init.map((sample) => sample.bundle);
      const cpu = m.init.map((sample) => sample.bundleCpu);
      const owners = m.largestInputs.map(([owner, bytes]) => `${owner} ${kib(bytes)}`).join(', ');
      const onDemand = m.largestLazyChunkBytes ? ` (${kib(m.largestLazyChunkBytes)})` : '';
      return `| ${m.name} | ${bytes(m.minifiedBytes)} (${kib(m.minifiedBytes)}) | ${kib(m.gzipBytes)} | ${kib(m.allFilesBytes)}${onDemand} | ${median(init).toFixed(1)} ms (${percentile(init, 90).toFixed(1)} ms) | ${median(cpu).toFixed(1)} ms | ${owners} |`;
    }),
  ];
}
