// Server entry of the built site (see platform-adapter.mjs): Astro's own App renders a request to a Response.
import { App } from 'astro/app';

/** @param {import('astro').SSRManifest} manifest */
export function createExports(manifest) {
  importOnce(manifest);
  const app = new App(manifest);
  return {
    /**
     * Renders `request` with the on-demand pages; prerendered pages are served as files by the host.
     * @param {Request} request
     * @param {App.Locals} locals the domain services the pages read from
     * @param {string} [clientAddress] the visitor's IP address, when the host knows it
     * @returns {Promise<Response>}
     */
    render: async (request, locals, clientAddress) => {
      const response = await app.render(request, { locals, clientAddress, addCookieHeader: true });
      // Astro answers with its 500 page as status 500 whatever the page sets; that page marks a data store that
      // did not answer with Retry-After (pages/500.astro), and that is a 503: come back, nothing is broken.
      if (response.status === 500 && response.headers.has('Retry-After')) {
        return new Response(response.body, { status: 503, headers: response.headers });
      }
      return response;
    },
  };
}

/**
 * Astro imports a page's module again on every request it renders (and its actions' module on every action
 * lookup): cheap for an engine that caches modules, but under `npm start` every import() first goes through tsx's
 * loader hooks, on another thread — a third of a rendered page's time. Each module is imported once and kept.
 * @param {import('astro').SSRManifest} manifest
 */
function importOnce(manifest) {
  const once = (load) => {
    let loaded;
    return () => {
      loaded ??= load();
      return loaded;
    };
  };
  for (const [component, load] of manifest.pageMap ?? []) manifest.pageMap.set(component, once(load));
  if (manifest.actions) manifest.actions = once(manifest.actions);
}
