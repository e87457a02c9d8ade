/**
 * /api/tracking: the position intake of boats' trackers, speaking the OsmAnd protocol as Traccar's server does
 * (so Traccar Client works by typing our URL in its settings), the intake of a shore AIS receiver's sentences,
 * and the live map's latest positions.
 */
import type { Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../platform/http-app.js';
import { ProblemError, problemResponses } from '../platform/problem.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../platform/routing.js';
import type { AisIntake } from './ais/intake.js';
import { AisIntakeCounts, MAX_SENTENCES_PER_REQUEST } from './ais/model.js';
import { BoatPosition, IntakeResult } from './model.js';
import { type ReadOutcome, readOsmAndFields, readOsmAndJson } from './osmand.js';
import { type TrackingService, UnknownTrackerError } from './service.js';

export const TRACKING_BASE_PATH = '/api/tracking';

const field = (name: string, description: string, example?: string) =>
  z
    .string()
    .optional()
    .meta({ param: { name, in: 'query' }, description, ...(example ? { example } : {}) });

/** The query-string form: every field optional to the schema, since each has an alias or another form. */
const OsmAndQuery = z.looseObject({
  id: field('id', 'The tracker’s device id, registered as the boat’s trackerId.', 'GT-QN5868'),
  deviceid: field('deviceid', 'Another name of id.'),
  timestamp: field(
    'timestamp',
    'Unix seconds, unix milliseconds, ISO-8601 or yyyy-MM-dd HH:mm:ss (UTC); the time of receipt when absent.',
    '1782891000',
  ),
  lat: field('lat', 'Latitude, degrees.', '20.9101'),
  lon: field('lon', 'Longitude, degrees.', '107.0734'),
  location: field('location', '<latitude>,<longitude>, instead of lat and lon.'),
  speed: field('speed', 'Speed over ground in knots.', '7.5'),
  bearing: field('bearing', 'Course, degrees.'),
  heading: field('heading', 'Another name of bearing.'),
  altitude: field('altitude', 'Metres.'),
  accuracy: field('accuracy', 'Metres.'),
  hdop: field('hdop', 'Horizontal dilution of precision.'),
  batt: field('batt', 'Battery, percent.'),
  valid: field('valid', 'false when the fix is not valid.'),
  mock: field('mock', 'true when the phone reports a simulated location.'),
  alarm: field('alarm', 'sos: the SOS button of Traccar Client; another alarm is kept as an attribute.'),
});

const INTAKE_DESCRIPTION =
  'The OsmAnd protocol of Traccar, one position per request: the fields in the query string (Traccar Client ' +
  'POSTs them with an empty body and no Content-Type), in an application/x-www-form-urlencoded body, or Traccar ' +
  'Client 9’s JSON body `{ device_id, location: { timestamp, coords: { latitude, longitude, accuracy, speed, ' +
  'heading, altitude }, battery: { level }, … } }` whose speed is in m/s. Speeds are stored in knots. Fields the ' +
  'protocol does not name are kept as attributes (the first 20; keys up to 40 characters, values cut to 200). ' +
  'A position is kept in the history once per boat and fix time; it becomes the boat’s latest only if newer than ' +
  'the latest and no faster than 60 knots from it. Any 2xx tells the tracker the position is delivered.';

const intakeResponses = {
  200: json(IntakeResult, 'The position is stored (or was already).'),
  ...problemResponses(400, 413),
};

const AIS_DESCRIPTION =
  'NMEA 0183 AIS sentences as a shore receiver outputs them (`!AIVDM`, `!AIVDO`), one per line in a ' +
  '`text/plain` body, or `{ "sentences": [ … ] }` as JSON; at most ' +
  `${MAX_SENTENCES_PER_REQUEST.toLocaleString('en')} per request (then 413), and the body within the platform's size limit. ` +
  'Position reports (types 1, 2, 3, 18, 19) of a boat whose MMSI is registered are stored as its positions ' +
  '(`source` ais, `trackerId` `mmsi:<MMSI>`), with the same rules as the OsmAnd intake; static data (types 5 and ' +
  '24) is kept per MMSI. A multi-part message is joined from its parts in the same request. An NMEA 4.10 tag ' +
  'block (`\\s:station,c:<unix time>*hh\\`) before a sentence is read: `c:` is when the receiver heard it, ' +
  'else the time of this request is; the report’s UTC second then gives the fix’s time within that minute. ' +
  'Bad checksums, lines that are no AIS sentence, parts of incomplete messages, positions marked not available ' +
  '(latitude 91°, longitude 181°) and ships that are no boat of ours are counted and skipped: the answer is 200 ' +
  'with the counts.';

/** A JSON body: the sentences as a list instead of lines. */
const AisSentenceList = z.object({ sentences: z.array(z.string()) });

/** The intakes: trackers (OsmAnd) and shore receivers (AIS). No sign-in: a tracker is known by its registered id. */
export function createTrackingRouter(tracking: TrackingService, ais: AisIntake): DocumentedRouter {
  const intake = async (context: Context<AppEnv>) => {
    const receivedAt = new Date();
    const { outcome, location } = await readPositionRequest(context, receivedAt);
    if ('errors' in outcome) {
      throw new ProblemError(
        400,
        'validation-error',
        undefined,
        outcome.errors.map((error) => ({ location, ...error })),
      );
    }
    try {
      return context.json(await tracking.acceptPosition(outcome.report, receivedAt), 200);
    } catch (error) {
      if (error instanceof UnknownTrackerError) {
        throw new ProblemError(400, 'unknown-tracker', error.message);
      }
      throw error;
    }
  };

  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/osmand',
        tags: ['Tracking'],
        summary: 'A tracker reports a position (OsmAnd protocol, as Traccar Client sends it)',
        description: INTAKE_DESCRIPTION,
        request: { query: OsmAndQuery },
        responses: intakeResponses,
      }),
      intake,
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/osmand',
        tags: ['Tracking'],
        summary: 'A tracker reports a position in a GET query (OsmAnd protocol)',
        description: INTAKE_DESCRIPTION,
        request: { query: OsmAndQuery },
        responses: intakeResponses,
      }),
      intake,
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/ais',
        tags: ['Tracking'],
        summary: 'A shore receiver forwards AIS sentences (NMEA 0183 !AIVDM)',
        description: AIS_DESCRIPTION,
        request: {
          body: {
            required: true,
            content: {
              // Plain JSON Schema, not zod: a zod JSON body would make the router refuse text/plain (415).
              'text/plain': { schema: { type: 'string', description: 'One NMEA sentence per line.' } },
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['sentences'],
                  properties: { sentences: { type: 'array', items: { type: 'string' } } },
                },
              },
            },
          },
        },
        responses: {
          200: json(AisIntakeCounts, 'What became of the sentences, counted'),
          ...problemResponses(400, 413),
        },
      }),
      async (context) => {
        const receivedAt = new Date();
        const lines = await readSentenceLines(context);
        if (lines.length > MAX_SENTENCES_PER_REQUEST) {
          throw new ProblemError(
            413,
            'payload-too-large',
            `At most ${MAX_SENTENCES_PER_REQUEST} sentences per request; this one has ${lines.length}.`,
          );
        }
        return context.json(await ais.acceptSentences(lines, receivedAt), 200);
      },
    );
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

