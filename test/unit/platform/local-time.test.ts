import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, localDateAt, localToUtc } from '../../../functions/platform/local-time.js';

describe('Hạ Long local time', () => {
  it('converts a local date and time to UTC, seven hours earlier', () => {
    expect(localToUtc('2026-11-24', '08:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(localToUtc('2026-07-01', '12:30')).toBe('2026-07-01T05:30:00.000Z');
  });

  it('crosses to the previous UTC day for departures before 07:00 local', () => {
    expect(localToUtc('2026-01-01', '06:15')).toBe('2025-12-31T23:15:00.000Z');
  });

  it('gives the local date of an instant, which is the next day from 17:00 UTC', () => {
    expect(localDateAt(new Date('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
    expect(localDateAt(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });

  it('counts days and weekdays in local dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
  });
});
