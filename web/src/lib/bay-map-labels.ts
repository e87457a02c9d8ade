// Where the bay map's labels go: beside their markers, on the side where they cover the fewest other labels and
// markers and stay inside the frame. Decided on the server, so the map needs no script to be legible.
import type { MapPoint } from './bay-map';

export interface LabelRequest extends MapPoint {
  text: string;
  /** Half the size of the marker the label belongs to. */
  markerRadius: number;
}

/** A marker the labels should keep clear of (labelled or not). */
export interface Obstacle extends MapPoint {
  radius: number;
}

export interface PlacedLabel extends MapPoint {
  /** The SVG text-anchor of the label at (x, y), y being its baseline. */
  anchor: 'start' | 'middle' | 'end';
}

export interface LabelFrame {
  width: number;
  height: number;
  fontSize: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

// Text is measured without a browser: an average glyph of the system sans-serif fonts is about 0.56 em wide.
const averageGlyphWidth = 0.56;
const gap = 2;

/**
 * One position per request, in the order given (earlier labels take the better places): right of the marker,
 * left, above, below, at a corner or a line further out, whichever overlaps least with the labels already placed,
 * with the obstacles and with the outside of the frame (the first of equals wins, so a label sits on the right
 * when there is room).
 */
export function placeLabels(
  requests: LabelRequest[],
  obstacles: Obstacle[],
  frame: LabelFrame,
): PlacedLabel[] {
  const placed: Box[] = [];
  const obstacleBoxes = obstacles.map(({ x, y, radius }) => ({
    left: x - radius,
    top: y - radius,
    right: x + radius,
    bottom: y + radius,
  }));
  const frameBox = { left: 0, top: 0, right: frame.width, bottom: frame.height };
  return requests.map((request) => {
    const candidates = labelCandidates(request, frame.fontSize);
    const cost = ({ box }: (typeof candidates)[number]) =>
      100 * (area(box) - overlap(box, frameBox)) +
      10 * placed.reduce((sum, other) => sum + overlap(box, other), 0) +
      obstacleBoxes.reduce((sum, other) => sum + overlap(box, other), 0);
    const best = candidates.reduce((chosen, candidate) =>
      cost(candidate) < cost(chosen) ? candidate : chosen,
    );
    placed.push(best.box);
    return best.label;
  });
}

function labelCandidates({ x, y, text, markerRadius }: LabelRequest, fontSize: number) {
  const width = text.length * fontSize * averageGlyphWidth;
  const ascent = fontSize * 0.75;
  const descent = fontSize * 0.25;
  const besideBaseline = y + fontSize * 0.35;
  const reach = markerRadius + gap;
  const aboveBaseline = y - reach - descent;
  const belowBaseline = y + reach + ascent;
  const candidate = (label: PlacedLabel, left: number) => ({
    label,
    box: { left, top: label.y - ascent, right: left + width, bottom: label.y + descent },
  });
  return [
    candidate({ x: x + reach, y: besideBaseline, anchor: 'start' }, x + reach),
    candidate({ x: x - reach, y: besideBaseline, anchor: 'end' }, x - reach - width),
    candidate({ x, y: aboveBaseline, anchor: 'middle' }, x - width / 2),
    candidate({ x, y: belowBaseline, anchor: 'middle' }, x - width / 2),
    // Where markers crowd (a port beside the visitor's position), the corners, then a line further out.
    candidate({ x: x + reach, y: aboveBaseline, anchor: 'start' }, x + reach),
    candidate({ x: x + reach, y: belowBaseline, anchor: 'start' }, x + reach),
    candidate({ x: x - reach, y: aboveBaseline, anchor: 'end' }, x - reach - width),
    candidate({ x: x - reach, y: belowBaseline, anchor: 'end' }, x - reach - width),
    candidate({ x, y: aboveBaseline - fontSize * 1.1, anchor: 'middle' }, x - width / 2),
    candidate({ x, y: belowBaseline + fontSize * 1.1, anchor: 'middle' }, x - width / 2),
  ];
}

function area(box: Box): number {
  return (box.right - box.left) * (box.bottom - box.top);
}

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}
