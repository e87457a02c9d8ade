// The forecast chart's geometry, computed on the server so the chart is in the page's HTML without JavaScript:
// the actuals as a line (broken where a day is unknown), the forecast's mean as a line, its 80 % and 95 %
// intervals as filled bands, the holidays and today as vertical marks, and the axes' ticks.

export interface ChartDay {
  date: string;
  actual: number | null;
  forecast: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

export interface ChartSize {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = {
  width: 960,
  height: 340,
  left: 72,
  right: 16,
  top: 16,
  bottom: 40,
};

export interface ForecastChart {
  size: ChartSize;
  actualPath: string;
  meanPath: string;
  band80Path: string;
  band95Path: string;
  yTicks: { value: number; y: number }[];
  /** The first day of each month shown. */
  xTicks: { date: string; x: number }[];
  marks: { date: string; x: number }[];
  today: { date: string; x: number } | null;
}

/** 1, 2, 2.5 or 5 times a power of ten: a tick step near `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The chart of `days` (in date order), with `markDates` (holidays) and `today` marked where they fall. */
export function forecastChart(
  days: readonly ChartDay[],
  markDates: readonly string[],
  today: string,
  size: ChartSize = DEFAULT_CHART_SIZE,
): ForecastChart {
  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  const highest = Math.max(
    1,
    ...days.flatMap((day) => [day.actual, day.forecast, day.upper95].filter((v): v is number => v !== null)),
  );
  const step = niceStep(highest / 4);
  const top = Math.ceil(highest / step) * step;
  const x = (index: number) =>
    round(size.left + (days.length <= 1 ? 0 : (index * plotWidth) / (days.length - 1)));
  const y = (value: number) => round(size.top + plotHeight - (value / top) * plotHeight);
  const indexOf = new Map(days.map((day, index) => [day.date, index]));

  /** A line through the days where `pick` has a value, lifted between runs of unknown days. */
  const line = (pick: (day: ChartDay) => number | null) => {
    let path = '';
    let drawing = false;
    days.forEach((day, index) => {
      const value = pick(day);
      if (value === null) {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${x(index)},${y(value)}`;
      drawing = true;
    });
    return path;
  };
  /** A closed band between `low` and `high` over the days that have both (the forecast's days are contiguous). */
  const band = (low: (day: ChartDay) => number | null, high: (day: ChartDay) => number | null) => {
    const inside = days
      .map((day, index) => ({ index, low: low(day), high: high(day) }))
      .filter(
        (point): point is { index: number; low: number; high: number } =>
          point.low !== null && point.high !== null,
      );
    if (inside.length === 0) return '';
    const upper = inside.map((point, n) => `${n === 0 ? 'M' : 'L'}${x(point.index)},${y(point.high)}`);
    const lower = [...inside].reverse().map((point) => `L${x(point.index)},${y(point.low)}`);
    return `${upper.join('')}${lower.join('')}Z`;
  };

  const at = (date: string) => {
    const index = indexOf.get(date);
    return index === undefined ? null : { date, x: x(index) };
  };
  return {
    size,
    actualPath: line((day) => day.actual),
    meanPath: line((day) => day.forecast),
    band80Path: band(
      (day) => day.lower80,
      (day) => day.upper80,
    ),
    band95Path: band(
      (day) => day.lower95,
      (day) => day.upper95,
    ),
    yTicks: Array.from({ length: Math.round(top / step) + 1 }, (_, n) => ({
      value: n * step,
      y: y(n * step),
    })),
    xTicks: days.flatMap((day, index) => (day.date.endsWith('-01') ? [{ date: day.date, x: x(index) }] : [])),
    marks: markDates.flatMap((date) => at(date) ?? []),
    today: at(today),
  };
}
