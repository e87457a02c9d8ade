// The site's Astro adapter: Astro builds its on-demand pages into one fetch-style `render(request, locals)`
// function (dist/server/entry.mjs), which the local server and the site Lambda both call. The stored data a
// page shows comes in through `locals` (the domain services), so the server bundle holds no data access of
// its own and both hosts share one way of reading the table.

/** @returns {import('astro').AstroIntegration} */
export function platformAdapter() {
  return {
    name: 'halong-platform-adapter',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // The server build carries its dependencies, each resolved from the package that imports it (Astro's
        // runtime wants zod 3, the platform zod 4), so the site function's bundler never has to guess which one
        // is meant. Only for builds: the dev server loads dependencies from node_modules as they are.
        if (command === 'build') updateConfig({ vite: { ssr: { noExternal: true } } });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'halong-platform-adapter',
          serverEntrypoint: new URL('./platform-server-entry.mjs', import.meta.url),
          exports: ['render'],
          adapterFeatures: { edgeMiddleware: false, buildOutput: 'server' },
          supportedAstroFeatures: {
            staticOutput: 'stable',
            hybridOutput: 'stable',
            serverOutput: 'stable',
            sharpImageService: 'unsupported',
            envGetSecret: 'unsupported',
          },
        });
      },
    },
  };
}
