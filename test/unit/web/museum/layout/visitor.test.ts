import { describe, expect, it } from 'vitest';
import { VERTICAL_FIELD_OF_VIEW, verticalFieldOfView } from '../../../../../web/src/museum/layout/visitor';

const horizontal = (vertical: number, aspect: number) =>
  (2 * Math.atan(Math.tan((vertical * Math.PI) / 360) * aspect) * 180) / Math.PI;

describe('the field of view', () => {
  it('stays at 60° on a landscape screen', () => {
    expect(verticalFieldOfView(1280 / 700)).toBe(VERTICAL_FIELD_OF_VIEW);
    expect(verticalFieldOfView(4 / 3)).toBe(VERTICAL_FIELD_OF_VIEW);
  });

  it('opens on a phone held upright so that about 70° show from side to side', () => {
    const vertical = verticalFieldOfView(390 / 520);
    expect(vertical).toBeGreaterThan(VERTICAL_FIELD_OF_VIEW);
    expect(horizontal(vertical, 390 / 520)).toBeCloseTo(70, 5);
  });

  it('never opens past 90°, and takes an empty view for a landscape one', () => {
    expect(verticalFieldOfView(0.2)).toBe(90);
    expect(verticalFieldOfView(0)).toBe(VERTICAL_FIELD_OF_VIEW);
    expect(verticalFieldOfView(Number.NaN)).toBe(VERTICAL_FIELD_OF_VIEW);
  });
});
