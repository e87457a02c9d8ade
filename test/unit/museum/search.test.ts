import { beforeAll, describe, expect, it } from 'vitest';
import type { MuseumSeed } from '../../../functions/museum/model.js';
import { normalizeForSearch, searchExhibits } from '../../../functions/museum/search.js';
import { readMuseumSeed } from '../../../functions/museum/seed.js';

let seed: MuseumSeed;
beforeAll(async () => {
  seed = await readMuseumSeed();
});

const ids = (query: string) => searchExhibits(seed.exhibits, seed.rooms, query).map((hit) => hit.exhibit.id);

describe('normalizeForSearch', () => {
  it.each([
    ['Đầu Rằm', 'dau ram'],
    ['Bạch Đằng', 'bach dang'],
    ['Hộp sen vàng', 'hop sen vang'],
    ['CÁ VOI', 'ca voi'],
    ['Yên Tử', 'yen tu'],
  ])('folds "%s" to "%s"', (text, folded) => {
    expect(normalizeForSearch(text)).toBe(folded);
  });
});

describe('searching the exhibits', () => {
  it('finds Đầu Rằm without diacritics, with them, and in capitals', () => {
    for (const query of ['dau ram', 'Đầu Rằm', 'DAU RAM', 'đầu rằm'])
      expect(ids(query)[0]).toBe('dau-ram-jar');
  });

  it('finds in either language, the title first', () => {
    expect(ids('whale')[0]).toBe('whale-skeleton');
    expect(ids('cá voi')[0]).toBe('whale-skeleton');
    expect(ids('golden lotus')[0]).toBe('golden-lotus-box');
    expect(ids('hop sen vang')[0]).toBe('golden-lotus-box');
  });

  it('matches the start of words and needs every word', () => {
    expect(ids('anthrac')).toContain('anthracite-block');
    expect(ids('whale pagoda')).toEqual([]);
  });

  it('answers nothing for an empty or punctuation-only query', () => {
    expect(ids('')).toEqual([]);
    expect(ids(' - ')).toEqual([]);
  });
});

describe('the museum seed', () => {
  it('places every exhibit in a room, every tour stop on an exhibit, and marks what is written for the demo', () => {
    const rooms = new Set(seed.rooms.map((room) => room.id));
    const exhibits = new Set(seed.exhibits.map((exhibit) => exhibit.id));
    expect(seed.exhibits.length).toBeGreaterThanOrEqual(40);
    expect(seed.exhibits.every((exhibit) => rooms.has(exhibit.roomId))).toBe(true);
    expect(seed.tours.length).toBeGreaterThanOrEqual(2);
    for (const tour of seed.tours)
      expect(tour.stops.every((stop) => exhibits.has(stop.exhibitId))).toBe(true);
    expect(exhibits.size).toBe(seed.exhibits.length);
    for (const id of [
      'whale-skeleton',
      'bach-dang-stakes',
      'dau-ram-jar',
      'golden-lotus-box',
      'anthracite-block',
    ]) {
      expect(exhibits).toContain(id);
    }
  });
});
