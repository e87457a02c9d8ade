// The dashboard pages' period: presets ending today, a custom range, and what the address's filters become.
import { describe, expect, it } from 'vitest';
import { filtersOf, presetRange } from '../../../functions/site/insights-desk.js';

const TODAY = '2026-03-01';

describe('the dashboard’s period', () => {
  it('ends every preset today', () => {
    expect(presetRange('today', TODAY)).toEqual({ from: TODAY, to: TODAY });
    expect(presetRange('last-7-days', TODAY)).toEqual({ from: '2026-02-23', to: TODAY });
    expect(presetRange('last-30-days', TODAY)).toEqual({ from: '2026-01-31', to: TODAY });
    expect(presetRange('this-month', TODAY)).toEqual({ from: '2026-03-01', to: TODAY });
    expect(presetRange('this-year', TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
  });

  it('shows the last 7 days when the address asks for nothing, and a preset over dates it also gives', () => {
    expect(filtersOf(new URLSearchParams(), TODAY)).toEqual({
      period: 'last-7-days',
      from: '2026-02-23',
      to: TODAY,
      route: '',
      port: '',
      operator: '',
    });
    const preset = filtersOf(new URLSearchParams('period=this-year&from=2025-01-01&to=2025-01-31'), TODAY);
    expect([preset.period, preset.from, preset.to]).toEqual(['this-year', '2026-01-01', TODAY]);
  });

  it('takes from and to as a custom period, as typed, with the filters', () => {
    const custom = filtersOf(
      new URLSearchParams('from=2025-07-01&to=2025-07-31&route=2&port=tuan-chau&operator=demo-bay-cruises'),
      TODAY,
    );
    expect(custom).toEqual({
      period: 'custom',
      from: '2025-07-01',
      to: '2025-07-31',
      route: '2',
      port: 'tuan-chau',
      operator: 'demo-bay-cruises',
    });
    expect(filtersOf(new URLSearchParams('period=custom&from=not-a-date'), TODAY).from).toBe('not-a-date');
  });
});
