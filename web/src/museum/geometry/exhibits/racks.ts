// Wall racks of hand tools or of weapons.
import { ConeGeometry, TorusGeometry } from 'three';
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp, slots } from './shared/numbers';
import { BRONZE, IRON, METAL_DARK, RED, STEEL, WOOD, WOOD_DARK, WOOD_LIGHT } from './shared/palette';
import { ball, block, blockOn, disc, rod, spindle, turned } from './shared/shapes';

/** Woven bamboo (a basket), hemp rope, and a sword's polished blade. */
const WICKER = paint('#a0804f', 'wood');
const WICKER_LIGHT = paint('#b8955e', 'wood');
const WICKER_DARK = paint('#8a6a3e', 'wood');
const HEMP = paint('#c2a878', 'cloth');
const BLADE = paint('#b9bec2', 'steel');

/** Hand tools hanging on a wall rack, one per slot: hoe, pick, shovel, sickle, axe, rake, machete. */
function hangTool(b: ModelBuilder, tool: number, x: number, slot: number, h: number, z: number): void {
  const handle = WOOD_LIGHT;
  const radius = Math.min(slot * 0.05, 0.018);
  const top = h * 0.8;
  const bottom = h * 0.2;
  const reach = slot * 0.42;
  const blade = Math.min(0.012, radius);
  switch (tool % 7) {
    case 0: // hoe: a handle and a broad blade at its head
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      blockOn(
        b,
        IRON,
        [reach * 1.4, Math.min(reach, h * 0.15), blade],
        [x, top - Math.min(reach, h * 0.15), z + radius + blade / 2],
      );
      break;
    case 1: // pick: a curved iron head across the top
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      rod(b, IRON, [x, top, z], [x - reach, top - reach * 0.3, z], radius * 1.1, 6, radius * 0.3);
      rod(b, IRON, [x, top, z], [x + reach, top - reach * 0.3, z], radius * 1.1, 6, radius * 0.3);
      break;
    case 2: // shovel: blade down, a grip at the top
      rod(b, handle, [x, h * 0.3, z], [x, top, z], radius);
      blockOn(b, STEEL, [reach * 1.2, h * 0.16, blade], [x, h * 0.14, z]);
      block(b, handle, [reach * 0.8, radius * 2, radius * 2], [x, top, z]);
      break;
    case 3: // sickle: a short handle and a curved blade
      rod(b, handle, [x, h * 0.42, z], [x, h * 0.58, z], radius);
      b.add(new TorusGeometry(1, 0.08, 4, 12, Math.PI * 1.1), IRON, {
        position: [x, h * 0.58 + reach * 0.6, z],
        rotation: [0, 0, -Math.PI * 0.3],
        scale: [reach * 0.6, reach * 0.6, blade * 10],
      });
      break;
    case 4: // axe: a head to one side
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      block(
        b,
        IRON,
        [reach * 1.2, Math.min(reach * 0.7, h * 0.1), blade * 2],
        [x + reach * 0.4, top - h * 0.04, z],
      );
      break;
    case 5: // rake: a crossbar with teeth
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      block(b, WOOD, [reach * 2, radius * 2, radius * 2], [x, top, z]);
      for (const dx of slots(-reach, reach, 5))
        blockOn(b, WOOD, [radius, h * 0.05, radius], [x + dx, top, z]);
      break;
    default: // machete: a dark grip and a long blade
      rod(b, WOOD_DARK, [x, h * 0.25, z], [x, h * 0.36, z], radius * 1.2);
      blockOn(b, STEEL, [reach * 0.6, h * 0.4, blade], [x + reach * 0.1, h * 0.36, z]);
  }
}

