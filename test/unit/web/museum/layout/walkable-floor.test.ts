// Walking the floors with the real catalogue in place: a visitor can walk from the lift to stand before every
// exhibit, walls and objects stop them, and every room can be reached.
import { describe, expect, it } from 'vitest';
import { floorIds, floorPlans, roomEntrance } from '../../../../../web/src/museum/layout/floor-plans';
import { placed, walkableFor } from './seeded-museum';

describe('the floor plans', () => {
  it('let a visitor walk from the lift to stand before every exhibit and into every room', () => {
    for (const floor of floorIds) {
      const walkable = walkableFor(floor);
      const start = floorPlans[floor].arrival.position;
      for (const placement of [...placed.values()].filter((candidate) => candidate.floor === floor)) {
        const target = walkable.nearestStanding(placement.view.position[0], placement.view.position[2]);
        expect(target, placement.id).not.toBeNull();
        if (!target) continue;
        // Standing close to where the view was planned, in front of the object.
        expect(
          Math.hypot(target[0] - placement.view.position[0], target[1] - placement.view.position[2]),
        ).toBeLessThan(3);
        expect(walkable.path(start, target), placement.id).not.toBeNull();
      }
      for (const area of floorPlans[floor].areas.filter((candidate) => candidate.room)) {
        const entrance = roomEntrance(area.room as string);
        expect(entrance && walkable.path(start, entrance.position), area.room).toBeTruthy();
      }
    }
  });

  it('never walk a path through a wall or an object', () => {
    const walkable = walkableFor(2);
    const path = walkable.path([-23.5, 0], [-3, -16]);
    expect(path).not.toBeNull();
    for (let index = 1; index < (path?.length ?? 0); index += 1) {
      const [a, b] = [path?.[index - 1], path?.[index]] as [[number, number], [number, number]];
      for (let t = 0; t <= 1; t += 0.05) {
        expect(walkable.canStand(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)).toBe(true);
      }
    }
  });

  it('stop a visitor at the wall between a room and the corridor, and let them through the door', () => {
    const walkable = walkableFor(2);
    // Straight north from the corridor at x = −22: the prehistory room's wall, no door there.
    expect(walkable.step([-22, -2], [-22, -3.6])[1]).toBeGreaterThan(-2.7);
    // Through the prehistory room's door at x = −17.5.
    const through = walkable.step([-17.5, -2.5], [-17.5, -3.6]);
    expect(through[1]).toBeCloseTo(-3.6);
    // Along a wall, the visitor slides instead of stopping.
    const slid = walkable.step([-22, -2.5], [-21, -3.6]);
    expect(slid[0]).toBeCloseTo(-21);
    expect(slid[1]).toBeGreaterThan(-2.7);
  });

  it('keep a visitor out of an object', () => {
    const stakes = placed.get('bach-dang-stakes');
    expect(stakes).toBeDefined();
    if (!stakes) return;
    expect(walkableFor(2).canStand(stakes.at[0], stakes.at[2])).toBe(false);
    // The whale hangs overhead: one walks under it.
    const whale = placed.get('whale-skeleton');
    expect(whale && walkableFor(0).canStand(whale.at[0], whale.at[2])).toBe(true);
  });
});
