import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../../web/src/lib/bay-map-labels';

const frame = { width: 400, height: 445, fontSize: 14 };

describe('placing the bay map labels', () => {
  it('puts a label right of its marker when there is room', () => {
    const [label] = placeLabels([{ x: 100, y: 200, text: 'Tuần Châu', markerRadius: 6 }], [], frame);
    expect(label).toEqual({ x: 108, y: 200 + 14 * 0.35, anchor: 'start' });
  });

  it('turns a label to the left rather than run it off the map', () => {
    const [label] = placeLabels([{ x: 380, y: 200, text: 'Cửa Vạn', markerRadius: 7.5 }], [], frame);
    expect(label?.anchor).toBe('end');
    expect(label?.x).toBeLessThan(380);
  });

  it('keeps a later label off an earlier one', () => {
    const [museum, wharf] = placeLabels(
      [
        { x: 219, y: 83, text: 'Quảng Ninh Museum', markerRadius: 7.5 },
        { x: 208, y: 86, text: 'Hòn Gai', markerRadius: 6 },
      ],
      [],
      frame,
    );
    expect(museum?.anchor).toBe('start');
    expect(wharf?.anchor).toBe('end');
  });

  it('steers clear of other markers where it can', () => {
    const [label] = placeLabels(
      [{ x: 100, y: 200, text: 'Bãi Cháy', markerRadius: 6 }],
      [
        { x: 130, y: 200, radius: 4 },
        { x: 70, y: 200, radius: 4 },
      ],
      frame,
    );
    expect(label?.anchor).toBe('middle');
    expect(label?.y).toBeLessThan(200);
  });
});
