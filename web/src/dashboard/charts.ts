// The dashboard's charts island: draws each series table's chart with uPlot from the numbers the server embedded
// beside it (data-dashboard-chart), with no request of its own. Without JavaScript the tables stand alone.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DashboardChart } from '../lib/dashboard-tables';

/** Line colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by dash as well as colour. */
const lines = [
  { stroke: '#0b6168', dash: [] },
  { stroke: '#b4541b', dash: [6, 4] },
  { stroke: '#6b2a74', dash: [2, 3] },
] as const;
const HEIGHT = 240;

function draw(element: HTMLElement): void {
  const chart = JSON.parse(element.dataset.dashboardChart ?? 'null') as DashboardChart | null;
  if (!chart || chart.points.length === 0) return;
  element.replaceChildren();
  const label = (value: number) => (Number.isInteger(value) ? (chart.points[value] ?? '') : '');
  const options: uPlot.Options = {
    width: Math.max(240, element.clientWidth),
    height: HEIGHT,
    scales: {
      // The points are positions 0…n−1 labelled with their hour, day or month; half a step of margin either side.
      x: { time: false, range: (_plot, min, max) => [min - 0.5, max + 0.5] },
      y: { range: (_plot, _min, max) => [0, Math.max(1, max * 1.1)] },
    },
    axes: [
      {
        incrs: [1, 2, 3, 4, 6, 7, 12, 14, 24, 31, 62, 92],
        values: (_plot, splits) => splits.map(label),
        space: 56,
      },
      { size: 60 },
    ],
    // The legend names the lines; the values are in the table beside the chart.
    legend: { live: false },
    series: [
      {},
      ...chart.series.map((series, index) => {
        const line = lines[index % lines.length] ?? lines[0];
        return {
          label: series.label,
          stroke: line.stroke,
          dash: [...line.dash],
          width: 2,
          // A few points are marked, so one day or one month shows as a dot rather than nothing.
          points: { show: chart.points.length <= 40, size: 8, fill: line.stroke },
        };
      }),
    ],
  };
  const plot = new uPlot(
    options,
    [chart.points.map((_, index) => index), ...chart.series.map((series) => series.values)],
    element,
  );
  new ResizeObserver(() =>
    plot.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT }),
  ).observe(element);
  element.dataset.drawn = 'true';
}

export function drawDashboardCharts(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-dashboard-chart]')) draw(element);
}
