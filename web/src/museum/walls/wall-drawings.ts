// The drawings on the wall plates, made with canvas paths: the motifs beside the facts, the two stylised maps and
// the signs' arrows. Plainly graphics: the maps mark where places lie relative to each other, not to scale.
import type { Arrow, MapDrawing, Motif, PlateTheme } from './plates';

type Context = CanvasRenderingContext2D;

/** A box on the canvas, in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point of a box given as fractions of its width and height. */
const at = (box: Box, u: number, v: number): [number, number] => [
  box.x + u * box.width,
  box.y + v * box.height,
];

function polyline(context: Context, box: Box, points: [number, number][]): void {
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

interface MapPlace {
  at: [number, number];
  /** Where the name goes from the mark: to its right, or to its left. */
  align: 'left' | 'right';
  kind: 'town' | 'peak' | 'island' | 'water';
}

/** The places each map marks, as fractions of the drawing's box, and the lines it draws. */
const maps: Record<MapDrawing, { places: Record<string, MapPlace>; coast: [number, number][] }> = {
  'quang-ninh': {
    // The coast runs from the south-west (Đông Triều, the Bạch Đằng) to the north-east; the bay lies below it.
    coast: [
      [0, 0.6],
      [0.12, 0.58],
      [0.2, 0.62],
      [0.3, 0.56],
      [0.42, 0.52],
      [0.55, 0.46],
      [0.7, 0.38],
      [0.85, 0.3],
      [1, 0.22],
    ],
    places: {
      'dong-trieu': { at: [0.08, 0.4], align: 'right', kind: 'town' },
      'yen-tu': { at: [0.24, 0.22], align: 'right', kind: 'peak' },
      'bach-dang': { at: [0.02, 0.7], align: 'right', kind: 'water' },
      'ha-long': { at: [0.42, 0.5], align: 'right', kind: 'town' },
      bay: { at: [0.3, 0.9], align: 'right', kind: 'water' },
      'van-don': { at: [0.68, 0.52], align: 'right', kind: 'island' },
      'ngoc-vung': { at: [0.64, 0.8], align: 'right', kind: 'island' },
    },
  },
  'bach-dang': {
    // The river winds down to its mouth; the stakes stand across it; the sea lies beyond.
    coast: [
      [0, 0.62],
      [0.3, 0.66],
      [0.42, 0.7],
      [0.58, 0.7],
      [0.7, 0.66],
      [1, 0.62],
    ],
    places: {
      river: { at: [0.56, 0.2], align: 'right', kind: 'water' },
      stakes: { at: [0.64, 0.5], align: 'right', kind: 'water' },
      sea: { at: [0.5, 0.86], align: 'left', kind: 'water' },
      tide: { at: [0.08, 0.9], align: 'right', kind: 'water' },
    },
  },
};

export function drawMap(
  context: Context,
  map: MapDrawing,
  names: Record<string, string>,
  box: Box,
  theme: PlateTheme,
  fontSize: number,
): void {
  const drawing = maps[map];
  const line = Math.max(2, fontSize * 0.12);
  context.save();
  context.lineWidth = line;
  context.lineJoin = 'round';
  context.lineCap = 'round';
  // The sea below the coast, tinted.
  context.fillStyle = theme.accent;
  context.globalAlpha = 0.16;
  polyline(context, box, [...drawing.coast, [1, 1], [0, 1]]);
  context.closePath();
  context.fill();
  context.globalAlpha = 1;
  context.strokeStyle = theme.accent;
  polyline(context, box, drawing.coast);
  context.stroke();
  if (map === 'quang-ninh') {
    // Karst islands scattered in the bay.
    const islands: [number, number, number][] = [
      [0.46, 0.64, 0.012],
      [0.5, 0.6, 0.016],
      [0.55, 0.67, 0.01],
      [0.58, 0.58, 0.014],
      [0.62, 0.63, 0.011],
      [0.66, 0.56, 0.018],
      [0.72, 0.5, 0.014],
      [0.76, 0.56, 0.01],
      [0.52, 0.72, 0.01],
      [0.64, 0.8, 0.02],
    ];
    for (const [u, v, r] of islands) {
      const [x, y] = at(box, u, v);
      context.beginPath();
      context.arc(x, y, r * box.width, 0, Math.PI * 2);
      context.fill();
    }
    // The Bạch Đằng, down to the coast in the south-west.
    polyline(context, box, [
      [0.1, 0.45],
      [0.14, 0.52],
      [0.12, 0.58],
    ]);
    context.stroke();
  } else {
    // The river's banks, widening to the mouth, and the rows of stakes across it.
    polyline(context, box, [
      [0.42, 0.02],
      [0.38, 0.2],
      [0.44, 0.38],
      [0.38, 0.56],
      [0.42, 0.7],
    ]);
    context.stroke();
    polyline(context, box, [
      [0.54, 0.02],
      [0.5, 0.2],
      [0.56, 0.38],
      [0.52, 0.54],
      [0.58, 0.7],
    ]);
    context.stroke();
    for (let row = 0; row < 3; row += 1) {
      for (let stake = 0; stake < 6; stake += 1) {
        const [x, y] = at(box, 0.41 + stake * 0.027 + (row % 2) * 0.012, 0.44 + row * 0.05);
        context.fillRect(x - line / 2, y - fontSize * 0.3, line, fontSize * 0.6);
      }
    }
    // The ebbing tide, an arrow toward the sea.
    polyline(context, box, [
      [0.08, 0.8],
      [0.24, 0.8],
    ]);
    context.stroke();
    drawArrowHead(context, at(box, 0.24, 0.8), 0, fontSize * 0.35);
  }
  context.font = `500 ${fontSize}px system-ui, "Segoe UI", Roboto, sans-serif`;
  context.textBaseline = 'middle';
  for (const [key, place] of Object.entries(drawing.places)) {
    const name = names[key];
    if (!name) continue;
    const [x, y] = at(box, place.at[0], place.at[1]);
    context.fillStyle = theme.accent;
    if (place.kind === 'peak') {
      context.beginPath();
      context.moveTo(x, y - fontSize * 0.4);
      context.lineTo(x + fontSize * 0.35, y + fontSize * 0.25);
      context.lineTo(x - fontSize * 0.35, y + fontSize * 0.25);
      context.closePath();
      context.fill();
    } else if (place.kind !== 'water') {
      context.beginPath();
      context.arc(x, y, fontSize * 0.22, 0, Math.PI * 2);
      context.fill();
    }
    context.fillStyle = theme.ink;
    context.font = `${place.kind === 'water' ? 'italic 400' : '600'} ${fontSize}px system-ui, "Segoe UI", Roboto, sans-serif`;
    context.textAlign = place.align === 'right' ? 'left' : 'right';
    const gap = place.kind === 'water' ? 0 : fontSize * 0.5;
    context.fillText(name, place.align === 'right' ? x + gap : x - gap, y);
  }
  context.restore();
}

function drawArrowHead(context: Context, [x, y]: [number, number], angle: number, size: number): void {
  context.save();
  context.translate(x, y);
  context.rotate(angle);
  context.beginPath();
  context.moveTo(size, 0);
  context.lineTo(-size * 0.4, -size * 0.7);
  context.lineTo(-size * 0.4, size * 0.7);
  context.closePath();
  context.fill();
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
