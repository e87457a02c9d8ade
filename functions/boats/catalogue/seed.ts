/**
 * Loads the boats catalogue seed (real routes, ports and fees from the bay board's notices, and the
 * cancellation policy) into the store.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { CancellationPolicy } from './cancellation-policy.js';
import { BoatsCatalogueSeed } from './model.js';
import type { CatalogueStore } from './store.js';

export const BOATS_CATALOGUE_SEED = new URL('../../../assets/seed/boats-catalogue.json', import.meta.url);

export const CANCELLATION_POLICY_SEED = new URL(
  '../../../assets/seed/cancellation-policy.json',
  import.meta.url,
);

export async function readBoatsCatalogueSeed(file: URL = BOATS_CATALOGUE_SEED): Promise<BoatsCatalogueSeed> {
  return BoatsCatalogueSeed.parse(JSON.parse(await readFile(file, 'utf8')));
}

export async function readCancellationPolicySeed(
  file: URL = CANCELLATION_POLICY_SEED,
): Promise<CancellationPolicy> {
  const seed = z
    .object({ note: z.string(), policy: CancellationPolicy })
    .parse(JSON.parse(await readFile(file, 'utf8')));
  return seed.policy;
}

/** Adds whatever of the catalogue is missing; returns how many items were written (0 on a second run). */
export async function seedBoatsCatalogue(
  store: CatalogueStore,
  catalogue: BoatsCatalogueSeed,
  now = new Date(),
): Promise<number> {
  const updatedAt = now.toISOString();
  const cancellationPolicy = await readCancellationPolicySeed();
  const writes = await Promise.all([
    store.addFeePolicyIfAbsent(catalogue.feePolicy),
    store.addCancellationPolicyIfAbsent(cancellationPolicy),
    ...catalogue.ports.map((port) => store.addPortIfAbsent(port)),
    ...catalogue.routes.map((route) => store.addRouteIfAbsent({ ...route, updatedAt })),
  ]);
  return writes.filter(Boolean).length;
}
