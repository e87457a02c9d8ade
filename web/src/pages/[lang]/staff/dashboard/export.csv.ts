// One table of the managers' dashboard as a CSV file: `table` names it, the other parameters are the page's period
// and filters. The header row is in the page's language; cells hold plain numbers (functions/platform/csv.ts).
// The same sign-in and role as the page.
import type { APIRoute } from 'astro';
import { csvDocument } from '../../../../../../functions/platform/csv';
import { languageOf, localizedPath } from '../../../../i18n';
import {
  createDashboardTables,
  type DashboardTableId,
  dashboardCsvFilename,
  dashboardTableIds,
  panelOfTable,
} from '../../../../lib/dashboard-tables';

export const prerender = false;

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export const GET: APIRoute = async ({ params, cookies, locals, url, redirect }) => {
  const lang = languageOf(params.lang);
  if (lang === null) return text('Not found', 404);
  const tools = await locals.insights.pageTools();
  const principal = await locals.operator.principalOf(cookies.get(tools.sessionCookieName)?.value);
  if (!principal) {
    const next = encodeURIComponent(`${url.pathname}${url.search}`);
    return redirect(`${localizedPath(lang, '/staff/sign-in/')}?next=${next}`, 303);
  }
  if (!tools.mayReadDashboard(principal))
    return text('Forbidden: the dashboard is for tourism managers.', 403);
  const id = url.searchParams.get('table') as DashboardTableId;
  if (!dashboardTableIds.includes(id)) {
    return text(`Unknown table; one of: ${dashboardTableIds.join(', ')}.`, 404);
  }
  const panel = panelOfTable(id);
  const reading = await locals.insights.read(url.searchParams, {
    panels: panel === 'today' ? [] : [panel],
    withToday: panel === 'today',
  });
  if (reading.kind === 'invalid') return text(`Invalid ${reading.problems.join(', ')}.`, 400);
  const table = createDashboardTables(lang).tables(reading).get(id);
  // The period is today itself: today's table is the boats' totals of the same day.
  if (!table) return text('This table is not part of the dashboard for that period.', 404);
  const csv = csvDocument(
    table.columns.map((column) => column.label),
    table.rows.map((row) => row.map((cell) => cell.value)),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${dashboardCsvFilename(lang, id, reading.query)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
};
