/**
 * A company's departures of a day, as its staff (or a manager) read them through the departures service: only
 * that company's, of one boat when asked, in departure order — and a boat or company that is not theirs is
 * refused rather than answered with an empty day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BoatNotInFleetError,
  type DeparturesService,
  departuresServiceFor,
  ForeignCompanyError,
  OperatorNotFoundError,
} from '../../../../functions/boats/index.js';
import type { Principal } from '../../../../functions/platform/auth/principal.js';
import { addDays, localDateAt } from '../../../../functions/platform/local-time.js';
import { createTestPlatform, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
let departures: DeparturesService;
const tomorrow = addDays(localDateAt(new Date()), 1);
const idOn = (date: string, time: string, boatId: string) =>
  `dep-${date.replaceAll('-', '')}-${time}-${boatId}`;

const operator: Principal = {
  subject: 'operator',
  email: 'operator@halong.test',
  roles: ['operator'],
  companyId: 'demo-bay-cruises',
};
const manager: Principal = { subject: 'manager', email: null, roles: ['manager'], companyId: null };

beforeAll(async () => {
  platform = await createTestPlatform();
  departures = departuresServiceFor(platform.dependencies);
});
afterAll(() => platform.dispose());

describe("a company's departures of a day", () => {
  it("lists the company's own departures of the day in departure order, and no other company's", async () => {
    const day = await departures.companyDepartures(
      { companyId: 'demo-bay-cruises', date: tomorrow },
      operator,
    );
    // The demo schedules: Bay Pearl 01 at 08:00 and 12:30, Bay Pearl 02 at 08:00, Bay Pearl Star at 08:30.
    expect(day.map((departure) => departure.id)).toEqual([
      idOn(tomorrow, '0800', 'bay-pearl-01'),
      idOn(tomorrow, '0800', 'bay-pearl-02'),
      idOn(tomorrow, '0830', 'bay-pearl-star'),
      idOn(tomorrow, '1230', 'bay-pearl-01'),
    ]);
    expect(day[0]).toMatchObject({ sold: 0, held: 0, seatsFree: day[0]?.capacity });
  });

  it("lists one boat's departures alone when a boat is asked for", async () => {
    const day = await departures.companyDepartures(
      { companyId: 'demo-bay-cruises', date: tomorrow, boatId: 'bay-pearl-01' },
      operator,
    );
    expect(day.map((departure) => departure.id)).toEqual([
      idOn(tomorrow, '0800', 'bay-pearl-01'),
      idOn(tomorrow, '1230', 'bay-pearl-01'),
    ]);
  });

  it('answers an empty day for a day nothing is scheduled', async () => {
    const farAhead = addDays(tomorrow, 400);
    expect(
      await departures.companyDepartures({ companyId: 'demo-bay-cruises', date: farAhead }, operator),
    ).toEqual([]);
  });

  it("refuses another company's boat, and a boat that does not exist, as not in the fleet", async () => {
    for (const boatId of ['sea-swallow-1', 'no-such-boat']) {
      await expect(
        departures.companyDepartures({ companyId: 'demo-bay-cruises', date: tomorrow, boatId }, operator),
      ).rejects.toBeInstanceOf(BoatNotInFleetError);
    }
  });

  it("refuses an operator another company's day, and lets a manager read any company's", async () => {
    await expect(
      departures.companyDepartures({ companyId: 'tuan-chau-sea-tours', date: tomorrow }, operator),
    ).rejects.toBeInstanceOf(ForeignCompanyError);
    const day = await departures.companyDepartures(
      { companyId: 'tuan-chau-sea-tours', date: tomorrow, boatId: 'sea-swallow-2' },
      manager,
    );
    expect(day.map((departure) => departure.id)).toEqual([idOn(tomorrow, '0900', 'sea-swallow-2')]);
    await expect(
      departures.companyDepartures({ companyId: 'no-such-company', date: tomorrow }, manager),
    ).rejects.toBeInstanceOf(OperatorNotFoundError);
  });
});
