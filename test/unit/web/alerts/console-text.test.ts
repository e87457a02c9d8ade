import { describe, expect, it } from 'vitest';
import { alertAge, alertRevision, planRows, titleWithCount } from '../../../../web/src/alerts/console-text';

const words = {
  justNow: 'just now',
  minutesAgo: '{minutes} min ago',
  hoursAgo: '{hours} h {minutes} min ago',
};

describe('the alerts console’s words', () => {
  it('says how long ago an alert was raised', () => {
    const raised = '2026-07-19T07:05:00.000Z';
    const at = (minutes: number) => Date.parse(raised) + minutes * 60_000;
    expect(alertAge(raised, at(0.5), words)).toBe('just now');
    expect(alertAge(raised, at(12), words)).toBe('12 min ago');
    expect(alertAge(raised, at(125), words)).toBe('2 h 5 min ago');
    // A clock a little behind the server's: never "in the future".
    expect(alertAge(raised, at(-1), words)).toBe('just now');
  });

  it('puts the count of unresolved alerts before the title, once, and takes it away at none', () => {
    const template = '({count}) {title}';
    expect(titleWithCount('Cảnh báo an toàn · Hạ Long', 3, template)).toBe('(3) Cảnh báo an toàn · Hạ Long');
    expect(titleWithCount('(3) Cảnh báo an toàn · Hạ Long', 4, template)).toBe(
      '(4) Cảnh báo an toàn · Hạ Long',
    );
    expect(titleWithCount('(4) Safety alerts', 0, template)).toBe('Safety alerts');
  });

  it('gives an alert a new revision when someone acts on it or its condition ends', () => {
    const open = { state: 'open', acknowledged: null, resolved: null, conditionEndedAt: null };
    const stamp = { at: '2026-07-19T07:06:00.000Z' };
    expect(alertRevision(open)).toBe(alertRevision({ ...open }));
    expect(alertRevision({ ...open, conditionEndedAt: stamp.at })).not.toBe(alertRevision(open));
    expect(alertRevision({ ...open, state: 'acknowledged', acknowledged: stamp })).not.toBe(
      alertRevision(open),
    );
  });

  it('keeps unchanged rows, replaces changed ones, inserts new ones and removes the rest, in the new order', () => {
    const plan = planRows(
      [
        { id: 'a', revision: '1' },
        { id: 'b', revision: '1' },
        { id: 'c', revision: '1' },
      ],
      [
        { id: 'd', revision: '1' },
        { id: 'a', revision: '1' },
        { id: 'c', revision: '2' },
      ],
    );
    expect(plan).toEqual({
      steps: [
        { id: 'd', action: 'insert' },
        { id: 'a', action: 'keep' },
        { id: 'c', action: 'replace' },
      ],
      removed: ['b'],
    });
  });
});
