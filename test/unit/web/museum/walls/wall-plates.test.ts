// The wall graphics' placement with the real catalogue: every room's title on a wall facing into it, no wall of a
// first view left bare, corridor signs that name every room and point the right way, a directory beside every
// lift, and a floor's graphics within two textures.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../functions/platform/language';
import {
  contains,
  type FloorId,
  floorIds,
  floorPlans,
  roomArea,
  roomEntrance,
} from '../../../../../web/src/museum/layout/floor-plans';
import { floorWallPlates } from '../../../../../web/src/museum/walls/floor-wall-plates';
import { MAX_PAGES, PAGE_SIZE, packPlates } from '../../../../../web/src/museum/walls/plate-atlas';
import { acrossOf, type WallPlate } from '../../../../../web/src/museum/walls/plates';
import { placed, seed } from '../layout/seeded-museum';

type Texts = Record<Language, string>;
const content = seed as unknown as {
  rooms: { id: string; floor: FloorId; name: Texts; summary: Texts }[];
  exhibits: {
    id: string;
    roomId: string;
    title: Texts;
    period: Texts;
    model: { size: { width: number; height: number; depth: number } };
  }[];
};

function platesOf(floor: FloorId, language: Language = 'en'): WallPlate[] {
  const rooms = new Map(
    content.rooms.map((room) => [
      room.id,
      { id: room.id, name: room.name[language], summary: room.summary[language] },
    ]),
  );
  const exhibits = content.exhibits.map((exhibit) => ({
    roomId: exhibit.roomId,
    title: exhibit.title[language],
    period: exhibit.period[language],
  }));
  return floorWallPlates(floor, rooms, exhibits, language);
}

/** The plate's bottom corners on the floor: its left and right ends. */
function ends(plate: WallPlate): [number, number][] {
  const across = acrossOf(plate.facing);
  return [-1, 1].map((side) => [
    plate.position[0] + (across[0] * side * plate.width) / 2,
    plate.position[2] + (across[1] * side * plate.width) / 2,
  ]);
}

/** Points of the floor under a plate, to a metre in front of it. */
function stripUnder(plate: WallPlate): [number, number][] {
  const [[x1, z1], [x2, z2]] = ends(plate) as [[number, number], [number, number]];
  const points: [number, number][] = [];
  for (let step = 0; step <= 20; step += 1) {
    for (const out of [0, 0.5, 1]) {
      points.push([
        x1 + ((x2 - x1) * step) / 20 + plate.facing[0] * out,
        z1 + ((z2 - z1) * step) / 20 + plate.facing[1] * out,
      ]);
    }
  }
  return points;
}

const galleryRooms = content.rooms;

