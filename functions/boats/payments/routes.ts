/**
 * Paying and cancelling: POST /api/bookings/{id}/checkout and /cancel, and Stripe's webhook at
 * /api/payments/stripe/webhook. Mounted where the payments port is (the payments function on AWS), with the
 * ticket keys (../tickets/routes.ts).
 */
import type { Context } from 'hono';
import * as z from 'zod';
import type { MountedRouter } from '../../platform/api-docs.js';
import type { AppEnv } from '../../platform/http-app.js';
import type { Logger } from '../../platform/logger.js';
import {
  InvalidWebhookSignatureError,
  PaymentProviderError,
  type PaymentsPort,
} from '../../platform/payments/port.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import { type PublicAddress, publicOrigin } from '../../platform/public-origin.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../../platform/routing.js';
import type { Booking } from '../bookings/model.js';
import { BookingView } from '../bookings/model.js';
import {
  BOOKINGS_BASE_PATH,
  BookingParams,
  bookingAccessToken,
  PRIVATE,
  withProblems,
} from '../bookings/routes.js';
import { toBookingView } from '../bookings/service.js';
import { TICKETS_BASE_PATH, ticketKeysRoute } from '../tickets/routes.js';
import { NotCancellableError, NotPayableError, type PaymentsService } from './service.js';

export const PAYMENTS_BASE_PATH = '/api/payments';

const CheckoutAnswer = z
  .object({ url: z.url().meta({ description: 'Send the tourist here to pay.' }) })
  .meta({ id: 'Checkout' });

/** Where the payment page sends the tourist back: the booking's page on our site, in its language. */
function returnAddresses(origin: string) {
  const bookingPage = (booking: Booking) => `${origin}/${booking.language}/bookings/${booking.id}/`;
  return {
    successUrl: (booking: Booking) => `${bookingPage(booking)}?checkout=success`,
    cancelUrl: (booking: Booking) => `${bookingPage(booking)}?checkout=cancelled`,
  };
}

async function withPaymentProblems<T>(action: () => Promise<T>): Promise<T> {
  return withProblems(async () => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof NotPayableError) throw new ProblemError(409, 'not-payable', error.message);
      if (error instanceof NotCancellableError) throw new ProblemError(409, 'not-cancellable', error.message);
      if (error instanceof PaymentProviderError) {
        throw new ProblemError(
          502,
          'payment-provider-error',
          'Please try again in a few minutes; nothing was charged or changed.',
        );
      }
      throw error;
    }
  });
}

const formBody = {
  required: false,
  description:
    'From the booking page’s form (no JavaScript): the token as `accessToken` and the page language as ' +
    '`language`; answered with a 303 redirect instead of JSON.',
  content: {
    'application/x-www-form-urlencoded': {
      schema: z.object({ accessToken: z.string(), language: z.enum(['vi', 'en']).optional() }),
    },
  },
};

const formRedirect = { description: 'For a form post: to the payment page, or back to the booking page' };

const checkoutRoute = createRoute({
  method: 'post',
  path: '/{bookingId}/checkout',
  tags: ['Bookings'],
  summary: 'Start paying a booking on hold: the address of its payment page (Stripe Checkout, VND)',
  description:
    'The amount is the booking’s total as stored. A checkout already open for the booking is reused.',
  security: [{ bookingToken: [] }],
  request: { params: BookingParams, body: formBody },
  responses: {
    200: json(CheckoutAnswer, 'The payment page'),
    303: formRedirect,
    ...problemResponses(400, 401, 404, 409, 502),
  },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/{bookingId}/cancel',
  tags: ['Bookings'],
  summary: 'Cancel a booking; a paid one is refunded as the cancellation policy says',
  description:
    'A hold simply ends. A confirmed booking is refunded the percentage the policy grants for the time ' +
    'left before departure (GET /api/boats/cancellation-policy), and its seats return to sale.',
  security: [{ bookingToken: [] }],
  request: { params: BookingParams, body: formBody },
  responses: {
    200: json(BookingView, 'The cancelled booking'),
    303: formRedirect,
    ...problemResponses(400, 401, 404, 409, 502),
  },
});

const WebhookAnswer = z
  .object({ received: z.literal(true), outcome: z.string() })
  .meta({ id: 'WebhookAnswer' });

