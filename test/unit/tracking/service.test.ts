import { describe, expect, it } from 'vitest';
import { isImplausibleJump, nauticalMilesBetween } from '../../../functions/tracking/service.js';

const at = (fixTime: string, latitude: number, longitude: number, accuracyMetres: number | null = null) => ({
  fixTime,
  latitude,
  longitude,
  accuracyMetres,
});

describe('implausible jumps', () => {
  it('measures a minute of latitude as one nautical mile', () => {
    expect(
      nauticalMilesBetween({ latitude: 20, longitude: 107 }, { latitude: 20 + 1 / 60, longitude: 107 }),
    ).toBeCloseTo(1, 2);
  });

  it('flags 6 nautical miles in a minute (360 knots)', () => {
    expect(
      isImplausibleJump(at('2026-07-01T07:30:00Z', 20.9, 107), at('2026-07-01T07:31:00Z', 21.0, 107)),
    ).toBe(true);
  });

  it('lets a speedboat at 35 knots pass', () => {
    const mile = 1 / 60;
    expect(
      isImplausibleJump(
        at('2026-07-01T07:30:00Z', 20.9, 107),
        at('2026-07-01T07:32:00Z', 20.9 + (35 / 30) * mile, 107),
      ),
    ).toBe(false);
  });

  it('allows for the fixes’ accuracy, so GPS noise a second apart is not a jump', () => {
    const noisy = 60 / 111_120; // 60 m of latitude, over a second: 117 knots without the accuracy
    expect(
      isImplausibleJump(
        at('2026-07-01T07:30:00Z', 20.9, 107, 30),
        at('2026-07-01T07:30:01Z', 20.9 + noisy, 107, 30),
      ),
    ).toBe(false);
    expect(
      isImplausibleJump(at('2026-07-01T07:30:00Z', 20.9, 107), at('2026-07-01T07:30:01Z', 20.9 + noisy, 107)),
    ).toBe(true);
  });

  it('does not judge a fix older than the latest', () => {
    expect(
      isImplausibleJump(at('2026-07-01T07:30:00Z', 20.9, 107), at('2026-07-01T07:29:00Z', 22, 107)),
    ).toBe(false);
  });
});
