/**
 * The Lambda functions' weight at a cold start: each entry bundled exactly as a deploy bundles it, and what
 * its first import loads (the entry and the chunks it imports statically) held to the 250 kB budget. The site
 * function is over it by design (Astro's runtime) and has its init time published instead (BENCHMARKS.md).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../bench/lambda-bundles.js';
import { DomainFunction } from '../../cdk/constructs/domain-function.js';
import { domainFunctionEntries } from '../../cdk/lambda-bundling.js';

const BUDGET_BYTES = 250_000;

describe('the Lambda bundles', () => {
  const apiFunctions = Object.entries(domainFunctionEntries).filter(([name]) => name !== 'site');

  it.each(apiFunctions)('%s loads at most 250 kB of code at a cold start', async (name, entry) => {
    const measured = await bundle(name, entry);
    expect(measured.minifiedBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('payments reaches Stripe without its SDK', async () => {
    const measured = await bundle('payments', domainFunctionEntries.payments);
    expect(measured.largestInputs.map(([owner]) => owner)).not.toContain('stripe');
    // Not at its cold start, nor in a chunk it loads later (the weather bans load with their first request).
    expect(measured.inputsAnywhere.filter((path) => path.includes('node_modules/stripe/'))).toEqual([]);
  });

  it('site loads no domain at a cold start: each loads with the first page that reads it', async () => {
    const measured = await bundle('site', domainFunctionEntries.site);
    const domainsAtInit = measured.inputsAtInit.filter((path) =>
      /^functions\/(boats|museum|wifi|insights)\//.test(path),
    );
    expect(domainsAtInit).toEqual([]);
    // Nor the classic zod API, whose schemas are the domains' (the configuration is read with zod/mini).
    expect(measured.inputsAtInit.filter((path) => path.includes('zod/v4/classic/'))).toEqual([]);
    expect(measured.largestLazyChunkBytes).toBeGreaterThan(0);
  });

  it('platform loads the domains and the OpenAPI generator only with the document', async () => {
    const measured = await bundle('platform', domainFunctionEntries.platform);
    const owners = measured.largestInputs.map(([owner]) => owner);
    expect(owners).not.toContain('@asteasolutions/zod-to-openapi');
    expect(measured.largestLazyChunkBytes).toBeGreaterThan(0);
  });
});

describe('the functions as CDK bundles them', () => {
  it('gives each function its own code: its entry as index.mjs, with the chunks it loads', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'halong-cdk-'));
    try {
      const stack = new Stack(new App({ outdir }), 'Bundles');
      const table = new TableV2(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING } });
      new DomainFunction(stack, 'Boats', { domain: 'boats', table });
      new DomainFunction(stack, 'Platform', { domain: 'platform', table });
      const functions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
      // Each function's code is the zip of the folder asset.<hash> of the cloud assembly, named <hash>.zip.
      const assets = functions.map(
        (resource) => `asset.${(resource.Properties.Code.S3Key as string).replace(/\.zip$/, '')}`,
      );
      expect(functions.map((resource) => resource.Properties.Handler)).toEqual([
        'index.handler',
        'index.handler',
      ]);
      expect(new Set(assets).size).toBe(2);
      for (const asset of assets) expect(existsSync(join(outdir, asset, 'index.mjs'))).toBe(true);
      // The platform function's document and the domains behind it are a chunk of their own.
      expect(existsSync(join(outdir, assets[1] as string, 'chunks'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