describe('the walls of the galleries', () => {
  it.each(galleryRooms.map((room) => [room.id, room]))(
    'carry the title of %s on a wall inside the room, facing into it',
    (_, room) => {
      const found = roomArea(room.id);
      expect(found).not.toBeNull();
      if (!found) return;
      const title = platesOf(room.floor).find(
        (plate) => plate.room === room.id && plate.content.kind === 'title',
      );
      expect(title?.content).toMatchObject({ title: room.name.en, summary: room.summary.en });
      if (!title) return;
      const points: [number, number][] = [...ends(title), [title.position[0], title.position[2]]];
      for (const [x, z] of points)
        expect(contains(found.area.shape, x, z), `${room.id} at ${x}, ${z}`).toBe(true);
      const [fx, fz] = title.facing;
      // A metre in front of it is still the room, and the visitor arriving in the room sees its face.
      expect(contains(found.area.shape, title.position[0] + fx, title.position[2] + fz)).toBe(true);
      const entrance = roomEntrance(room.id);
      if (!entrance) return;
      const toVisitor = [entrance.position[0] - title.position[0], entrance.position[1] - title.position[2]];
      expect(fx * (toVisitor[0] ?? 0) + fz * (toVisitor[1] ?? 0)).toBeGreaterThan(0);
      // On the wall: its ends no more than a plate's thickness from the room's edge.
      for (const [x, z] of ends(title))
        expect(contains(found.area.shape, x - fx * 0.3, z - fz * 0.3)).toBe(false);
    },
  );

  it('leave no wall of a room bare in its first view: the back wall and both sides, or three plates in a tube', () => {
    for (const room of galleryRooms) {
      const found = roomArea(room.id);
      if (!found || found.plan.outdoor) continue;
      const plates = platesOf(room.floor).filter((plate) => plate.room === room.id);
      if ('circle' in found.area.shape) {
        expect(plates.length, room.id).toBeGreaterThanOrEqual(3);
        continue;
      }
      const facings = new Set(plates.map((plate) => plate.facing.join()));
      expect(facings.size, room.id).toBe(3);
    }
  });

  it('hang every room plate above the exhibits standing beneath it', () => {
    for (const floor of floorIds) {
      for (const plate of platesOf(floor).filter((candidate) => candidate.room)) {
        const bottom = plate.position[1] - plate.height / 2;
        for (const exhibit of content.exhibits) {
          const place = placed.get(exhibit.id);
          if (!place || place.floor !== floor) continue;
          // Beneath it: the object's footprint (with a hand's breadth) reaches the strip of floor under the plate.
          const near = stripUnder(plate).some(([x, z]) => {
            const dx = x - place.at[0];
            const dz = z - place.at[2];
            const cos = Math.cos(place.rotationY);
            const sin = Math.sin(place.rotationY);
            const local = [dx * cos - dz * sin, dx * sin + dz * cos];
            return (
              Math.abs(local[0] ?? 0) < exhibit.model.size.width / 2 + 0.3 &&
              Math.abs(local[1] ?? 0) < exhibit.model.size.depth / 2 + 0.3
            );
          });
          if (!near) continue;
          const top = place.at[1] + exhibit.model.size.height + (place.plinth > 0 ? 0.3 : 0);
          expect(bottom, `${plate.room} over ${exhibit.id}`).toBeGreaterThan(top);
        }
      }
    }
  });

  it('show the history floor’s timeline with the room’s own era marked', () => {
    const timelines = platesOf(2).filter((plate) => plate.content.kind === 'timeline');
    expect(timelines.map((plate) => plate.room).sort()).toEqual([
      'history-bach-dang',
      'history-dai-viet',
      'history-modern',
      'history-prehistory',
    ]);
    for (const plate of timelines) {
      if (plate.content.kind !== 'timeline') continue;
      expect(plate.content.eras.map((era) => era.dates)).toEqual([
        'About 18,000 years ago – 3rd–2nd c. BCE',
        '938 · 1288',
        '11th–15th centuries',
        '20th century · 1945–1975 · since 1963',
      ]);
      expect(plate.content.eras.filter((era) => era.current).map((era) => era.name)).toEqual([
        content.rooms.find((room) => room.id === plate.room)?.name.en,
      ]);
    }
  });

  it('speak the visitor’s language', () => {
    const lobby = platesOf(0, 'vi');
    expect(lobby.find((plate) => plate.content.kind === 'title')?.content).toMatchObject({
      title: 'Sảnh chính',
    });
    expect(lobby.find((plate) => plate.content.kind === 'directory')?.content).toMatchObject({
      heading: 'Bạn đang ở',
      otherFloorsHeading: 'Các tầng khác',
    });
  });
});

