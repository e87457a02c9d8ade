// Server entry of the built site (see platform-adapter.mjs): Astro's own App renders a request to a Response.
import { App } from 'astro/app';

/** @param {import('astro').SSRManifest} manifest */
export function createExports(manifest) {
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
