/**
 * Paying and cancelling: POST /api/bookings/{id}/checkout and /cancel, and Stripe's webhook at
 * /api/payments/stripe/webhook. Mounted where the payments port is (the payments function on AWS), with the
 * ticket keys (../tickets/routes.ts).
 */
import type { Context } from 'hono';
import * as z from 'zod';
import type { MountedRouter } from '../../platform/api-docs.js';
import { addressBucket, clientAddress } from '../../platform/client-address.js';
import type { AppEnv } from '../../platform/http-app.js';
import type { Logger } from '../../platform/logger.js';
import {
  InvalidWebhookSignatureError,
  PaymentProviderError,
  type PaymentsPort,
} from '../../platform/payments/port.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import { type PublicAddress, publicOrigin } from '../../platform/public-origin.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  isFormPost,
  jsonResponse as json,
} from '../../platform/routing.js';
import type { Booking, BookingLinkRequest as BookingLinkRequestType } from '../bookings/model.js';
import { BookingLinkRequest, BookingView } from '../bookings/model.js';
import {
  BOOKINGS_BASE_PATH,
  BookingParams,
  bookingAccessToken,
  PRIVATE,
  withProblems,
} from '../bookings/routes.js';
import { toBookingView } from '../bookings/service.js';
import { TICKETS_BASE_PATH, ticketKeysRoute } from '../tickets/routes.js';
import { NotCancellableError, NotPayableError, type PaymentsService, RefundChangedError } from './service.js';

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
      if (error instanceof RefundChangedError) throw new ProblemError(409, 'refund-changed', error.message);
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
      schema: z.object({
        accessToken: z.string(),
        language: z.enum(['vi', 'en']).optional(),
        confirmed: z.literal('1').optional().meta({
          description:
            'Cancellation: sent by the confirmation step; a form post without it is sent to that step instead.',
        }),
        expectedRefund: z
          .string()
          .regex(/^\d{1,12}$/)
          .optional()
          .meta({
            description:
              'Cancellation: the refund in VND the visitor confirmed (see the `expectedRefund` query).',
          }),
      }),
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

const CancelQuery = z.object({
  expectedRefund: z.coerce
    .number()
    .int()
    .min(0)
    .max(10 ** 12)
    .optional()
    .meta({
      description:
        'The refund in VND the tourist was shown and confirmed: a paid booking is cancelled only while ' +
        'cancelling still refunds exactly this (409 refund-changed otherwise, and nothing changes).',
    }),
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
  request: { params: BookingParams, query: CancelQuery, body: formBody },
  responses: {
    200: json(BookingView, 'The cancelled booking'),
    303: formRedirect,
    ...problemResponses(400, 401, 404, 409, 502),
  },
});

/** How many "find my booking" requests a reference and a client address may make an hour. */
export const BOOKING_LINK_LIMITS = { perReference: 3, perAddress: 10, windowSeconds: 3600 } as const;

const BookingLinkAnswer = z
  .object({
    accepted: z.literal(true),
    message: z.string().meta({
      example: 'If a booking matches that reference and e-mail address, a new link has been sent there.',
    }),
  })
  .meta({ id: 'BookingLinkAnswer' });

/** The find page's form: any text, checked by BookingLinkRequest in the handler so a refusal goes back to the page. */
const BookingLinkForm = z.object({
  reference: z.string().max(40).optional(),
  email: z.string().max(320).optional(),
  language: z.enum(['vi', 'en']).optional(),
});

const bookingLinkRoute = createRoute({
  method: 'post',
  path: '/access-links',
  tags: ['Bookings'],
  summary: 'Find my booking: a fresh link, sent to the e-mail address the booking was made with',
  description:
    'When the reference and the e-mail address match a booking, its link is renewed (the link in earlier ' +
    'messages stops working; the browser that booked keeps its access) and the new one is e-mailed to that ' +
    'address, in `language`. The answer is the same whether or not anything matched, so a reference alone ' +
    `reveals nothing. At most ${BOOKING_LINK_LIMITS.perReference} requests a reference and ` +
    `${BOOKING_LINK_LIMITS.perAddress} a client address an hour (429 with Retry-After). The site's form posts ` +
    'here and is answered with a 303 back to its page (`?sent=1`, or `?error=<problem>&fields=<names>`).',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: BookingLinkRequest },
        'application/x-www-form-urlencoded': { schema: BookingLinkForm },
      },
    },
  },
  responses: {
    202: json(BookingLinkAnswer, 'Sent if anything matched; the same answer otherwise'),
    303: { description: 'For the find page’s form: back to it, saying what happened' },
    ...problemResponses(400, 415, 429),
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
  {
    basePath: BOOKINGS_BASE_PATH,
    router: { documentedRoutes: [checkoutRoute, cancelRoute, bookingLinkRoute] },
  },
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
  /** Sent by the booking page's confirmation step. */
  confirmed: boolean;
  expectedRefund: number | undefined;
}

