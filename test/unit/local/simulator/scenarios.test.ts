import { describe, expect, it } from 'vitest';
import features from '../../../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import { HALONG_BAY, routeLineFor, stopsOf } from '../../../../functions/local/simulator/bay.js';
import { osmAndQuery, type TrackerReport } from '../../../../functions/local/simulator/osmand-client.js';
import {
  SCENARIO_SETTINGS,
  type ScenarioTarget,
  scenarioReports,
} from '../../../../functions/local/simulator/scenarios.js';
import { planVoyage, positionOnVoyage } from '../../../../functions/local/simulator/voyage.js';
import { readOsmAndFields } from '../../../../functions/tracking/osmand.js';
import { rulesFromFeatures, unsavedRules } from '../../../../functions/tracking/safety/default-rules.js';
import { isInsidePolygon } from '../../../../functions/tracking/safety/geometry.js';
import { findingsOf } from '../../../../functions/tracking/safety/rules.js';
import { isImplausibleJump } from '../../../../functions/tracking/service.js';

const rules = unsavedRules(rulesFromFeatures(features), new Date('2026-12-07T00:00:00Z'));
const start = new Date('2026-12-07T03:00:00Z');
const line = routeLineFor(HALONG_BAY, 2, 'tuan-chau')?.line ?? [];
const voyage = planVoyage({
  line,
  stops: stopsOf(HALONG_BAY, 2),
  speedZones: HALONG_BAY.speedZones,
  cruiseKnots: 10,
  scheduledSeconds: 6 * 3600,
});
// Under way on open water, clear of the speed zones: where the bay's 20-knot limit applies.
const underWay = positionOnVoyage(voyage, 20 * 60);

const target: ScenarioTarget = {
  boatId: 'bay-pearl-02',
  name: 'Bay Pearl 02',
  trackerId: 'GT-QN5912',
  certifiedCapacity: 36,
  at: underWay.at,
  speedKnots: underWay.speedKnots,
  courseDegrees: underWay.courseDegrees,
  batteryPercent: 80,
  routeLine: line,
};

/** The report as the platform reads it off the request, and what the safety rules find in it on a cleared trip. */
function findingsOfReport(report: TrackerReport, capacity = target.certifiedCapacity) {
  const outcome = readOsmAndFields(Object.fromEntries(new URLSearchParams(osmAndQuery(report))), report.at);
  if (!('report' in outcome)) throw new Error(JSON.stringify(outcome.errors));
  return findingsOf({
    position: outcome.report,
    stillSince: null,
    certifiedCapacity: capacity,
    trip: {
      departureId: 'dep-20261207-0800-bay-pearl-02',
      routeId: 2,
      departsAt: '2026-12-07T01:00:00.000Z',
      status: 'open',
      cleared: true,
      aboard: 30,
      banned: false,
    },
    rules,
  }).map((finding) => finding.kind);
}

function expectNoImplausibleJump(reports: readonly TrackerReport[]) {
  let previous = {
    fixTime: start.toISOString(),
    latitude: target.at[1],
    longitude: target.at[0],
    accuracyMetres: 0,
  };
  for (const report of reports) {
    const next = { ...report, fixTime: report.at.toISOString() };
    expect(isImplausibleJump(previous, next)).toBe(false);
    previous = next;
  }
}

describe('scenarios, as the platform’s rules read them', () => {
  it('the boat under way on a cleared trip breaks no rule before a scenario', () => {
    const [report] = scenarioReports('sos', target, HALONG_BAY, start);
    expect(findingsOfReport({ ...(report as TrackerReport), alarm: undefined })).toEqual([]);
  });

  it('sos: one report where the boat is, with alarm=sos', () => {
    const reports = scenarioReports('sos', target, HALONG_BAY, start);
    expect(reports).toHaveLength(1);
    expect(new URLSearchParams(osmAndQuery(reports[0] as TrackerReport)).get('alarm')).toBe('sos');
    expect(findingsOfReport(reports[0] as TrackerReport)).toEqual(['sos']);
  });

  it('overcapacity: a head count of one more than the certified capacity', () => {
    const reports = scenarioReports('overcapacity', target, HALONG_BAY, start);
    expect(new URLSearchParams(osmAndQuery(reports[0] as TrackerReport)).get('passengers')).toBe('37');
    expect(findingsOfReport(reports[0] as TrackerReport)).toEqual(['overcapacity']);
  });

  it('overspeed: a minute at 25 knots along the route, every 5 seconds, each report over the limit', () => {
    const reports = scenarioReports('overspeed', target, HALONG_BAY, start);
    expect(reports).toHaveLength(
      SCENARIO_SETTINGS.overspeedSeconds / SCENARIO_SETTINGS.reportEverySeconds + 1,
    );
    expect((reports.at(-1) as TrackerReport).at.getTime() - start.getTime()).toBe(60_000);
    for (const report of reports) {
      expect(report.speedKnots).toBe(25);
      expect(findingsOfReport(report)).toContain('overspeed');
      expect(findingsOfReport(report)).not.toContain('off-route');
    }
    expectNoImplausibleJump(reports);
  });

  it('leave-area: out of the permitted zone at a boat’s speed, ending outside it', () => {
    const reports = scenarioReports('leave-area', target, HALONG_BAY, start);
    const last = reports.at(-1) as TrackerReport;
    expect(
      isInsidePolygon([reports[0]?.longitude ?? 0, reports[0]?.latitude ?? 0], HALONG_BAY.permittedZone),
    ).toBe(true);
    expect(isInsidePolygon([last.longitude, last.latitude], HALONG_BAY.permittedZone)).toBe(false);
    expect(findingsOfReport(last)).toContain('out-of-area');
    for (const report of reports) expect(report.speedKnots).toBeLessThan(rules.defaultSpeedLimitKnots);
    expectNoImplausibleJump(reports);
  });
});
