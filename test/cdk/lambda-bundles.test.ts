/**
 * The Lambda functions' weight at a cold start: each entry bundled exactly as a deploy bundles it, and what
 * its first import loads (the entry and the chunks it imports statically) held to the 250 kB budget. The site
 * function is over it by design and has its init time published instead (BENCHMARKS.md).
 */
import { describe, expect, it } from 'vitest';
import { bundle } from '../../bench/lambda-bundles.js';
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
    expect(measured.allFilesBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('platform loads the domains and the OpenAPI generator only with the document', async () => {
    const measured = await bundle('platform', domainFunctionEntries.platform);
    const owners = measured.largestInputs.map(([owner]) => owner);
    expect(owners).not.toContain('@asteasolutions/zod-to-openapi');
    expect(measured.largestLazyChunkBytes).toBeGreaterThan(0);
  });
});
