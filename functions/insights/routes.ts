/**
 * /api/insights: the demand series and their stored forecasts, for tourism managers. Nothing is computed on
 * request: the forecasts were made by the nightly job; the answer puts them beside the actuals.
 */
import * as z from 'zod';
import type { RequireRole } from '../platform/auth/require-role.js';
import { dateRangeQuery } from '../platform/date-range.js';
import { localDateAt } from '../platform/local-time.js';
import { ProblemError, problemResponses } from '../platform/problem.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../platform/routing.js';
import {
  BoatsPanel,
  DashboardQuery,
  DashboardSummary,
  MuseumPanel,
  SafetyPanel,
  WifiPanel,
} from './dashboard/model.js';
import type { Dashboard } from './dashboard/service.js';
import { createForecastDays } from './forecast-days.js';
import type { RecordedDemand } from './forecasts.js';
import type { MorningReports } from './report/morning-report.js';
import { type RecipientsStore, ReportRecipients } from './report/recipients.js';
import type { InsightsStore } from './store.js';

export const INSIGHTS_BASE_PATH = '/api/insights';
const MAX_DAYS = 400;

const SeriesView = z
  .object({
    id: z.string().meta({ example: 'bay-passengers:route-1' }),
    name: z.object({ vi: z.string(), en: z.string() }),
    unit: z.enum(['passengers', 'sessions', 'visits']),
    demo: z
      .boolean()
      .meta({ description: 'The history is generated demo data (from the real yearly figures).' }),
  })
  .meta({ id: 'DemandSeries' });

const ForecastQuery = dateRangeQuery(MAX_DAYS, {
  series: z
    .string()
    .min(1)
    .max(80)
    .meta({ param: { name: 'series', in: 'query' }, example: 'bay-passengers' }),
});

const ForecastDay = z.object({
  date: z.iso.date(),
  actual: z
    .number()
    .nullable()
    .meta({ description: 'What happened; null for days to come or not recorded.' }),
  forecast: z.number().nullable(),
  lower80: z.number().nullable(),
  upper80: z.number().nullable(),
  lower95: z.number().nullable(),
  upper95: z.number().nullable(),
});

const ForecastAnswer = z
  .object({
    series: SeriesView,
    forecast: z
      .object({
        generatedAt: z.iso.datetime(),
        model: z.string(),
        start: z.iso.date(),
        days: z.number().int(),
        accuracy: z
          .object({
            mase: z.number().meta({
              description:
                'Mean absolute scaled error on the held-out days: below 1 is better than repeating the week before.',
            }),
            mape: z.number().nullable().meta({
              description: 'Mean absolute percentage error on the held-out days that are not zero.',
            }),
            heldOutDays: z.number().int(),
            heldOutFrom: z.iso.date(),
          })
          .nullable()
          .meta({
            description:
              'The model refitted without the series’ last four weeks and compared with them, at the nightly run; ' +
              'null when the series is too short or the forecast was stored before accuracy was measured.',
          }),
      })
      .nullable()
      .meta({ description: 'Null until the first nightly run.' }),
    days: z.array(ForecastDay),
  })
  .meta({ id: 'DemandForecast' });

const MorningReportQuery = z.object({
  date: z.iso
    .date()
    .optional()
    .meta({
      param: { name: 'date', in: 'query' },
      description: 'The day the report is for (today, local, when left out).',
      example: '2026-12-07',
    }),
  language: z
    .enum(['vi', 'en'])
    .default('vi')
    .meta({ param: { name: 'language', in: 'query' } }),
});

/** The dashboard's panels: what each answers, and how the summary names it. */
const panels = [
  {
    name: 'boats',
    schema: BoatsPanel,
    read: 'boatsPanel',
    summary: 'Passengers, revenue and departures per route, port and company',
  },
  {
    name: 'safety',
    schema: SafetyPanel,
    read: 'safetyPanel',
    summary: 'Safety alerts with response times, and weather-ban days',
  },
  { name: 'wifi', schema: WifiPanel, read: 'wifiPanel', summary: 'Wi-Fi sessions and devices per hotspot' },
  {
    name: 'museum',
    schema: MuseumPanel,
    read: 'museumPanel',
    summary: 'Virtual museum visits, tours and the most-viewed exhibits',
  },
] as const;

const DASHBOARD_DESCRIPTION =
  'Read from counters the services’ records are rolled up into as they happen (never from the records): the ' +
  'period and the same dates a year before. Days are local days in Hạ Long; route, port and operator filter the ' +
  'boats and (operator) the alerts. Up to 732 days at once.';

