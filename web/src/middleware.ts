// Runs around every page Astro renders: gives pages rendered per request a short shared cache lifetime, and
// under `npm run dev` (Astro's dev server, its own process) supplies the domain services and the posted form
// that the host passes in everywhere else.
import { defineMiddleware } from 'astro:middleware';

/**
 * CloudFront (and any shared cache) may keep a rendered page a minute and serve it stale for five more while it
 * fetches a fresh one, so a burst of visitors costs one render; browsers always ask again, so an edit shows on
 * the next page load wherever no shared cache sits in between.
 */
const RENDERED_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

let devServices: App.Locals | undefined;

export const onRequest = defineMiddleware(async (context, next) => {
  if (import.meta.env.DEV && !context.locals.boats) {
    if (!devServices) {
      const { createSiteServicesFromEnvironment } = await import('../../functions/site/services');
      devServices = createSiteServicesFromEnvironment();
    }
    Object.assign(context.locals, devServices);
    // Where the host reads a page's form everywhere else (functions/site/render.ts); here a refusal shows as
    // Astro's error overlay.
    const { carriesForm, readPostedForm } = await import('../../functions/site/posted-form');
    if (carriesForm(context.request.method)) {
      context.locals.postedForm = await readPostedForm(context.request);
    }
  }
  const response = await next();
  if (!context.isPrerendered && !response.headers.has('Cache-Control')) {
    // A failure must not be kept: the next visitor should get a fresh attempt.
    response.headers.set('Cache-Control', response.status >= 500 ? 'no-store' : RENDERED_PAGE_CACHE_CONTROL);
  }
  return response;
});
