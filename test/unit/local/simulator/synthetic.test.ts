import { describe, expect, it } from 'vitest';
import { HALONG_BAY } from '../../../../functions/local/simulator/bay.js';
import { simulatedReports, type TrackerReport } from '../../../../functions/local/simulator/synthetic.js';
import { seededUniform } from '../../../../functions/platform/seeded-random.js';
import { isInsidePolygon, metresBetween } from '../../../../functions/tracking/safety/geometry.js';

const boats = Array.from({ length: 500 }, (_, index) => ({
  trackerId: `BENCH-${String(index).padStart(3, '0')}`,
}));
const from = new Date('2026-12-07T02:00:00.000Z');

function take(count: number, seed = 7): TrackerReport[] {
  const reports: TrackerReport[] = [];
  for (const report of simulatedReports({ boats, from, intervalSeconds: 5, random: seededUniform(seed) })) {
    reports.push(report);
    if (reports.length === count) break;
  }
  return reports;
}

describe('synthetic trackers for the benchmarks', () => {
  const reports = take(500 * 6);

  it('gives every tracker one report per interval, in time order', () => {
    for (let i = 1; i < reports.length; i++) {
      expect((reports[i] as TrackerReport).at.getTime()).toBeGreaterThanOrEqual(
        (reports[i - 1] as TrackerReport).at.getTime(),
      );
    }
    const firstRound = reports.slice(0, 500).map((report) => report.trackerId);
    expect(new Set(firstRound).size).toBe(500);
    expect((reports.at(-1) as TrackerReport).at.getTime() - from.getTime()).toBeLessThan(30_000);
  });

  it('moves them on the bay’s routes, inside the permitted zone, at a boat’s speed', () => {
    const byTracker = new Map<string, TrackerReport[]>();
    for (const report of reports)
      byTracker.set(report.trackerId, [...(byTracker.get(report.trackerId) ?? []), report]);
    let moving = 0;
    for (const own of byTracker.values()) {
      for (let i = 0; i < own.length; i++) {
        const report = own[i] as TrackerReport;
        expect(isInsidePolygon([report.longitude, report.latitude], HALONG_BAY.permittedZone)).toBe(true);
        if (report.speedKnots > 0) moving += 1;
        const previous = own[i - 1];
        if (previous) {
          const metres = metresBetween(
            [previous.longitude, previous.latitude],
            [report.longitude, report.latitude],
          );
          expect(metres).toBeLessThan(13 * (1852 / 3600) * 5 + 20);
        }
      }
    }
    // Spread along their voyages: most under way, some at a stop or in port.
    expect(moving / reports.length).toBeGreaterThan(0.3);
    expect(moving / reports.length).toBeLessThan(0.95);
  });

  it('comes out the same from the same seed, and differently from another', () => {
    expect(take(50)).toEqual(take(50));
    expect(take(50, 8)).not.toEqual(take(50));
  });
});
