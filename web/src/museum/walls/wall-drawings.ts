// The drawings on the wall plates, made with canvas paths: the motifs beside the facts and the signs' arrows
// (the maps are in wall-maps.ts). Plainly graphics, not pictures of anything real.
import type { Arrow, Motif, PlateTheme } from './plates';

type Context = CanvasRenderingContext2D;

/** A box on the canvas, in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point of a box given as fractions of its width and height. */
export const at = (box: Box, u: number, v: number): [number, number] => [
  box.x + u * box.width,
  box.y + v * box.height,
];

export function polyline(context: Context, box: Box, points: [number, number][]): void {
  context.beginPath();
  points.forEach(([u, v], index) => {
    const [x, y] = at(box, u, v);
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
}

function waveLine(context: Context, box: Box, v: number, amplitude: number, waves: number): void {
  context.beginPath();
  for (let step = 0; step <= 64; step += 1) {
    const u = step / 64;
    const [x, y] = at(box, u, v + amplitude * Math.sin(u * Math.PI * 2 * waves));
    if (step === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  }
  context.stroke();
}

export function drawMotif(context: Context, motif: Motif, box: Box, theme: PlateTheme): void {
  const line = Math.max(2, box.width * 0.02);
  context.save();
  context.lineWidth = line;
  context.lineJoin = 'round';
  context.lineCap = 'round';
  context.strokeStyle = theme.accent;
  context.fillStyle = theme.accent;
  switch (motif) {
    case 'karst': {
      // Limestone peaks standing in the water.
      const peaks: [number, number, number][] = [
        [0.18, 0.3, 0.12],
        [0.42, 0.12, 0.16],
        [0.68, 0.26, 0.13],
        [0.86, 0.42, 0.09],
      ];
      for (const [u, top, half] of peaks) {
        polyline(context, box, [
          [u - half, 0.72],
          [u - half * 0.8, top + 0.12],
          [u - half * 0.3, top],
          [u + half * 0.4, top + 0.03],
          [u + half * 0.85, top + 0.16],
          [u + half, 0.72],
        ]);
        context.stroke();
      }
      for (const v of [0.78, 0.88]) waveLine(context, box, v, 0.015, 3);
      break;
    }
    case 'strata': {
      // Layers of rock with a seam of coal.
      for (let layer = 0; layer < 6; layer += 1) {
        context.globalAlpha = layer === 3 ? 1 : 0.35 + layer * 0.08;
        context.fillStyle = layer === 3 ? theme.ink : theme.accent;
        context.beginPath();
        for (let step = 0; step <= 32; step += 1) {
          const u = step / 32;
          const [x, y] = at(box, u, 0.12 + layer * 0.13 + 0.02 * Math.sin(u * 5 + layer));
          if (step === 0) context.moveTo(x, y);
          else context.lineTo(x, y);
        }
        for (let step = 32; step >= 0; step -= 1) {
          const u = step / 32;
          const [x, y] = at(box, u, 0.22 + layer * 0.13 + 0.02 * Math.sin(u * 5 + layer + 1));
          context.lineTo(x, y);
        }
        context.fill();
      }
      break;
    }
    case 'waves':
      for (let wave = 0; wave < 5; wave += 1) waveLine(context, box, 0.2 + wave * 0.15, 0.04, 2 + (wave % 2));
      break;
    case 'leaves': {
      // A branch with leaves and a flower.
      polyline(context, box, [
        [0.15, 0.9],
        [0.35, 0.6],
        [0.55, 0.4],
        [0.8, 0.15],
      ]);
      context.stroke();
      for (let leaf = 0; leaf < 5; leaf += 1) {
        const [x, y] = at(box, 0.22 + leaf * 0.13, 0.78 - leaf * 0.14);
        context.beginPath();
        context.ellipse(x, y, box.width * 0.09, box.width * 0.035, leaf % 2 ? -0.9 : 0.5, 0, Math.PI * 2);
        context.fill();
      }
      const [fx, fy] = at(box, 0.8, 0.15);
      context.beginPath();
      context.arc(fx, fy, box.width * 0.07, 0, Math.PI * 2);
      context.stroke();
      break;
    }
    case 'depth': {
      // The surface, and a shaft down to a block at the deepest mark.
      polyline(context, box, [
        [0.1, 0.12],
        [0.9, 0.12],
      ]);
      context.stroke();
      polyline(context, box, [
        [0.5, 0.12],
        [0.5, 0.78],
      ]);
      context.stroke();
      for (let tick = 1; tick <= 5; tick += 1) {
        polyline(context, box, [
          [0.42, 0.12 + tick * 0.12],
          [0.58, 0.12 + tick * 0.12],
        ]);
        context.stroke();
      }
      const [x, y] = at(box, 0.36, 0.78);
      context.fillRect(x, y, box.width * 0.28, box.height * 0.16);
      break;
    }
    case 'pagoda': {
      // A mountain with a small pagoda on its peak.
      polyline(context, box, [
        [0.05, 0.9],
        [0.3, 0.55],
        [0.5, 0.32],
        [0.7, 0.58],
        [0.95, 0.9],
      ]);
      context.stroke();
      for (let storey = 0; storey < 3; storey += 1) {
        const width = 0.16 - storey * 0.04;
        const v = 0.3 - storey * 0.06;
        polyline(context, box, [
          [0.5 - width / 2, v],
          [0.5 + width / 2, v],
          [0.5 + width / 3, v - 0.05],
          [0.5 - width / 3, v - 0.05],
        ]);
        context.closePath();
        context.fill();
      }
      break;
    }
    case 'weave': {
      // A lattice of diamonds, as on a woven cloth or a painted bowl's band.
      const columns = 5;
      const size = box.width / columns;
      for (let row = 0; row * size * 0.8 < box.height; row += 1) {
        for (let column = 0; column < columns; column += 1) {
          const cx = box.x + (column + (row % 2 ? 0.5 : 0)) * size;
          const cy = box.y + row * size * 0.8 + size * 0.4;
          if (cx > box.x + box.width) continue;
          context.beginPath();
          context.moveTo(cx, cy - size * 0.35);
          context.lineTo(cx + size * 0.35, cy);
          context.lineTo(cx, cy + size * 0.35);
          context.lineTo(cx - size * 0.35, cy);
          context.closePath();
          if ((row + column) % 2) context.fill();
          else context.stroke();
        }
      }
      break;
    }
    case 'whale': {
      // A whale's outline over a bar marking its length.
      const [x, y] = at(box, 0.45, 0.42);
      context.beginPath();
      context.ellipse(x, y, box.width * 0.36, box.height * 0.14, 0, 0, Math.PI * 2);
      context.stroke();
      polyline(context, box, [
        [0.81, 0.42],
        [0.95, 0.28],
        [0.92, 0.42],
        [0.95, 0.56],
        [0.81, 0.42],
      ]);
      context.stroke();
      polyline(context, box, [
        [0.09, 0.75],
        [0.95, 0.75],
      ]);
      context.stroke();
      for (const u of [0.09, 0.95]) {
        polyline(context, box, [
          [u, 0.7],
          [u, 0.8],
        ]);
        context.stroke();
      }
      break;
    }
  }
  context.restore();
}

/** A sign's arrow in a square box: up for ahead, or pointing left or right. */
export function drawArrow(context: Context, arrow: Arrow, box: Box, colour: string): void {
  const angle = arrow === 'ahead' ? -Math.PI / 2 : arrow === 'left' ? Math.PI : 0;
  const size = Math.min(box.width, box.height);
  context.save();
  context.translate(box.x + box.width / 2, box.y + box.height / 2);
  context.rotate(angle);
  context.fillStyle = colour;
  context.strokeStyle = colour;
  context.lineWidth = size * 0.16;
  context.lineCap = 'butt';
  context.beginPath();
  context.moveTo(-size * 0.38, 0);
  context.lineTo(size * 0.05, 0);
  context.stroke();
  context.beginPath();
  context.moveTo(size * 0.42, 0);
  context.lineTo(0, -size * 0.34);
  context.lineTo(0, size * 0.34);
  context.closePath();
  context.fill();
  context.restore();
}
