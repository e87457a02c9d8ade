// The module Astro writes when the site is built (see web/integrations/platform-server-entry.mjs). Declared here
// so the code that imports it type-checks before the first build.
declare module '*/web/dist/server/entry.mjs' {
  export const render: import('./render.js').RenderPage;
}
