/** Loads the boats catalogue seed (real routes, ports and fees from the bay board's notices) into the store. */
import { readFile } from 'node:fs/promises';
import { readCancellationPolicySeed } from './cancellation-policy.js';
import { BoatsCatalogSeed } from './model.js';
import type { BoatsStore } from './store.js';

export const BOATS_CATALOG_SEED = new URL('../../assets/seed/boats-catalog.json', import.meta.url);

export async function readBoatsCatalogSeed(file: URL = BOATS_CATALOG_SEED): Promise<BoatsCatalogSeed> {
  return BoatsCatalogSeed.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Adds whatever of the catalogue is missing; returns how many items were written (0 on a second run). */
export async function seedBoatsCatalog(
  store: BoatsStore,
  catalog: BoatsCatalogSeed,
  now = new Date(),
): Promise<number> {
  const updatedAt = now.toISOString();
  const cancellationPolicy = await readCancellationPolicySeed();
  const writes = await Promise.all([
    store.addFeePolicyIfAbsent(catalog.feePolicy),
    store.addCancellationPolicyIfAbsent(cancellationPolicy),
    ...catalog.ports.map((port) => store.addPortIfAbsent(port)),
    ...catalog.routes.map((route) => store.addRouteIfAbsent({ ...route, updatedAt })),
  ]);
  return writes.filter(Boolean).length;
}