export function createInsightsRouter(
  store: InsightsStore,
  recorded: RecordedDemand,
  requireRole: RequireRole,
  dashboard: Dashboard,
  report: { reports: MorningReports; recipients: RecipientsStore },
  clock: () => Date = () => new Date(),
): DocumentedRouter {
  const managers = requireRole('manager');
  const forecastDays = createForecastDays(store, recorded, clock);
  let router = createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/morning-report',
        tags: ['Insights'],
        summary: 'The morning report of a day as a one-page PDF (managers)',
        description:
          'Yesterday’s totals, the day’s departures and weather bans, the safety alerts still open and the week’s ' +
          'forecast, in Vietnamese or English — what the 06:30 message sends.',
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        request: { query: MorningReportQuery },
        responses: {
          200: {
            description: 'The report',
            content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (context) => {
        const { date, language } = context.req.valid('query');
        const day = date ?? localDateAt(clock());
        // PDFKit and the font load with the first report, not at every cold start of the managers' API.
        const [{ reportPdf }, { reportWords }] = await Promise.all([
          import('./report/pdf.js'),
          import('./report/wording.js'),
        ]);
        const pdf = await reportPdf(reportWords(await report.reports.build(day), language), language);
        return context.body(new Uint8Array(pdf), 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="morning-report-${day}-${language}.pdf"`,
          'Cache-Control': 'private, no-store',
        }) as never;
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/morning-report/recipients',
        tags: ['Insights'],
        summary: 'Who receives the morning report at 06:30, and in which language (managers)',
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        responses: { 200: json(ReportRecipients, 'The recipients'), ...problemResponses(401, 403) },
      }),
      async (context) => {
        context.header('Cache-Control', 'private, no-store');
        return context.json(await report.recipients.get(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/morning-report/recipients',
        tags: ['Insights'],
        summary: 'Replace the morning report’s recipients (managers)',
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        request: { body: { content: { 'application/json': { schema: ReportRecipients } }, required: true } },
        responses: {
          200: json(ReportRecipients, 'The recipients as saved'),
          ...problemResponses(400, 401, 403),
        },
      }),
      async (context) => {
        const recipients = context.req.valid('json');
        await report.recipients.put(recipients);
        context.header('Cache-Control', 'private, no-store');
        return context.json(recipients, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/summary',
        tags: ['Insights'],
        summary:
          'The dashboard’s headline numbers for a period, beside the same period a year before (managers)',
        description: DASHBOARD_DESCRIPTION,
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        request: { query: DashboardQuery },
        responses: {
          200: json(DashboardSummary, 'Every panel’s totals'),
          ...problemResponses(400, 401, 403),
        },
      }),
      async (context) => {
        context.header('Cache-Control', 'private, max-age=60');
        return context.json(await dashboard.summary(context.req.valid('query')), 200);
      },
    );
  for (const panel of panels) {
    router = router.openapi(
      createRoute({
        method: 'get',
        path: `/panels/${panel.name}`,
        tags: ['Insights'],
        summary: `${panel.summary} (managers)`,
        description: DASHBOARD_DESCRIPTION,
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        request: { query: DashboardQuery },
        responses: {
          200: json(panel.schema, 'The panel for the period'),
          ...problemResponses(400, 401, 403),
        },
      }),
      async (context) => {
        context.header('Cache-Control', 'private, max-age=60');
        return context.json(await dashboard[panel.read](context.req.valid('query')), 200);
      },
    ) as typeof router;
  }
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/series',
        tags: ['Insights'],
        summary: 'The demand series that are forecast (managers)',
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        responses: {
          200: json(z.object({ series: z.array(SeriesView) }), 'Every series'),
          ...problemResponses(401, 403),
        },
      }),
      async (context) => {
        context.header('Cache-Control', 'private, max-age=60');
        return context.json({ series: await forecastDays.listSeries() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/forecasts',
        tags: ['Insights'],
        summary: 'A series’ daily actuals and stored forecast with 80 % and 95 % intervals (managers)',
        description:
          'Days are local days in Hạ Long. The forecast covers the 90 days after the night it was made; days before ' +
          'it carry actuals only, days after it nothing.',
        security: [{ bearerAuth: [] }],
        middleware: [managers] as const,
        request: { query: ForecastQuery },
        responses: {
          200: json(ForecastAnswer, 'The days of the range'),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (context) => {
        const { series: seriesId, from, to } = context.req.valid('query');
        const answer = await forecastDays.between(seriesId, from, to);
        if (!answer) throw new ProblemError(404, 'not-found', `There is no series ${seriesId}.`);
        context.header('Cache-Control', 'private, max-age=60');
        return context.json(answer, 200);
      },
    );
}
