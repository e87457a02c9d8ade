// The morning report of a day as the PDF the 06:30 message links to: the same sign-in and role as the dashboard,
// the report in the page's language (GET /api/insights/morning-report makes the same file for API clients).
import type { APIRoute } from 'astro';
import { languageOf, localizedPath } from '../../../../i18n';

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
  if (!tools.mayReadDashboard(principal)) {
    return text('Forbidden: the morning report is for tourism managers.', 403);
  }
  const report = await locals.insights.morningReportPdf(url.searchParams.get('date'), lang);
  if (report.kind === 'invalid') return text('Invalid date: a day such as 2026-12-07.', 400);
  return new Response(new Uint8Array(report.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${report.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
};
