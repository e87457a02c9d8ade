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
    render: (request, locals, clientAddress) =>
      app.render(request, { locals, clientAddress, addCookieHeader: true }),
  };
}
