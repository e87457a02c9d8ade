// The forecast chart's server-side geometry: lines broken at unknown days, bands closed over the forecast, ticks.
import { describe, expect, it } from 'vitest';
import { type ChartDay, forecastChart, niceStep } from '../../../web/src/lib/forecast-chart';

const size = { width: 110, height: 120, left: 10, right: 0, top: 10, bottom: 10 };
const actual = (date: string, value: number | null): ChartDay => ({
  date,
  actual: value,
  forecast: null,
  lower80: null,
  upper80: null,
  lower95: null,
  upper95: null,
});
const forecast = (date: string, mean: number): ChartDay => ({
  date,
  actual: null,
  forecast: mean,
  lower80: mean - 10,
  upper80: mean + 10,
  lower95: mean - 20,
  upper95: mean + 20,
});

describe('the forecast chart', () => {
  const days = [
    actual('2026-11-29', 50),
    actual('2026-11-30', null),
    actual('2026-12-01', 60),
    forecast('2026-12-02', 60),
    forecast('2026-12-03', 80),
  ];
  const chart = forecastChart(days, ['2026-12-03', '2027-01-01'], '2026-12-02', size);

  it('scales to a nice top above the highest 95 % bound (100) and places the days across the plot', () => {
    expect(chart.yTicks.map((tick) => tick.value)).toEqual([0, 25, 50, 75, 100]);
    expect(chart.yTicks[0]?.y).toBe(110);
    expect(chart.yTicks.at(-1)?.y).toBe(10);
    expect(chart.xTicks).toEqual([{ date: '2026-12-01', x: 60 }]);
  });

  it('breaks the actuals’ line at an unknown day', () => {
    expect(chart.actualPath).toBe('M10,60M60,50');
    expect(chart.meanPath).toBe('M85,50L110,30');
  });

  it('closes each band over the forecast days: up along the upper bound, back along the lower', () => {
    expect(chart.band80Path).toBe('M85,40L110,20L110,40L85,60Z');
    expect(chart.band95Path).toBe('M85,30L110,10L110,50L85,70Z');
  });

  it('marks the holidays and today that fall on the chart, and no others', () => {
    expect(chart.marks).toEqual([{ date: '2026-12-03', x: 110 }]);
    expect(chart.today).toEqual({ date: '2026-12-02', x: 85 });
  });

  it('draws no band without a forecast', () => {
    expect(forecastChart([actual('2026-12-01', 5)], [], '2026-12-02', size).band95Path).toBe('');
  });

  it('steps the axis by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceStep(0.7), niceStep(1.6), niceStep(2.2), niceStep(4100), niceStep(7000)]).toEqual([
      1, 2, 2.5, 5000, 10000,
    ]);
  });
});
