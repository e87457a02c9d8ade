import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/platform/auth/principal';
import { createTrackingDesk, viewerOf } from '../../../functions/site/tracking-desk';
import {
  BoatNotVisibleError,
  type TrackedBoat,
  TrackRangeError,
  type Viewer,
} from '../../../functions/tracking/index';

const staff = (roles: Principal['roles'], companyId: string | null = null): Principal => ({
  subject: 's',
  email: null,
  roles,
  companyId,
});

const boat: TrackedBoat = {
  boatId: 'bay-pearl-01',
  name: 'Bay Pearl 01',
  registrationNumber: 'QN-5868',
  operatorId: 'demo-bay-cruises',
  operatorName: 'Demo Bay Cruises',
  certifiedCapacity: 48,
  state: 'under-way',
  position: null,
  trip: {
    departureId: 'dep-1',
    routeId: 1,
    routeName: { vi: 'Tuyến 1', en: 'Route 1' },
    departsAt: '2026-07-19T01:00:00.000Z',
    expectedReturnAt: '2026-07-19T05:00:00.000Z',
    aboard: 40,
    clearance: 'cleared',
    nextStop: null,
  },
  openAlerts: ['overspeed'],
};

function trackingSeeing(asked: Viewer[]) {
  return {
    listBoats: async (viewer: Viewer) => {
      asked.push(viewer);
      return [boat];
    },
    track: async (_viewer: Viewer, boatId: string, from: Date, to: Date) => {
      if (boatId !== boat.boatId) throw new BoatNotVisibleError(boatId);
      if (!(from < to)) throw new TrackRangeError('from must be before to.');
      return [];
    },
  };
}

describe('the live map pages’ desk', () => {
  it('shows the authority every boat and an operator its company’s; other roles none', async () => {
    expect(viewerOf(staff(['manager']))).toEqual({ kind: 'authority' });
    expect(viewerOf(staff(['operator'], 'demo-bay-cruises'))).toEqual({
      kind: 'operator',
      operatorId: 'demo-bay-cruises',
    });
    expect(viewerOf(staff(['operator']))).toBeNull();
    const asked: Viewer[] = [];
    const desk = createTrackingDesk(trackingSeeing(asked));
    expect(await desk.boatsFor(staff(['curator']))).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('gives a ticket holder their boat without its company, people aboard, clearance or alerts', async () => {
    const asked: Viewer[] = [];
    const desk = createTrackingDesk(trackingSeeing(asked));
    const mine = await desk.boatOfBooking({
      departure: {
        id: 'dep-1',
        routeId: 1,
        portId: 'tuan-chau',
        departsAt: '2026-07-19T01:00:00.000Z',
        localDate: '2026-07-19',
        operator: { id: 'demo-bay-cruises', name: 'Demo Bay Cruises' },
        boat: { id: 'bay-pearl-01', name: 'Bay Pearl 01' },
      },
    });
    expect(asked).toEqual([{ kind: 'ticket', boatId: 'bay-pearl-01', departureId: 'dep-1' }]);
    expect(mine?.openAlerts).toEqual([]);
    expect(Object.keys(mine ?? {})).not.toContain('operatorName');
    expect(Object.keys(mine?.trip ?? {})).not.toContain('aboard');
    expect(Object.keys(mine?.trip ?? {})).not.toContain('clearance');
  });

  it('refuses a track of a boat the viewer may not see, a bad period, and a role that sees none', async () => {
    const desk = createTrackingDesk(trackingSeeing([]));
    const manager = staff(['manager']);
    expect(
      await desk.trackFor(manager, 'other', '2026-07-19T01:00:00Z', '2026-07-19T02:00:00Z'),
    ).toMatchObject({
      kind: 'refused',
      status: 404,
    });
    expect(
      await desk.trackFor(manager, boat.boatId, '2026-07-19T02:00:00Z', '2026-07-19T01:00:00Z'),
    ).toMatchObject({
      kind: 'refused',
      status: 400,
    });
    expect(await desk.trackFor(manager, boat.boatId, 'yesterday', '2026-07-19T01:00:00Z')).toMatchObject({
      status: 400,
    });
    expect(await desk.trackFor(staff(['curator']), boat.boatId, '', '')).toMatchObject({ status: 403 });
    expect(await desk.trackFor(manager, boat.boatId, '2026-07-19T01:00:00Z', '2026-07-19T02:00:00Z')).toEqual(
      {
        kind: 'track',
        boatId: boat.boatId,
        positions: [],
      },
    );
  });
});