function isJson(context: Context<AppEnv>): boolean {
  return JSON_MEDIA_TYPE.test(context.req.header('Content-Type')?.split(';')[0]?.trim() ?? '');
}

/**
 * A JSON body is the JSON form. Any other body is read as form fields whatever its Content-Type, over the query's
 * (Traccar reads a non-empty body as a query string); an empty one leaves the query's fields, which is Traccar
 * Client's request: a POST with the fields in the query string, no body and no Content-Type.
 */
async function readPositionRequest(
  context: Context<AppEnv>,
  receivedAt: Date,
): Promise<{ outcome: ReadOutcome; location: 'query' | 'body' }> {
  if (isJson(context)) {
    let body: unknown;
    try {
      body = await context.req.json();
    } catch {
      throw new ProblemError(400, 'malformed-body', 'The body is not valid JSON.');
    }
    return { outcome: readOsmAndJson(body, receivedAt), location: 'body' };
  }
  const fields = context.req.query();
  const body = context.req.method === 'GET' ? '' : await context.req.text();
  if (body.trim() === '') return { outcome: readOsmAndFields(fields, receivedAt), location: 'query' };
  Object.assign(fields, Object.fromEntries(new URLSearchParams(body)));
  return { outcome: readOsmAndFields(fields, receivedAt), location: 'body' };
}

/** The non-blank lines of a text body, or the `sentences` of a JSON one. */
async function readSentenceLines(context: Context<AppEnv>): Promise<string[]> {
  if (!isJson(context)) {
    return (await context.req.text()).split(/\r?\n/).filter((line) => line.trim() !== '');
  }
  let body: unknown;
  try {
    body = await context.req.json();
  } catch {
    throw new ProblemError(400, 'malformed-body', 'The body is not valid JSON.');
  }
  const list = AisSentenceList.safeParse(body);
  if (!list.success) {
    throw new ProblemError(
      400,
      'validation-error',
      undefined,
      list.error.issues.map((issue) => ({
        location: 'body' as const,
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    );
  }
  return list.data.sentences.filter((line) => line.trim() !== '');
}
