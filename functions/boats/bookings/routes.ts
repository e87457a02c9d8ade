/**
 * /api/bookings: holding seats for a party (with an Idempotency-Key) and reading a booking with its access
 * token. Paying and cancelling are in ../payments/routes.ts, which runs where the payments port is.
 */
import type { Context } from 'hono';
import * as z from 'zod';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../../platform/routing.js';
import { TransactionBusyError } from '../../platform/transactions.js';
import { DepartureNotFoundError } from '../departures/service.js';
import { BookingRequest, BookingView, IdempotencyKeyHeader } from './model.js';
import {
  BookingNotFoundError,
  type BookingsService,
  DepartureClosedError,
  IdempotencyKeyReusedError,
  SoldOutError,
  toBookingView,
} from './service.js';

export const BOOKINGS_BASE_PATH = '/api/bookings';

export const BookingParams = z.object({
  bookingId: z
    .string()
    .regex(/^HL[0-9A-Z]{8}$/, 'a booking reference such as HL7K2QX9MD')
    .meta({ param: { name: 'bookingId', in: 'path' }, example: 'HL7K2QX9MD' }),
});

/** A booking's personal data must never sit in a shared cache. */
export const PRIVATE = 'private, no-store';

/** The booking's access token from `Authorization: Bearer`, or a 401 asking for it. */
export function bookingAccessToken(context: Context): string {
  const token = /^Bearer ([\w-]{20,200})$/i.exec(context.req.header('Authorization') ?? '')?.[1];
  if (!token) {
    throw new ProblemError(
      401,
      'unauthenticated',
      'Send the booking’s access token as "Authorization: Bearer <accessToken>".',
      undefined,
      { 'WWW-Authenticate': 'Bearer realm="booking"' },
    );
  }
  return token;
}

export function createBookingsRouter(service: BookingsService): DocumentedRouter {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['Bookings'],
        summary: 'Hold seats on a departure for a party, priced on the server',
        description:
          'Takes the seats in one DynamoDB transaction conditional on enough free seats, so a departure can ' +
          'never be oversold. The hold lasts `expiresAt`; pay through `/checkout` before then. Retrying with ' +
          'the same `Idempotency-Key` and body answers the same booking (header `Idempotent-Replayed: true`).',
        request: {
          headers: IdempotencyKeyHeader,
          body: { required: true, content: { 'application/json': { schema: BookingRequest } } },
        },
        responses: {
          201: json(BookingView, 'The booking on hold, with its access token'),
          ...problemResponses(400, 409, 413, 415, 422, 503),
        },
      }),
      async (context) => {
        const request = context.req.valid('json');
        const key = context.req.valid('header')['idempotency-key'];
        const { booking, replayed } = await withProblems(() => service.createBooking(request, key));
        context.header('Cache-Control', PRIVATE);
        context.header('Location', `${BOOKINGS_BASE_PATH}/${booking.id}`);
        if (replayed) context.header('Idempotent-Replayed', 'true');
        return context.json(booking, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{bookingId}',
        tags: ['Bookings'],
        summary: 'A booking, for the holder of its access token',
        security: [{ bookingToken: [] }],
        request: { params: BookingParams },
        responses: { 200: json(BookingView, 'The booking'), ...problemResponses(400, 401, 404) },
      }),
      async (context) => {
        const { bookingId } = context.req.valid('param');
        const booking = await withProblems(() => service.getBooking(bookingId, bookingAccessToken(context)));
        context.header('Cache-Control', PRIVATE);
        return context.json(toBookingView(booking), 200);
      },
    );
}

/** Maps the booking errors to problem answers; the messages never carry personal data. */
export async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof BookingNotFoundError) throw new ProblemError(404, 'not-found', error.message);
    if (error instanceof DepartureNotFoundError) {
      throw new ProblemError(400, 'validation-error', error.message, [
        { location: 'body', path: 'departureId', message: error.message },
      ]);
    }
    if (error instanceof SoldOutError) {
      throw new ProblemError(409, 'sold-out', error.message, undefined, {}, { seatsLeft: error.seatsLeft });
    }
    if (error instanceof DepartureClosedError) throw new ProblemError(409, 'departure-closed', error.message);
    if (error instanceof IdempotencyKeyReusedError) {
      throw new ProblemError(422, 'idempotency-key-reused', error.message);
    }
    if (error instanceof TransactionBusyError) {
      throw new ProblemError(503, 'busy', 'Please try again in a moment.', undefined, { 'Retry-After': '1' });
    }
    throw error;
  }
}
