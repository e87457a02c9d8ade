// The floor plans with the real catalogue: every room of the museum is on the floor the content says.
import { describe, expect, it } from 'vitest';
import { roomArea } from '../../../../../web/src/museum/layout/floor-plans';
import { seed } from './seeded-museum';

describe('the floor plans', () => {
  it('have every room of the museum on the floor the content says', () => {
    for (const room of seed.rooms) {
      expect(roomArea(room.id)?.plan.floor, room.id).toBe(room.floor);
    }
  });
});
