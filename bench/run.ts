/**
 * `npm run bench`: the numbers the foundation issue asks for — the local platform's cold start (command to
 * first 200 on /api/health) and the minified size of each Lambda bundle — written into BENCHMARKS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { domainFunctionEntries, lambdaBundlingOptions } from '../cdk/lambda-bundling.js';
import { freePort } from '../functions/local/dynamodb-local.js';
import { buildSite, siteNeedsBuild } from '../functions/local/site.js';
import { interrupt, launchPlatform } from '../test/e2e/support/platform-process.js';

const COLD_START_RUNS = 5;
const BENCHMARKS_FILE = new URL('../BENCHMARKS.md', import.meta.url);
const START_MARK = '<!-- bench:results:start -->';
const END_MARK = '<!-- bench:results:end -->';

interface BundleSize {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
  largestInputs: string;
}

async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const [name, entry] of Object.entries(domainFunctionEntries)) {
    const result = await build({
      ...lambdaBundlingOptions,
      entryPoints: [entry],
      outfile: `/tmp/bench-${name}.mjs`,
      write: false,
      metafile: true,
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
    if (!code) throw new Error(`esbuild produced no bundle for ${name}`);
    const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint);
    const byPackage = new Map<string, number>();
    for (const [path, input] of Object.entries(output?.inputs ?? {})) {
      const owner = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'our code';
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + input.bytesInOutput);
    }
    const largest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
    sizes.push({
      name,
      minifiedBytes: code.contents.byteLength,
      gzipBytes: gzipSync(code.contents).byteLength,
      largestInputs: largest.map(([owner, bytes]) => `${owner} ${kib(bytes)}`).join(', '),
    });
  }
  return sizes;
}

/** Milliseconds from spawning `npm start`'s program to the first 200 on /api/health. */
async function measureColdStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const platform = launchPlatform({ PORT: String(port) });
  try {
    for (;;) {
      if (platform.child.exitCode !== null) throw new Error(`the platform exited:\n${platform.output()}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await interrupt(platform);
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (siteNeedsBuild()) await buildSite();
  const bundles = await measureBundles();
  const coldStarts: number[] = [];
  for (let run = 0; run < COLD_START_RUNS; run += 1) coldStarts.push(await measureColdStart());

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
  const rounded = coldStarts.map((value) => Math.round(value));
  const results = [
    START_MARK,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    '',
    '### Cold start of the local platform',
    '',
    '| runs | median | fastest | slowest | each (ms) |',
    '|---|---|---|---|---|',
    `| ${COLD_START_RUNS} | ${Math.round(median(coldStarts))} ms | ${Math.min(...rounded)} ms | ${Math.max(...rounded)} ms | ${rounded.join(', ')} |`,
    '',
    '### Lambda bundles (minified ESM, AWS SDK external)',
    '',
    '| function | minified | gzip | largest contributors |',
    '|---|---|---|---|',
    ...bundles.map(
      (b) => `| ${b.name} | ${kib(b.minifiedBytes)} | ${kib(b.gzipBytes)} | ${b.largestInputs} |`,
    ),
    END_MARK,
  ].join('\n');

  const document = await readFile(BENCHMARKS_FILE, 'utf8');
  const before = document.slice(0, document.indexOf(START_MARK));
  const after = document.slice(document.indexOf(END_MARK) + END_MARK.length);
  await writeFile(BENCHMARKS_FILE, `${before}${results}${after}`);
  process.stdout.write(`${results}\n`);
}

await main();
