// Runs around every page Astro renders: says who may keep a page rendered per request and how long (the one rule
// of functions/site/shared-pages.ts), and under `npm run dev` (Astro's dev server, its own process) supplies the
// domain services and the posted form that the host passes in everywhere else.
import { defineMiddleware } from 'astro:middleware';
import { pageCacheControl } from '../../functions/site/shared-pages';

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
      const posted = await readPostedForm(context.request);
      const { isLanguageSwitch } = await import('../../functions/site/language-draft');
      if (isLanguageSwitch(posted)) {
        // As the host does: the page in the other language, as for a GET, its form filled in from the draft.
        context.locals.draft = posted;
        return context.rewrite(new Request(context.request.url, { headers: context.request.headers }));
      }
      context.locals.postedForm = posted;
    }
  }
  const response = await next();
  if (context.isPrerendered) return response;
  const cacheControl = pageCacheControl({
    route: context.routePattern,
    // A page rendered with a language switch's draft was posted: it shows what one visitor typed.
    method: context.locals.draft ? 'POST' : context.request.method,
    status: response.status,
    // Cookies set with Astro.cookies are added to the answer after this middleware; both kinds count.
    setsCookie: response.headers.has('Set-Cookie') || !context.cookies.headers().next().done,
  });
  // A copy with its own Headers rather than a change to the answer's: @hono/node-server's Response (the global one
  // under `npm start`) builds the real answer from its first headers when its body is read, so a header set on an
  // endpoint's `new Response(text)` is lost; and Response.redirect()'s headers cannot be changed at all.
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', cacheControl);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});
