// Placing the real catalogue: every exhibit has a place inside its own room.
import { describe, expect, it } from 'vitest';
import { contains, roomArea } from '../../../../../web/src/museum/layout/floor-plans';
import { placed, seed } from './seeded-museum';

describe('the floor plans', () => {
  it('place every exhibit inside its own room', () => {
    expect(placed.size).toBe(seed.exhibits.length);
    for (const placement of placed.values()) {
      const area = roomArea(placement.roomId)?.area;
      expect(area && contains(area.shape, placement.at[0], placement.at[2]), placement.id).toBe(true);
    }
  });
});
