import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/platform/auth/principal';
import { createSafetyDesk } from '../../../functions/site/safety-desk';
import type { Alert, SafetyRules, Viewer } from '../../../functions/tracking/index';

const staff = (roles: Principal['roles'], companyId: string | null = null): Principal => ({
  subject: 's',
  email: null,
  roles,
  companyId,
});

const alert = { id: 'AL-1', state: 'open' } as Alert;
const clock = () => new Date('2026-07-19T10:00:00.000Z');

function alertsSeeing(asked: { viewer: Viewer; date?: string }[]) {
  return {
    listUnresolved: async (viewer: Viewer) => {
      asked.push({ viewer });
      return [alert];
    },
    listDay: async (viewer: Viewer, date?: string) => {
      asked.push({ viewer, ...(date ? { date } : {}) });
      return [alert];
    },
  };
}

const rules = (stored: SafetyRules | null, defaults: SafetyRules) => ({
  current: async () => defaults,
  store: { get: async () => stored },
});

describe('the safety desk', () => {
  it('reads the authority every alert, an operator its company’s, and another role none', async () => {
    const asked: { viewer: Viewer; date?: string }[] = [];
    const desk = createSafetyDesk(alertsSeeing(asked), rules(null, {} as SafetyRules), clock);
    expect((await desk.consoleFor(staff(['manager']))).unresolved).toEqual([alert]);
    expect(await desk.unresolvedCount(staff(['operator'], 'demo-bay-cruises'))).toBe(1);
    expect(await desk.consoleFor(staff(['curator']))).toEqual({
      unresolved: [],
      day: [],
      date: '2026-07-19',
      today: '2026-07-19',
    });
    expect(await desk.unresolvedCount(staff(['curator']))).toBe(0);
    expect(asked.map((each) => each.viewer)).toEqual([
      { kind: 'authority' },
      { kind: 'authority' },
      { kind: 'operator', operatorId: 'demo-bay-cruises' },
    ]);
  });

  it('shows a past day asked for, and today for a day to come or not a day', async () => {
    const asked: { viewer: Viewer; date?: string }[] = [];
    const desk = createSafetyDesk(alertsSeeing(asked), rules(null, {} as SafetyRules), clock);
    // 10:00 UTC is 17:00 in Hạ Long: still 19 July.
    expect((await desk.consoleFor(staff(['manager']), '2026-07-18')).date).toBe('2026-07-18');
    expect((await desk.consoleFor(staff(['manager']), '2026-07-20')).date).toBe('2026-07-19');
    expect((await desk.consoleFor(staff(['manager']), '19/07/2026')).date).toBe('2026-07-19');
    expect(asked.flatMap((each) => (each.date ? [each.date] : []))).toEqual([
      '2026-07-18',
      '2026-07-19',
      '2026-07-19',
    ]);
  });

  it('reads the stored rules, not a kept copy, and the defaults when none were saved', async () => {
    const stored = { version: 3 } as SafetyRules;
    const defaults = { version: 0 } as SafetyRules;
    expect(await createSafetyDesk(alertsSeeing([]), rules(stored, defaults), clock).rules()).toBe(stored);
    expect(await createSafetyDesk(alertsSeeing([]), rules(null, defaults), clock).rules()).toBe(defaults);
  });
});
