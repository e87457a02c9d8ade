// How richly the visit is drawn, chosen once per page before the first frame, from the device's GPU as
// detect-gpu rates it (its benchmark tables served by us, never fetched from elsewhere). Weak and software GPUs
// get the light level — one pixel per CSS pixel, no spotlights, no bump or clear-coat detail — so a phone of
// five years ago still shows every room; a capable GPU gets the full one. `?quality=full|light` in the
// address overrides the choice (the screenshot script asks for full).
import { getGPUTier } from '@pmndrs/detect-gpu';

export type Quality = 'full' | 'light';

/** Where the site serves detect-gpu's benchmark tables (copied there by the build). */
export const GPU_BENCHMARKS_PATH = '/museum/gpu-benchmarks';

let current: Quality = 'full';

/** The level the materials and the scene are made at; set once, before the first one is made. */
export function quality(): Quality {
  return current;
}

function requested(): Quality | null {
  const asked = new URLSearchParams(window.location.search).get('quality');
  return asked === 'full' || asked === 'light' ? asked : null;
}

/**
 * Chooses the level: tier 2 and up (about 30 frames a second or more in detect-gpu's benchmarks at this
 * screen's size) is full; lower tiers, blocklisted and software GPUs, or no answer within two seconds, light.
 */
export async function chooseQuality(): Promise<Quality> {
  const asked = requested();
  if (asked) {
    current = asked;
    return current;
  }
  const tier = await Promise.race([
    getGPUTier({ benchmarksURL: GPU_BENCHMARKS_PATH })
      .then((result) => result.tier)
      .catch(() => 0),
    new Promise<number>((resolve) => setTimeout(() => resolve(0), 2_000)),
  ]);
  current = tier >= 2 ? 'full' : 'light';
  return current;
}
