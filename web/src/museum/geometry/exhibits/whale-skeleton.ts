// The fin whale skeleton that hangs over the entrance hall.
import { LatheGeometry, Vector2 } from 'three';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { BONE, BONE_DARK } from './shared/palette';
import { ball, bent, rod, slab, spindle, type Vec3 } from './shared/shapes';

/**
 * A vertebra's body (centrum) along y from 0 to 1, radius 1: a spool, flared at its two end plates and waisted
 * between, so a row of them reads as a backbone and not as a pipe.
 */
const centrum = new LatheGeometry(
  [
    [0, 0],
    [0.96, 0.03],
    [0.8, 0.5],
    [0.96, 0.97],
    [0, 1],
  ].map(([radius, height]) => new Vector2(radius, height)),
  8,
);

const VERTEBRAE = 50;
const RIB_PAIRS = 14;

/**
 * The fin whale skeleton, along x with the skull at −x: a flat, wedge-shaped skull (a long rostrum narrowing to
 * the tip, the braincase and its sloping occipital shield behind), two lower jaws bowed outward, fifty vertebrae
 * shrinking toward the tail along a gentle arch, each with its spine and wing-like transverse processes, chevrons
 * under the tail, fourteen pairs of curved ribs, and two flippers with their shoulder blade, arm bones and four
 * fingers of many joints. It hangs in the middle of its box.
 */
export function whaleSkeleton(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const thick = Math.min(h, d);
  const skullLength = w * 0.21;
  const spineStart = -w / 2 + skullLength * 0.95;
  const spineEnd = w / 2 - w * 0.012;
  const spineY = (t: number) => h * (0.6 + 0.1 * Math.sin(Math.PI * t) - 0.12 * t * t);
  const spineX = (t: number) => spineStart + t * (spineEnd - spineStart);
  const spacing = (spineEnd - spineStart) / (VERTEBRAE - 1);
  const radiusAt = (t: number) => thick * (0.06 * (1 - 0.8 * t) + 0.01);

  for (let index = 0; index < VERTEBRAE; index += 1) {
    const t = index / (VERTEBRAE - 1);
    const [x, y] = [spineX(t), spineY(t)];
    const radius = radiusAt(t);
    // Discs of cartilage filled the gaps: the thinner the tail, the closer its vertebrae look.
    const body = spacing * (0.76 + 0.12 * t);
    b.add(centrum, index % 2 === 0 ? BONE : BONE_DARK, {
      position: [x - body / 2, y, 0],
      rotation: [0, 0, -Math.PI / 2],
      scale: [radius, body, radius],
    });
    // The spine rises from the arch over the spinal cord, leaning back; tallest over the chest.
    if (t < 0.82) {
      const spine = h * 0.12 * (1 - t) ** 1.2 + radius;
      spindle(
        b,
        BONE,
        [x, y + radius * 0.3, 0],
        [x + spine * 0.25, y + radius + spine, 0],
        Math.max(spacing * 0.45, radius * 0.5),
        radius * 0.3,
        [6, 4],
      );
    }
    // Transverse processes: flat wings to the sides, longest in the lumbar region.
    if (t < 0.7) {
      const reach = radius + thick * 0.1 * Math.sin(Math.PI * (0.15 + t));
      for (const side of [1, -1]) {
        spindle(
          b,
          BONE,
          [x, y, 0],
          [x + reach * 0.1, y - radius * 0.2, side * reach],
          spacing * 0.5,
          radius * 0.25,
          [6, 4],
        );
      }
    }
    // Chevron bones hanging under the tail vertebrae.
    if (t > 0.45 && t < 0.88) {
      const chevron = radius * 1.6;
      spindle(
        b,
        BONE_DARK,
        [x + spacing * 0.4, y - radius * 0.6, 0],
        [x + spacing * 0.6, y - radius - chevron, 0],
        spacing * 0.25,
        radius * 0.4,
        [6, 4],
      );
    }
  }

  // Ribs: each bent out from its transverse process, then down and a little back, curling in at the foot.
  for (let pair = 0; pair < RIB_PAIRS; pair += 1) {
    const t = 0.02 + (pair / (RIB_PAIRS - 1)) * 0.34;
    const share = 1 - Math.abs(pair - 4) / 14;
    const drop = h * 0.3 * share;
    const spread = d * 0.34 * share;
    const [x, y] = [spineX(t), spineY(t)];
    const root = radiusAt(t) + thick * 0.06;
    const ribRadius = thick * (0.012 + 0.004 * share);
    for (const side of [1, -1]) {
      bent(
        b,
        BONE,
        [
          [x, y, side * root],
          [x + spacing * 0.3, y - drop * 0.12, side * spread * 0.92],
          [x + spacing * 0.8, y - drop * 0.5, side * spread],
          [x + spacing * 1.4, y - drop, side * spread * 0.7],
        ],
        ribRadius,
        10,
        5,
      );
    }
  }

  skull(b, w, h, d, skullLength, spineY(0));
  for (const side of [1, -1] as const) flipper(b, w, h, d, side, spineX(0.06), spineY(0.06));

  // The vestigial pelvic bones, two slivers under the lumbar spine.
  for (const side of [1, -1]) {
    const x = spineX(0.47);
    const y = spineY(0.47) - h * 0.12;
    spindle(
      b,
      BONE_DARK,
      [x, y, side * d * 0.03],
      [x + w * 0.03, y - h * 0.01, side * d * 0.05],
      thick * 0.015,
      thick * 0.015,
      [6, 4],
    );
  }
}

