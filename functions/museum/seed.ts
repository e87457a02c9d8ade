/**
 * Loads the museum's seed (assets/seed/museum.json: the real rooms and treasures, with the details written
 * for the demo marked in each exhibit's demoNote) into the store. Idempotent: a second run writes nothing
 * and never overwrites a curator's edit.
 */
import { readFile } from 'node:fs/promises';
import { MuseumSeed } from './model.js';
import type { MuseumStore } from './store.js';

export const MUSEUM_SEED = new URL('../../assets/seed/museum.json', import.meta.url);

export async function readMuseumSeed(file: URL = MUSEUM_SEED): Promise<MuseumSeed> {
  return MuseumSeed.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Adds whatever of the museum's content is missing; returns how many items were written. */
export async function seedMuseum(store: MuseumStore, seed: MuseumSeed): Promise<number> {
  const writes = await Promise.all([
    store.putVisiting(seed.visiting, 'absent'),
    ...seed.rooms.map((room) => store.putRoom(room, 'absent')),
    ...seed.exhibits.map((exhibit) => store.putExhibit(exhibit, 'absent')),
    ...seed.tours.map((tour) => store.putTour(tour, 'absent')),
  ]);
  return writes.filter(Boolean).length;
}
