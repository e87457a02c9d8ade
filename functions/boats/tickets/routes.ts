/** GET /api/tickets/keys: the public keys a pier scanner verifies ticket codes with, offline. */
import * as z from 'zod';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../../platform/routing.js';
import type { Signer } from '../../platform/signing/port.js';

export const TICKETS_BASE_PATH = '/api/tickets';

const JsonWebKeySet = z
  .object({
    keys: z.array(
      z.looseObject({
        kty: z.string(),
        kid: z.string(),
        alg: z.string(),
        crv: z.string(),
        x: z.string(),
        y: z.string(),
      }),
    ),
  })
  .meta({ id: 'JsonWebKeySet', description: 'RFC 7517 key set: the public keys that verify ticket codes.' });

export const ticketKeysRoute = createRoute({
  method: 'get',
  path: '/keys',
  tags: ['Bookings'],
  summary: 'Public keys that verify ticket codes offline (JWKS, ES256)',
  description:
    'A pier scanner keeps these and checks the signature of the JWS in a ticket’s QR code without a network. ' +
    'Keys are listed by `kid`; the JWS header names the key that signed it.',
  responses: { 200: json(JsonWebKeySet, 'The key set') },
});

export function createTicketKeysRouter(signer: Signer): DocumentedRouter {
  return createRouter().openapi(ticketKeysRoute, async (context) => {
    context.header('Cache-Control', 'public, max-age=3600');
    return context.json((await signer.publicKeys()) as z.infer<typeof JsonWebKeySet>, 200);
  });
}
