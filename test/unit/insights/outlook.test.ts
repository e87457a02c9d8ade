// The numbers behind "what to expect": the next weekend and holiday, a period's forecast a day, seats, boats at
// the average load and the museum's visitors per opening hour.
import { describe, expect, it } from 'vitest';
import type { ForecastDay } from '../../../functions/insights/forecast-days.js';
import {
  averageLoad,
  boatsNeeded,
  type DepartureSeats,
  openingHoursOf,
  percentOf,
  periodDemand,
  scheduledSeatsPerDay,
} from '../../../functions/insights/outlook/figures.js';
import { holidayRuns, nextHolidayRun, nextWeekend } from '../../../functions/insights/outlook/periods.js';

const day = (date: string, forecast: number | null, spread = 0.2): ForecastDay => ({
  date,
  actual: null,
  forecast,
  lower80: forecast === null ? null : Math.round(forecast * (1 - spread)),
  upper80: forecast === null ? null : Math.round(forecast * (1 + spread)),
  lower95: null,
  upper95: null,
});
const departure = (capacity: number, sold: number, status: DepartureSeats['status'] = 'open') => ({
  capacity,
  sold,
  status,
});

describe('the planning periods', () => {
  it('takes the coming Saturday and Sunday, and the weekend after when today is one of them', () => {
    expect(nextWeekend('2026-12-07')).toEqual({ from: '2026-12-12', to: '2026-12-13' }); // a Monday
    expect(nextWeekend('2026-12-11')).toEqual({ from: '2026-12-12', to: '2026-12-13' }); // a Friday
    expect(nextWeekend('2026-12-12')).toEqual({ from: '2026-12-19', to: '2026-12-20' }); // a Saturday
    expect(nextWeekend('2026-12-13')).toEqual({ from: '2026-12-19', to: '2026-12-20' }); // a Sunday
  });

  it('groups consecutive holidays into one run: 30 April – 1 May, Tết with its eve', () => {
    const runs = holidayRuns('2027-01-02', '2027-05-31');
    // Tết 2027 falls on 6 February (the computed lunar calendar); its eve is 5 February.
    expect(runs[0]).toMatchObject({ from: '2027-02-05', to: '2027-02-10' });
    expect(runs[0]?.holidays.map((holiday) => holiday.holiday)).toEqual([
      'tet-eve',
      'tet-1',
      'tet-2',
      'tet-3',
      'tet-4',
      'tet-5',
    ]);
    expect(runs.find((run) => run.from === '2027-04-30')).toMatchObject({ to: '2027-05-01' });
  });

  it('finds the next holiday after today within the forecast, and none past its end', () => {
    expect(nextHolidayRun('2026-12-07', '2027-03-06')).toMatchObject({
      from: '2027-01-01',
      to: '2027-01-01',
    });
    expect(nextHolidayRun('2027-01-01', '2027-03-06')?.from).toBe('2027-02-05');
    expect(nextHolidayRun('2026-12-07', '2026-12-31')).toBeNull();
  });
});

describe('a period’s demand', () => {
  const days = [
    day('2026-12-11', 900),
    day('2026-12-12', 1200),
    day('2026-12-13', 1000),
    day('2026-12-14', 0),
  ];

  it('averages the forecast and the 80 % bounds over the period’s days', () => {
    expect(periodDemand(days, { from: '2026-12-12', to: '2026-12-13' })).toEqual({
      perDay: 1100,
      low80: 880,
      high80: 1320,
      days: 2,
    });
  });

  it('leaves closed days (a forecast of zero) out when asked, as for the museum’s Mondays', () => {
    const period = { from: '2026-12-13', to: '2026-12-14' };
    expect(periodDemand(days, period)?.perDay).toBe(500);
    expect(periodDemand(days, period, true)).toMatchObject({ perDay: 1000, days: 1 });
  });

  it('says nothing about days the forecast does not cover', () => {
    expect(periodDemand([day('2026-12-12', null)], { from: '2026-12-12', to: '2026-12-13' })).toBeNull();
  });
});

describe('boats and seats', () => {
  it('measures the average load over recent departures that carried anyone, when there are enough', () => {
    const recent = [...Array.from({ length: 10 }, () => departure(48, 30)), departure(48, 0)];
    expect(averageLoad(recent, [departure(60, 0)])).toEqual({ passengers: 30, measured: true });
  });

  it('falls back to full boats of the scheduled sizes when too few departures carried anyone', () => {
    const scheduled = [departure(48, 0), departure(36, 0), departure(60, 0, 'cancelled')];
    expect(averageLoad([departure(48, 40)], scheduled)).toEqual({ passengers: 42, measured: false });
    expect(averageLoad([], [])).toBeNull();
  });

  it('counts whole boats, rounded up, and refuses an empty boat', () => {
    expect(boatsNeeded(6000, 42)).toBe(143);
    expect(boatsNeeded(84, 42)).toBe(2);
    expect(() => boatsNeeded(10, 0)).toThrow(RangeError);
  });

  it('averages the seats scheduled a day, cancelled departures left out', () => {
    expect(
      scheduledSeatsPerDay([[departure(48, 0), departure(36, 0, 'cancelled')], [departure(60, 0)]]),
    ).toBe(54);
    expect(percentOf(6000, 346)).toBe(1734);
    expect(percentOf(10, 0)).toBeNull();
  });
});

describe('the museum’s opening hours', () => {
  it('reads the first time range of the curators’ text', () => {
    expect(openingHoursOf('8:00 – 17:00 (some sources give a 12:00 – 13:00 lunch break)')).toBe(9);
    expect(openingHoursOf('7h30-11h30')).toBe(4);
    expect(openingHoursOf('By appointment')).toBeNull();
  });
});