/**
 * The skull, the rostrum's tip at −x: seen from above a long wedge (the upper jaws) widening to the back, flat and
 * thin, with the ridge of the vomer along its middle; behind it the braincase, the occipital shield sloping up
 * and back over it, the cheek processes where the lower jaws hinge; and the two lower jaws, bowed outward and
 * meeting at the tip.
 */
function skull(b: ModelBuilder, w: number, h: number, d: number, length: number, y: number): void {
  const front = -w / 2 + w * 0.004;
  const back = front + length;
  const halfWidth = Math.min(d * 0.22, length * 0.28);
  const plate = Math.min(h * 0.035, length * 0.05);
  const rostrumY = y - h * 0.04;
  const outline: [number, number][] = [
    [0, 0.06],
    [0.3, 0.32],
    [0.6, 0.62],
    [0.78, 0.86],
    [0.86, 1],
    [1, 0.6],
    [1, -0.6],
    [0.86, -1],
    [0.78, -0.86],
    [0.6, -0.62],
    [0.3, -0.32],
    [0, -0.06],
  ];
  b.add(
    slab(
      outline.map(([along, across]) => [along * length, across * halfWidth] as const),
      plate,
    ),
    BONE,
    { position: [front, rostrumY, 0], rotation: [-Math.PI / 2, 0, 0] },
  );
  // The vomer's ridge along the middle of the rostrum, and the nasal bones where it meets the braincase.
  rod(
    b,
    BONE_DARK,
    [front + length * 0.02, rostrumY + plate, 0],
    [front + length * 0.72, rostrumY + plate * 1.6, 0],
    plate * 0.5,
    6,
    plate * 0.9,
  );
  // The braincase: broad and low, with the occipital shield rising from its back toward the rostrum.
  ball(
    b,
    BONE_DARK,
    [length * 0.17, h * 0.07, halfWidth * 0.62],
    [back - length * 0.14, y, 0],
    undefined,
    [14, 8],
  );
  ball(
    b,
    BONE,
    [length * 0.2, h * 0.025, halfWidth * 0.5],
    [back - length * 0.16, y + h * 0.05, 0],
    [0, 0, -0.35],
    [12, 6],
  );
  for (const side of [1, -1]) {
    // The cheek (zygomatic) processes, reaching out and down to the jaws' hinge.
    spindle(
      b,
      BONE,
      [back - length * 0.2, y - h * 0.01, side * halfWidth * 0.45],
      [back - length * 0.1, y - h * 0.08, side * halfWidth * 1.02],
      length * 0.06,
      h * 0.03,
      [8, 5],
    );
    // The lower jaw, the largest single bone of any animal: bowed outward, rising a little at the tip.
    const jawY = y - h * 0.1;
    bent(
      b,
      BONE,
      [
        [front + length * 0.01, jawY + h * 0.03, side * halfWidth * 0.08],
        [front + length * 0.25, jawY, side * halfWidth * 0.72],
        [front + length * 0.6, jawY - h * 0.02, side * halfWidth * 1.12],
        [back - length * 0.1, jawY + h * 0.01, side * halfWidth * 1.0],
      ],
      Math.min(h, d) * 0.025,
      18,
      7,
    );
    // The coronoid process standing up near the hinge.
    spindle(
      b,
      BONE_DARK,
      [front + length * 0.78, jawY, side * halfWidth * 1.08],
      [front + length * 0.8, jawY + h * 0.045, side * halfWidth * 1.05],
      length * 0.03,
      h * 0.015,
      [6, 4],
    );
  }
}

/**
 * A flipper hanging out and down behind the skull: a fan-shaped shoulder blade against the chest, a short upper
 * arm, the two forearm bones side by side, and four fingers of joints growing smaller toward the tip.
 */
function flipper(b: ModelBuilder, w: number, h: number, d: number, side: 1 | -1, x: number, y: number): void {
  const thick = Math.min(h, d);
  const shoulder: Vec3 = [x, y - h * 0.15, side * d * 0.17];
  // The shoulder blade: a broad flat fan above the joint.
  spindle(
    b,
    BONE_DARK,
    shoulder,
    [x - w * 0.01, y - h * 0.02, side * d * 0.14],
    w * 0.035,
    thick * 0.012,
    [10, 6],
  );
  const elbow: Vec3 = [x + w * 0.012, y - h * 0.21, side * d * 0.24];
  spindle(b, BONE, shoulder, elbow, thick * 0.045, thick * 0.04, [8, 6]);
  const wrist: Vec3 = [x + w * 0.03, y - h * 0.28, side * d * 0.32];
  for (const offset of [-1, 1]) {
    const shift = offset * w * 0.005;
    spindle(
      b,
      BONE,
      [elbow[0] + shift, elbow[1], elbow[2]],
      [wrist[0] + shift, wrist[1], wrist[2]],
      thick * 0.028,
      thick * 0.014,
      [8, 5],
    );
  }
  // The fingers: fin whales have four, the middle ones longest.
  for (const [finger, joints] of [
    [-1.5, 3],
    [-0.5, 5],
    [0.5, 5],
    [1.5, 4],
  ] as const) {
    let from: Vec3 = [wrist[0] + finger * w * 0.005, wrist[1], wrist[2]];
    const step: Vec3 = [w * 0.006 + finger * w * 0.0015, -h * 0.03, side * d * 0.02];
    for (let joint = 0; joint < joints; joint += 1) {
      const scale = 1 - joint * 0.13;
      const to: Vec3 = [from[0] + step[0] * scale, from[1] + step[1] * scale, from[2] + step[2] * scale];
      spindle(
        b,
        joint % 2 === 0 ? BONE : BONE_DARK,
        from,
        to,
        thick * 0.018 * scale,
        thick * 0.01 * scale,
        [6, 4],
      );
      from = to;
    }
  }
}
