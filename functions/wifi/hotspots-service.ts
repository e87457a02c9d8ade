/**
 * The hotspot registry's rules: a new hotspot gets a readable id from its name; a replacement keeps the stored
 * secrets it leaves out, unless the gateway's vendor changes (the old secrets mean nothing to the new one).
 * No HTTP and no SDK types here.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_BRANDING,
  DEFAULT_POLICY,
  type GatewayInput,
  type Hotspot,
  type HotspotInput,
  type HotspotUpdate,
  secretFields,
} from './model.js';
import type { HotspotStore } from './store.js';

export class HotspotNotFoundError extends Error {
  override readonly name = 'HotspotNotFoundError';
}

/** A secret the change needs and the store cannot supply. */
export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError';
  constructor(readonly field: string) {
    super(`gateway.${field} is required when the gateway's vendor changes (or the stored one is damaged).`);
  }
}

/** "Cảng Tuần Châu – Sảnh A" → "cang-tuan-chau-sanh-a". */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `stored` is null when the stored gateway can no longer be read: then every secret must be sent. */
function keepStoredSecrets(update: HotspotUpdate['gateway'], stored: GatewayInput | null): GatewayInput {
  const merged: Record<string, unknown> = { ...update };
  for (const field of secretFields[update.vendor] as readonly string[]) {
    if (merged[field] !== undefined) continue;
    if (stored === null || stored.vendor !== update.vendor) throw new MissingSecretError(field);
    merged[field] = (stored as Record<string, unknown>)[field];
  }
  return merged as GatewayInput;
}

export function createHotspotsService(store: HotspotStore, now: () => Date = () => new Date()) {
  const complete = (id: string, input: HotspotInput, gateway: GatewayInput, demo: boolean): Hotspot => ({
    id,
    name: input.name,
    location: input.location,
    gateway,
    loginMethods: [...new Set(input.loginMethods)],
    policy: input.policy ?? DEFAULT_POLICY,
    branding: input.branding ?? DEFAULT_BRANDING,
    ...(input.area && { area: input.area }),
    ...(input.place && { place: input.place }),
    demo,
    updatedAt: now().toISOString(),
  });

  return {
    list: () => store.list(),

    async get(id: string): Promise<Hotspot> {
      const hotspot = await store.get(id);
      if (!hotspot) throw new HotspotNotFoundError(`There is no hotspot "${id}".`);
      return hotspot;
    },

    /** A new hotspot, named after itself with a short random tail so two of the same name never collide. */
    async create(input: HotspotInput): Promise<Hotspot> {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const id = `${slugOf(input.name.en) || 'hotspot'}-${randomBytes(3).toString('hex')}`;
        const hotspot = complete(id, input, input.gateway, false);
        if (await store.put(hotspot, 'absent')) return hotspot;
      }
      throw new Error('no free hotspot id after five attempts');
    },

    /** Seeding: a hotspot under a given id, only if it is not there yet. */
    async seed(id: string, input: HotspotInput): Promise<boolean> {
      return store.put(complete(id, input, input.gateway, true), 'absent');
    },

    async replace(id: string, update: HotspotUpdate): Promise<Hotspot> {
      const stored = await store.getReplaceable(id);
      if (!stored) throw new HotspotNotFoundError(`There is no hotspot "${id}".`);
      const gateway = keepStoredSecrets(update.gateway, stored.gateway);
      const hotspot = complete(id, { ...update, gateway }, gateway, stored.demo);
      if (!(await store.put(hotspot, 'present')))
        throw new HotspotNotFoundError(`There is no hotspot "${id}".`);
      return hotspot;
    },

    async remove(id: string): Promise<void> {
      if (!(await store.remove(id))) throw new HotspotNotFoundError(`There is no hotspot "${id}".`);
    },
  };
}

export type HotspotsService = ReturnType<typeof createHotspotsService>;