describe('the corridors', () => {
  const signs = (floor: FloorId) => platesOf(floor).filter((plate) => plate.content.kind === 'sign');

  it.each([1, 2, 3] as const)(
    'on floor %i name every room of the floor, the first sign from the lift all of them',
    (floor) => {
      const names = content.rooms
        .filter((room) => room.floor === floor)
        .map((room) => room.name.en)
        .sort();
      const named = (plate: WallPlate) =>
        plate.content.kind === 'sign' ? plate.content.entries.map((entry) => entry.name) : [];
      expect([...new Set(signs(floor).flatMap(named))].sort()).toEqual(names);
      const [liftX] = floorPlans[floor].lift.at;
      const nearest = signs(floor)
        .filter((plate) => plate.facing[0] === floorPlans[floor].lift.facing[0] * -1)
        .sort((a, b) => Math.abs(a.position[0] - liftX) - Math.abs(b.position[0] - liftX))[0];
      expect(nearest && named(nearest).sort()).toEqual(names);
    },
  );

  it('point each room the way it lies from where the reader stands', () => {
    for (const floor of [1, 2, 3] as const) {
      for (const plate of signs(floor)) {
        if (plate.content.kind !== 'sign') continue;
        // The reader looks at the sign's face; their right is the sign's left-to-right.
        const look = [-plate.facing[0], -plate.facing[1]];
        const right = acrossOf(plate.facing);
        for (const entry of plate.content.entries) {
          const room = content.rooms.find((candidate) => candidate.name.en === entry.name);
          const entrance = room && roomEntrance(room.id);
          if (!entrance) throw new Error(entry.name);
          const toward = [entrance.position[0] - plate.position[0], entrance.position[1] - plate.position[2]];
          const ahead = (look[0] ?? 0) * (toward[0] ?? 0) + (look[1] ?? 0) * (toward[1] ?? 0);
          const aside = right[0] * (toward[0] ?? 0) + right[1] * (toward[1] ?? 0);
          if (entry.arrow === 'ahead') expect(ahead, entry.name).toBeGreaterThan(0);
          else
            expect(
              entry.arrow === 'right' ? aside : -aside,
              `${entry.name} on floor ${floor}`,
            ).toBeGreaterThan(0);
        }
      }
    }
  });

  it('hang the signs across the corridor, clear of heads and under the ceiling', () => {
    for (const floor of [1, 2, 3] as const) {
      for (const plate of signs(floor)) {
        expect(plate.position[1] - plate.height / 2).toBeGreaterThan(2.8);
        expect(plate.position[1] + plate.height / 2).toBeLessThan(floorPlans[floor].wallHeight);
      }
    }
  });
});

describe('beside the lift', () => {
  it.each(floorIds.map((floor) => [floor]))(
    'floor %i has a directory of its rooms and every floor',
    (floor) => {
      const directory = platesOf(floor).find((plate) => plate.content.kind === 'directory');
      if (directory?.content.kind !== 'directory') throw new Error('no directory');
      const plan = floorPlans[floor];
      expect(directory.content.floor).toBe(plan.name.en);
      expect([directory.content.floor, ...directory.content.otherFloors].sort()).toEqual(
        floorIds.map((other) => floorPlans[other].name.en).sort(),
      );
      expect(directory.content.rooms).toEqual(
        plan.areas.flatMap((area) =>
          area.room ? [content.rooms.find((room) => room.id === area.room)?.name.en] : [],
        ),
      );
      // On the lift's wall, facing the same way as its doors, beside them and not over them.
      expect(directory.facing).toEqual([...plan.lift.facing]);
      const along = Math.hypot(
        directory.position[0] - plan.lift.at[0],
        directory.position[2] - plan.lift.at[1],
      );
      expect(along).toBeGreaterThan(1.3 + directory.width / 2);
      expect(along).toBeLessThan(4);
      for (const [x, z] of ends(directory))
        expect(plan.areas.some((area) => area.kind !== 'door' && contains(area.shape, x, z))).toBe(true);
    },
  );
});

describe('the floor’s graphics', () => {
  it.each(floorIds.map((floor) => [floor]))(
    'on floor %i fit in two textures of 2048 pixels, plates apart',
    (floor) => {
      const plates = platesOf(floor);
      const layout = packPlates(plates);
      expect(layout.pageHeights.length).toBeLessThanOrEqual(MAX_PAGES);
      for (const height of layout.pageHeights) expect(height).toBeLessThanOrEqual(PAGE_SIZE);
      layout.slots.forEach((slot, index) => {
        expect(slot.x + slot.width).toBeLessThanOrEqual(PAGE_SIZE);
        expect(slot.y + slot.height).toBeLessThanOrEqual(layout.pageHeights[slot.page] ?? 0);
        layout.slots.slice(index + 1).forEach((other) => {
          const apart =
            other.page !== slot.page ||
            other.x >= slot.x + slot.width ||
            slot.x >= other.x + other.width ||
            other.y >= slot.y + slot.height ||
            slot.y >= other.y + other.height;
          expect(apart).toBe(true);
        });
      });
      expect(packPlates(platesOf(floor))).toEqual(layout);
    },
  );
});