const stripeWebhookRoute = createRoute({
  method: 'post',
  path: '/stripe/webhook',
  tags: ['Payments'],
  summary: 'Stripe webhook: checkout completed or expired',
  description:
    'The signature (Stripe-Signature) is checked on the raw body. Each event is applied at most once in ' +
    'effect, whatever the number and order of deliveries. While the data store does not answer: 503 ' +
    '(`store-unavailable`), so that Stripe delivers the event again later.',
  responses: { 200: json(WebhookAnswer, 'Event received'), ...problemResponses(400, 413, 503) },
});

/**
 * The routes the payments function serves (these and the ticket keys) as the OpenAPI document lists them,
 * for functions that do not serve them.
 */
export const paymentRouteDeclarations: MountedRouter[] = [
  { basePath: BOOKINGS_BASE_PATH, router: { documentedRoutes: [checkoutRoute, cancelRoute] } },
  { basePath: PAYMENTS_BASE_PATH, router: { documentedRoutes: [stripeWebhookRoute] } },
  { basePath: TICKETS_BASE_PATH, router: { documentedRoutes: [ticketKeysRoute] } },
];

/**
 * The booking page's buttons are plain HTML forms (they work without JavaScript): they post the access token
 * in a form field instead of a header, and are answered with a redirect (to the payment page, or back to the
 * booking page, with `?error=<problem>` when refused) instead of JSON.
 */
interface FormPost {
  accessToken: string;
  bookingPage: string;
}

async function formPostOf(context: Context<AppEnv>, bookingId: string): Promise<FormPost | null> {
  const contentType = context.req.header('Content-Type') ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return null;
  const form = await context.req.parseBody();
  const language = form.language === 'en' ? 'en' : 'vi';
  return {
    accessToken: typeof form.accessToken === 'string' ? form.accessToken : '',
    bookingPage: `/${language}/bookings/${bookingId}/`,
  };
}

/** Runs a booking action for an API client (JSON) or the booking page's form (redirects). */
async function answer<T>(
  context: Context<AppEnv>,
  bookingId: string,
  action: (accessToken: string) => Promise<T>,
  respond: (result: T, form: FormPost | null) => Response,
): Promise<Response> {
  const form = await formPostOf(context, bookingId);
  context.header('Cache-Control', PRIVATE);
  if (!form) return respond(await withPaymentProblems(() => action(bookingAccessToken(context))), null);
  try {
    return respond(await withPaymentProblems(() => action(form.accessToken)), form);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return context.redirect(`${form.bookingPage}?error=${error.slug}`, 303);
  }
}

export function createBookingPaymentsRouter(
  bookingPayments: PaymentsService,
  options: { publicAddress: PublicAddress },
): DocumentedRouter {
  return createRouter()
    .openapi(checkoutRoute, (context) => {
      const { bookingId } = context.req.valid('param');
      const origin = publicOrigin(context.req.raw, options.publicAddress);
      return answer(
        context,
        bookingId,
        (token) => bookingPayments.startCheckout(bookingId, token, returnAddresses(origin)),
        (checkout, form) => (form ? context.redirect(checkout.url, 303) : context.json(checkout, 200)),
      );
    })
    .openapi(cancelRoute, (context) => {
      const { bookingId } = context.req.valid('param');
      return answer(
        context,
        bookingId,
        (token) => bookingPayments.cancelBooking(bookingId, token),
        (booking, form) =>
          form ? context.redirect(form.bookingPage, 303) : context.json(toBookingView(booking), 200),
      );
    });
}

export function createPaymentsWebhookRouter(
  payments: PaymentsPort,
  bookingPayments: PaymentsService,
  logger: Logger,
  options: { publicAddress: PublicAddress },
): DocumentedRouter {
  return createRouter().openapi(stripeWebhookRoute, async (context) => {
    const body = new Uint8Array(await context.req.arrayBuffer());
    let event: Awaited<ReturnType<PaymentsPort['readWebhook']>>;
    try {
      event = await payments.readWebhook(body, context.req.header('Stripe-Signature'));
    } catch (error) {
      if (error instanceof InvalidWebhookSignatureError) {
        logger.warn('webhook refused: bad signature', { requestId: context.get('requestId') });
        throw new ProblemError(400, 'invalid-signature', error.message);
      }
      throw error;
    }
    const outcome = await bookingPayments.applyPaymentEvent(
      event,
      publicOrigin(context.req.raw, options.publicAddress),
    );
    logger.info('payment event', { eventId: event.eventId, kind: event.kind, outcome });
    return context.json({ received: true as const, outcome }, 200);
  });
}
