// A departure's manifest as a CSV file, for its company's staff and the port authority; every download is recorded
// in the audit log as an export, with who and from where.
import type { APIRoute } from 'astro';
import { languageOf, localizedPath } from '../../../../../i18n';

export const prerender = false;

export const GET: APIRoute = async ({ params, cookies, locals, request, clientAddress, url, redirect }) => {
  const lang = languageOf(params.lang);
  if (lang === null) return new Response('Not found', { status: 404 });
  const tools = await locals.pier.pageTools();
  const principal = await locals.operator.principalOf(cookies.get(tools.sessionCookieName)?.value);
  if (!principal) {
    return redirect(
      `${localizedPath(lang, '/staff/sign-in/')}?next=${encodeURIComponent(url.pathname)}`,
      303,
    );
  }
  if (!tools.mayBoard(principal)) return new Response('Forbidden', { status: 403 });
  const outcome = await locals.pier.manifestCsv(
    params.id ?? '',
    principal,
    tools.auditOrigin(request, clientAddress),
  );
  if (tools.isRefused(outcome)) {
    return new Response(outcome.message, { status: outcome.problem === 'forbidden' ? 403 : 404 });
  }
  return new Response(outcome.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${outcome.filename}"`,
    },
  });
};