/** A wall rack: a back board on feet, with tools or weapons in front of it. */
export function rack(
  b: ModelBuilder,
  { width: w, height: h, depth: d }: ModelSize,
  items: 'tools' | 'weapons',
): void {
  const board = Math.min(0.04, d * 0.12);
  blockOn(b, WOOD_DARK, [w, h * 0.92, board], [0, h * 0.08, -d / 2 + board / 2]);
  for (const side of [1, -1])
    blockOn(b, WOOD_DARK, [w * 0.06, h * 0.08, d], [side * (w / 2 - w * 0.03), 0, 0]);
  const front = -d / 2 + board;
  const railDepth = Math.min(d * 0.12, 0.05);
  block(b, WOOD, [w * 0.96, h * 0.03, railDepth], [0, h * 0.84, front + railDepth / 2]);
  const z = front + railDepth + Math.min(d * 0.08, 0.04);
  if (items === 'tools') {
    const count = clamp(Math.round(w / 0.28), 3, 9);
    const slot = (w * 0.92) / count;
    for (const [index, x] of slots(-w * 0.46, w * 0.46, count).entries()) hangTool(b, index, x, slot, h, z);
    // A shelf below with a woven basket and a coil of rope.
    const shelfDepth = d * 0.7;
    blockOn(b, WOOD, [w * 0.86, h * 0.02, shelfDepth], [0, h * 0.08, -d / 2 + shelfDepth / 2]);
    const basket = Math.min(w * 0.12, shelfDepth * 0.3, h * 0.1);
    const shelfTop = h * 0.1;
    turned(
      b,
      [
        [0, 0],
        [0.7, 0],
        [0.95, 0.4],
        [1, 1],
        [0.92, 1],
        [0.6, 0.1],
        [0, 0.1],
      ],
      [WICKER, WICKER_LIGHT, WICKER_LIGHT, WICKER_DARK, WICKER_DARK],
      { position: [-w * 0.25, shelfTop, -d / 2 + shelfDepth * 0.6], scale: [basket, basket * 1.2, basket] },
      12,
    );
    b.add(new TorusGeometry(1, 0.3, 6, 16), HEMP, {
      position: [w * 0.25, shelfTop + basket * 0.3, -d / 2 + shelfDepth * 0.6],
      rotation: [Math.PI / 2, 0, 0],
      scale: [basket * 0.75, basket * 0.75, basket],
    });
    return;
  }
  // Weapons: spears and glaives standing in a row, two swords across on pegs in front.
  const count = clamp(Math.round(w / 0.2), 3, 10);
  const slot = (w * 0.9) / count;
  const radius = Math.min(slot * 0.06, 0.015);
  for (const [index, x] of slots(-w * 0.45, w * 0.45, count).entries()) {
    const headBase = h * 0.84;
    rod(b, WOOD_LIGHT, [x, h * 0.09, z], [x, headBase, z], radius);
    disc(b, METAL_DARK, radius * 1.3, h * 0.02, [x, h * 0.08, z], 8);
    if (index % 2 === 0) {
      b.add(new ConeGeometry(1, 1, 4), STEEL, {
        position: [x, headBase + h * 0.06, z],
        scale: [Math.min(slot * 0.2, h * 0.03), h * 0.12, radius],
      });
      ball(b, RED, [radius * 2.4, h * 0.025, radius * 2.4], [x, headBase - h * 0.015, z], undefined, [8, 4]);
    } else {
      spindle(
        b,
        STEEL,
        [x, headBase - h * 0.01, z],
        [x + slot * 0.15, h * 0.97, z],
        Math.min(slot * 0.2, h * 0.04),
        radius * 0.6,
      );
    }
  }
  const swordZ = z + radius * 2 + Math.min(d * 0.06, 0.03);
  for (const y of [h * 0.36, h * 0.55]) {
    for (const side of [1, -1])
      block(
        b,
        WOOD,
        [w * 0.03, w * 0.02, swordZ - front],
        [side * w * 0.3, y - w * 0.01, (front + swordZ) / 2],
      );
    const blade = Math.min(h * 0.03, 0.04);
    block(b, BLADE, [w * 0.5, blade, 0.006], [w * 0.05, y + blade / 2, swordZ]);
    block(b, BRONZE, [w * 0.015, blade * 2.2, 0.02], [-w * 0.2, y + blade / 2, swordZ]);
    rod(b, WOOD_DARK, [-w * 0.2, y + blade / 2, swordZ], [-w * 0.3, y + blade / 2, swordZ], blade * 0.35, 8);
    ball(b, BRONZE, blade * 0.5, [-w * 0.31, y + blade / 2, swordZ], undefined, [8, 6]);
  }
}
