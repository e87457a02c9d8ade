/**
 * The HTTP shell every domain router runs in, on Lambda and locally alike: request ids, one log line per
 * request, a body size limit, and the mapping of every failure to problem+json (never a bare 500 for
 * something the client did).
 */

import { type Context, type Env, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Principal } from './auth/principal.js';
import type { Logger } from './logger.js';
import { ProblemError, type ProblemSlug, problemResponse } from './problem-details.js';
import { isStoreUnavailable, STORE_RETRY_AFTER_SECONDS } from './store-unavailable.js';

export interface AppEnv extends Env {
  Variables: RequestIdVariables & { principal?: Principal };
}

// Hono's validators throw HTTPException 400 for unreadable JSON; the router's media type check throws 415.
const clientErrorSlugs: Partial<Record<number, ProblemSlug>> = {
  400: 'malformed-body',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

export interface HttpAppOptions {
  logger: Logger;
  maxBodyBytes: number;
  /** Sent on every response when set (the local server); on AWS CloudFront adds the same policy. */
  contentSecurityPolicy?: string;
}

/**
 * Answers a problem as a page rather than problem+json, for the requests that are a visitor's (the site's pages);
 * undefined leaves it problem+json.
 */
export type ProblemPage = (context: Context<AppEnv>, problem: ProblemError) => Promise<Response | undefined>;

const problemPages = new WeakMap<Hono<AppEnv>, ProblemPage>();

/**
 * Lets `page` answer the problems of `app`'s requests, including those refused before any route runs (a body
 * over the size limit), so a browser gets a page it can show.
 */
export function answerProblemsWithPages(app: Hono<AppEnv>, page: ProblemPage): void {
  problemPages.set(app, page);
}

/** The outer app: mount domain routers on it with `app.route(prefix, router)`. */
export function createHttpApp({ logger, maxBodyBytes, contentSecurityPolicy }: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', requestId({ headerName: 'X-Request-Id', generator: gatewayRequestId }));
  app.use('*', async (context, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: context.get('requestId'),
      method: context.req.method,
      path: context.req.path,
      status: context.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'same-origin',
      // As CloudFront sends it. Not Hono's default no-referrer, under which browsers send `Origin: null` with
      // form posts, and the site's same-origin check would refuse its own forms.
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  if (contentSecurityPolicy) {
    app.use('*', async (context, next) => {
      await next();
      // A route with a policy of its own (the Wi-Fi portal, whose forms go to the gateways) keeps it.
      if (!context.res.headers.has('Content-Security-Policy')) {
        context.header('Content-Security-Policy', contentSecurityPolicy);
      }
    });
  }
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ProblemError(413, 'payload-too-large', `The limit is ${maxBodyBytes} bytes.`);
      },
    }),
  );

  app.notFound((context) => {
    const allowed = methodsAllowedAt(app, context.req.path);
    if (allowed.length > 0) {
      const detail = `Use ${allowed.join(', ')}.`;
      return problemResponse(
        context,
        new ProblemError(405, 'method-not-allowed', detail, undefined, { Allow: allowed.join(', ') }),
      );
    }
    return problemResponse(context, new ProblemError(404, 'not-found'));
  });

  app.onError(async (error, context) => {
    let problem =
      error instanceof ProblemError
        ? error
        : error instanceof HTTPException && error.status < 500
          ? new ProblemError(
              error.status,
              clientErrorSlugs[error.status] ?? 'validation-error',
              error.message,
            )
          : null;
    if (!problem && isStoreUnavailable(error)) {
      logger.warn('data store not answering', { requestId: context.get('requestId'), error: error.message });
      problem = storeUnavailableProblem();
    }
    if (problem)
      return (await problemPages.get(app)?.(context, problem)) ?? problemResponse(context, problem);
    logger.error('unhandled error', {
      requestId: context.get('requestId'),
      error:
        error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
    });
    return problemResponse(context, new ProblemError(500, 'internal-error'));
  });

  return app;
}

/**
 * The answer while the data store does not answer: 503 with Retry-After, which clients (and Stripe, for its
 * webhooks) take as "try again later". Nothing was changed by the request, or its retry finds what it did.
 */
export function storeUnavailableProblem(
  detail = `Please try again in ${STORE_RETRY_AFTER_SECONDS} seconds.`,
  extensions: Record<string, unknown> = {},
): ProblemError {
  const headers = { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  return new ProblemError(503, 'store-unavailable', detail, undefined, headers, extensions);
}

/**
 * On Lambda, API Gateway's own request id, so a log line and the HTTP API access log of one request share
 * an id; elsewhere a random UUID. (A caller's valid X-Request-Id header takes precedence over both.)
 */
function gatewayRequestId(context: Context): string {
  const event = (context.env as { event?: { requestContext?: { requestId?: unknown } } } | undefined)?.event;
  const id = event?.requestContext?.requestId;
  return typeof id === 'string' && id.length > 0 ? id : crypto.randomUUID();
}

/** The methods some route accepts at `path`, so a wrong method gets 405 and an Allow header, not 404. */
function methodsAllowedAt(app: Hono<AppEnv>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !routePattern(route.path).test(path)) continue;
    methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

const patternCache = new Map<string, RegExp>();
function routePattern(routePath: string): RegExp {
  let pattern = patternCache.get(routePath);
  if (!pattern) {
    const source = routePath
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escapeRegExp(segment)))
      .join('/');
    pattern = new RegExp(`^${source}/?$`);
    patternCache.set(routePath, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
