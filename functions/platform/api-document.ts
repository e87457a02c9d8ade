/**
 * The OpenAPI 3.1 document of every route the routers declare, at their mounted paths. Loaded only when the
 * document is asked for: the generator (@asteasolutions/zod-to-openapi) is needed for nothing else.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { mergePath } from 'hono/utils/url';
import packageJson from '../../package.json' with { type: 'json' };
import type { MountedRouter } from './api-docs.js';
import { bearerAuthScheme } from './auth/routes.js';

export type ApiDocument = ReturnType<typeof buildApiDocument>;

/** The OpenAPI 3.1 document of every route the routers declare, at their mounted paths. */
export function buildApiDocument(routers: readonly MountedRouter[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', bearerAuthScheme);
  registry.registerComponent('securitySchemes', 'bookingToken', {
    type: 'http',
    scheme: 'bearer',
    description: "A booking's access token, returned once when the booking is made (not a staff sign-in).",
  });
  for (const { basePath, router } of routers) {
    for (const route of router.documentedRoutes) {
      registry.registerPath({ ...route, path: mergePath(basePath, route.path) });
    }
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Hạ Long smart-tourism platform API',
      version: packageJson.version,
      description:
        'Boat routes and booking, live boat tracking, the city Wi-Fi portal, the virtual museum and the ' +
        "managers' dashboard of Quảng Ninh's smart-city programme. Errors are application/problem+json (RFC 9457).",
    },
    servers: [{ url: '/', description: 'This deployment' }],
  });
}
