/**
 * The site's pages as a fetch-style function: Astro's build of the on-demand pages (web/dist/server/entry.mjs,
 * made by web/integrations/platform-adapter.mjs) renders a Request to a Response with the domain services as
 * `locals`. The local server and the site Lambda mount it the same way. Before a page renders, the host reads
 * what was posted to it (posted-form.ts), so that a body no page can read is refused once, for every page.
 */
import type { Context, Hono } from 'hono';
import { clientAddress } from '../platform/client-address.js';
import { type AppEnv, answerProblemsWithPages } from '../platform/http-app.js';
import { PROBLEM_CONTENT_TYPE, type ProblemError } from '../platform/problem-details.js';
import { type PublicAddress, publicOrigin } from '../platform/public-origin.js';
import { type SiteLanguage, siteLanguages } from './language.js';
import { isLanguageSwitch } from './language-draft.js';
import { carriesForm, readPostedForm } from './posted-form.js';
import type { SiteServices } from './services.js';

/** What a page finds in Astro.locals: the domain services, and what this request brought. */
export interface PageLocals extends SiteServices {
  /** The form posted to the page, already read and checked (posted-form.ts); absent for a GET. */
  postedForm?: FormData;
  /**
   * What the visitor had typed into a page's form when they switched language (language-draft.ts): the page is
   * rendered as for a GET, in the other language, with its form filled in from this, and nothing is done with it.
   */
  draft?: FormData;
  /** For the refusal page only: the problem that refused the request. */
  refusal?: { status: number; slug: string };
}

export type RenderPage = (request: Request, locals: PageLocals, clientAddress?: string) => Promise<Response>;

/** The built site's render function, for the local server (the Lambda bundles it statically instead). */
export const SITE_SERVER_ENTRY = new URL('../../web/dist/server/entry.mjs', import.meta.url);

/** The page that explains a refused request (web/src/pages/[lang]/request-refused.astro). */
const REFUSAL_PAGE = 'request-refused/';

const NO_PUBLIC_ADDRESS: PublicAddress = { publicBaseUrl: undefined, allowedHosts: [] };

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Renders every request that reaches it with the site's pages: the on-demand pages, and the 404 page in the
 * visitor's language for any other address. Mount it last; `/api/*` never reaches Astro, so the API keeps its
 * problem+json 404 and 405 answers. A problem on a page's address (`/vi/…`, `/en/…`: a form that cannot be
 * read, a body over the limit) is answered with a page in that language, or as problem+json to a client that
 * asks for it.
 */
export function mountSitePages(
  app: Hono<AppEnv>,
  renderPage: RenderPage,
  services: SiteServices,
  publicAddress: PublicAddress = NO_PUBLIC_ADDRESS,
): void {
  answerProblemsWithPages(app, async (context, problem) => {
    const language = languageOfPagePath(context.req.path);
    if (language === null || prefersProblemJson(context.req.header('Accept'))) return undefined;
    return refusalPage(context, problem, language);
  });
  app.all('*', async (context) => {
    if (isApiPath(context.req.path)) return context.notFound();
    const request = asVisitorSawIt(context.req.raw, publicAddress);
    // Astro.clientAddress: the audit log records where a staff page that shows personal data was read from.
    const address = clientAddress(context);
    if (!carriesForm(request.method)) return renderPage(request, services, address);
    const postedForm = await readPostedForm(request);
    // The page reads the form from locals; the body it came in has been read.
    const { method, headers, url } = request;
    if (isLanguageSwitch(postedForm)) {
      return renderPage(new Request(url, { headers }), { ...services, draft: postedForm }, address);
    }
    return renderPage(new Request(url, { method, headers }), { ...services, postedForm }, address);
  });

  async function refusalPage(context: Context<AppEnv>, problem: ProblemError, language: SiteLanguage) {
    const address = new URL(
      `/${language}/${REFUSAL_PAGE}`,
      asVisitorSawIt(context.req.raw, publicAddress).url,
    );
    const page = await renderPage(new Request(address, { headers: { Accept: 'text/html' } }), {
      ...services,
      refusal: { status: problem.status, slug: problem.slug },
    });
    for (const [name, value] of Object.entries(problem.headers)) page.headers.set(name, value);
    return page;
  }
}

function languageOfPagePath(path: string): SiteLanguage | null {
  return siteLanguages.find((language) => path.split('/')[1] === language) ?? null;
}

/** True when the client names problem+json or JSON, and not HTML, among what it accepts (an API client). */
function prefersProblemJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  return (
    types.some((type) => type === PROBLEM_CONTENT_TYPE || type === 'application/json') &&
    !types.includes('text/html')
  );
}

/**
 * The request with the address the visitor used: behind CloudFront and API Gateway the request arrives for
 * API Gateway's host, and CloudFront's router function passes the visitor's in X-Forwarded-Host, trusted only
 * when configured (public-origin.ts). Astro checks a form post's Origin against this address, and builds its
 * absolute links (canonical, JSON-LD) from it.
 */
export function asVisitorSawIt(request: Request, publicAddress: PublicAddress): Request {
  const origin = publicOrigin(request, publicAddress);
  const url = new URL(request.url);
  if (origin === url.origin) return request;
  const visited = new URL(`${url.pathname}${url.search}`, origin);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // A streamed body must be passed on as a stream ("half" duplex is the only mode fetch implements).
  return new Request(visited, {
    method: request.method,
    headers: request.headers,
    ...(hasBody && { body: request.body, duplex: 'half' }),
  } as RequestInit);
}
