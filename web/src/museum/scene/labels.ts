// Readable labels in the galleries: every exhibit's label (title and period) and every room's sign, drawn as text
// into one canvas texture per floor, on plates merged into one mesh — a floor's labels cost one draw call and
// one texture however many there are.
import {
  type BufferGeometry,
  CanvasTexture,
  Euler,
  Matrix4,
  MeshBasicMaterial,
  PlaneGeometry,
  Quaternion,
  SRGBColorSpace,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

export interface LabelText {
  title: string;
  detail: string;
  /** A room's sign: large text, dark plate. */
  sign?: boolean;
}

export interface PlacedLabel extends LabelText {
  position: [number, number, number];
  rotation: [number, number, number];
  /** Width of the plate in metres; its height is a quarter of it. */
  width: number;
}

const SLOT_WIDTH = 512;
const SLOT_HEIGHT = 128;
const COLUMNS = 4;

/** Shortens a line with an ellipsis until it fits. */
function fitted(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let shortened = text;
  while (shortened.length > 1 && context.measureText(`${shortened}…`).width > width)
    shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}

function drawLabel(context: CanvasRenderingContext2D, label: LabelText, x: number, y: number): void {
  context.fillStyle = label.sign ? '#1f2a30' : '#fbfaf6';
  context.fillRect(x, y, SLOT_WIDTH, SLOT_HEIGHT);
  context.fillStyle = label.sign ? '#ffffff' : '#1b1b1b';
  context.textBaseline = 'top';
  const padding = 22;
  const width = SLOT_WIDTH - padding * 2;
  if (label.sign) {
    context.font = '600 40px system-ui, "Segoe UI", Roboto, sans-serif';
    context.fillText(fitted(context, label.title, width), x + padding, y + 22);
    context.font = '26px system-ui, "Segoe UI", Roboto, sans-serif';
    context.fillStyle = '#c9d6dc';
    context.fillText(fitted(context, label.detail, width), x + padding, y + 76);
    return;
  }
  context.font = '600 34px system-ui, "Segoe UI", Roboto, sans-serif';
  context.fillText(fitted(context, label.title, width), x + padding, y + 20);
  context.font = '24px system-ui, "Segoe UI", Roboto, sans-serif';
  context.fillStyle = '#4a4a4a';
  context.fillText(fitted(context, label.detail, width), x + padding, y + 72);
  context.fillStyle = '#8a6a3a';
  context.fillRect(x + padding, y + SLOT_HEIGHT - 12, 60, 4);
}

/** The labels of one floor as one mesh: its geometry, and a material whose texture holds every label's text. */
export function buildLabels(
  labels: PlacedLabel[],
): { geometry: BufferGeometry; material: MeshBasicMaterial } | null {
  if (labels.length === 0) return null;
  const rows = Math.ceil(labels.length / COLUMNS);
  const canvas = document.createElement('canvas');
  canvas.width = SLOT_WIDTH * COLUMNS;
  canvas.height = 2 ** Math.ceil(Math.log2(rows * SLOT_HEIGHT));
  const context = canvas.getContext('2d');
  if (!context) return null;
  const plates = labels.map((label, index) => {
    const column = index % COLUMNS;
    const row = Math.floor(index / COLUMNS);
    drawLabel(context, label, column * SLOT_WIDTH, row * SLOT_HEIGHT);
    const plate = new PlaneGeometry(label.width, label.width / 4);
    // Map the plate onto its slot of the canvas (v runs upward, canvas rows downward).
    const uv = plate.getAttribute('uv');
    const u0 = column / COLUMNS;
    const u1 = (column + 1) / COLUMNS;
    const v1 = 1 - (row * SLOT_HEIGHT) / canvas.height;
    const v0 = 1 - ((row + 1) * SLOT_HEIGHT) / canvas.height;
    for (let vertex = 0; vertex < uv.count; vertex += 1) {
      uv.setXY(vertex, uv.getX(vertex) === 0 ? u0 : u1, uv.getY(vertex) === 0 ? v0 : v1);
    }
    plate.applyMatrix4(
      new Matrix4().compose(
        new Vector3(...label.position),
        new Quaternion().setFromEuler(new Euler(...label.rotation, 'YXZ')),
        new Vector3(1, 1, 1),
      ),
    );
    return plate;
  });
  const geometry = mergeGeometries(plates, false);
  if (!geometry) return null;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return { geometry, material: new MeshBasicMaterial({ map: texture, toneMapped: false }) };
}