async function formPostOf(context: Context<AppEnv>, bookingId: string): Promise<FormPost | null> {
  const contentType = context.req.header('Content-Type') ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return null;
  const form = await context.req.parseBody();
  const language = form.language === 'en' ? 'en' : 'vi';
  const expectedRefund = typeof form.expectedRefund === 'string' ? form.expectedRefund : '';
  return {
    accessToken: typeof form.accessToken === 'string' ? form.accessToken : '',
    bookingPage: `/${language}/bookings/${bookingId}/`,
    confirmed: form.confirmed === '1',
    expectedRefund: /^\d{1,12}$/.test(expectedRefund) ? Number(expectedRefund) : undefined,
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
  options: { publicAddress: PublicAddress; limiter: RateLimiter; clock?: () => Date },
): DocumentedRouter {
  const { limiter, clock = () => new Date() } = options;
  /** Counts a request against its reference's and its address's hourly allowance; false when either is spent. */
  async function mayAskForLink(context: Context<AppEnv>, reference: string): Promise<boolean> {
    const { perReference, perAddress, windowSeconds } = BOOKING_LINK_LIMITS;
    return (
      (await limiter.take({
        bucket: `booking-link-address#${addressBucket(clientAddress(context))}`,
        limit: perAddress,
        windowSeconds,
      })) &&
      (await limiter.take({
        bucket: `booking-link-reference#${reference}`,
        limit: perReference,
        windowSeconds,
      }))
    );
  }
  const retryAfter = () => {
    const now = Math.floor(clock().getTime() / 1000);
    return String(BOOKING_LINK_LIMITS.windowSeconds - (now % BOOKING_LINK_LIMITS.windowSeconds));
  };

  return createRouter()
    .openapi(bookingLinkRoute, async (context) => {
      context.header('Cache-Control', PRIVATE);
      const origin = publicOrigin(context.req.raw, options.publicAddress);
      if (isFormPost(context.req.header('Content-Type'))) {
        const form = (
          context.req as unknown as { valid(target: 'form'): z.infer<typeof BookingLinkForm> }
        ).valid('form');
        const page = `/${form.language === 'en' ? 'en' : 'vi'}/bookings/find/`;
        const parsed = BookingLinkRequest.safeParse(form);
        if (!parsed.success) {
          const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].join(',');
          const reference = encodeURIComponent(String(form.reference ?? '').slice(0, 20));
          return context.redirect(
            `${page}?error=validation-error&fields=${fields}&reference=${reference}`,
            303,
          );
        }
        if (!(await mayAskForLink(context, parsed.data.reference))) {
          return context.redirect(`${page}?error=too-many-requests`, 303);
        }
        await bookingPayments.sendBookingLink(parsed.data, origin);
        return context.redirect(`${page}?sent=1`, 303);
      }
      // Checked by BookingLinkRequest before the handler runs (the route's JSON body).
      const request = context.req.valid('json') as BookingLinkRequestType;
      if (!(await mayAskForLink(context, request.reference))) {
        context.header('Retry-After', retryAfter());
        throw new ProblemError(
          429,
          'too-many-requests',
          `At most ${BOOKING_LINK_LIMITS.perReference} links a reference and ${BOOKING_LINK_LIMITS.perAddress} an address an hour.`,
        );
      }
      await bookingPayments.sendBookingLink(request, origin);
      return context.json(
        {
          accepted: true as const,
          message: 'If a booking matches that reference and e-mail address, a new link has been sent there.',
        },
        202,
      );
    })
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
    .openapi(cancelRoute, async (context) => {
      const { bookingId } = context.req.valid('param');
      const { expectedRefund } = context.req.valid('query');
      const form = await formPostOf(context, bookingId);
      // Nothing that costs money in one click: a form post that did not come through the confirmation step
      // (an old page, a form of somebody else's making) is sent to it.
      if (form && !form.confirmed) return context.redirect(`${form.bookingPage}?confirm=cancel`, 303);
      return answer(
        context,
        bookingId,
        (token) =>
          bookingPayments.cancelBooking(bookingId, token, {
            expectedRefund: form ? form.expectedRefund : expectedRefund,
          }),
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
