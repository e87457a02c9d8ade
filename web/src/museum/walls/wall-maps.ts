// The two stylised maps on the walls, drawn with canvas paths: Quảng Ninh's coast with Hạ Long Bay's islands, and
// the Bạch Đằng river mouth with its stakes. They mark where places lie relative to each other, not to scale.
import type { MapDrawing, PlateTheme } from './plates';
import { at, type Box, polyline } from './wall-drawings';

type Context = CanvasRenderingContext2D;

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
