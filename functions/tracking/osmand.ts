/**
 * The OsmAnd protocol as Traccar's server reads it (traccar/traccar OsmAndProtocolDecoder.java), so that Traccar
 * Client and the trackers speaking it can report to us unchanged: the fields of a query string or a form body,
 * or the JSON body of Traccar Client 9 and later. Pure functions: a request's fields in, a position report or
 * the failing fields out. See /work/shared/protocols/boat-tracking.md.
 */
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from '../platform/text-safety.js';
import { ATTRIBUTE_LIMITS, PositionReport } from './model.js';

export interface ReadError {
  path: string;
  message: string;
}

export type ReadOutcome = { report: PositionReport } | { errors: ReadError[] };

/** How far ahead of our clock a fix may be: a tracker's clock runs a little fast, not minutes. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Before this, a fix's time is a tracker's clock reset (GPS week rollover), not a position. */
const EARLIEST_FIX = Date.parse('2000-01-01T00:00:00Z');

const METRES_PER_SECOND_PER_KNOT = 0.514444;

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const UNIX_TIME = /^\d+(\.\d+)?$/;
const SPACED_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(\.\d+)?)$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
// Java's Integer.MAX_VALUE: Traccar reads a smaller number as seconds, a larger one as milliseconds.
const LARGEST_UNIX_SECONDS = 2_147_483_647;

/** The fields the query-string and form forms name; any other is kept as an attribute. */
const KNOWN_FIELDS = new Set([
  'id',
  'deviceid',
  'timestamp',
  'lat',
  'lon',
  'location',
  'speed',
  'bearing',
  'heading',
  'altitude',
  'accuracy',
  'hdop',
  'batt',
  'valid',
  'mock',
  'alarm',
]);

/** The JSON form's fields read into the report; every other scalar is kept as an attribute. */
const JSON_NAMED_FIELDS = new Set([
  'device_id',
  'location.timestamp',
  'location.coords.latitude',
  'location.coords.longitude',
  'location.coords.accuracy',
  'location.coords.speed',
  'location.coords.heading',
  'location.coords.altitude',
  'location.battery.level',
  'location.mock',
]);

/**
 * The fields of a query string or form body (`id=…&timestamp=…&lat=…`), as Traccar Client sends them.
 * Speed is in knots in this form. A missing timestamp is the time of receipt, as in Traccar.
 */
export function readOsmAndFields(fields: Readonly<Record<string, string>>, receivedAt: Date): ReadOutcome {
  const errors: ReadError[] = [];
  for (const name of KNOWN_FIELDS) {
    const value = fields[name];
    if (value !== undefined && isUnsafeText(value)) errors.push({ path: name, message: UNSAFE_TEXT_MESSAGE });
  }
  const number = (name: string): number | null => {
    const text = fields[name];
    if (text === undefined || text === '') return null;
    const value = DECIMAL.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (Number.isFinite(value)) return value;
    errors.push({ path: name, message: 'must be a decimal number' });
    return null;
  };
  const flag = (name: string): boolean | null => {
    const text = fields[name]?.trim().toLowerCase();
    if (text === undefined || text === '') return null;
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    errors.push({ path: name, message: 'must be true or false' });
    return null;
  };

  const idField = fields.id !== undefined ? 'id' : 'deviceid';
  const trackerId = fields[idField]?.trim() ?? '';
  if (trackerId === '') errors.push({ path: 'id', message: 'the device id (id or deviceid) is required' });

  let latitude = number('lat');
  let longitude = number('lon');
  if (fields.location !== undefined) {
    const parts = fields.location.split(',');
    const [lat, lon] = parts.map((part) => part.trim());
    if (parts.length === 2 && lat && lon && DECIMAL.test(lat) && DECIMAL.test(lon)) {
      latitude = Number(lat);
      longitude = Number(lon);
    } else {
      errors.push({ path: 'location', message: 'must be <latitude>,<longitude>' });
    }
  }
  if (latitude === null && fields.location === undefined) {
    errors.push({ path: 'lat', message: 'the latitude (lat or location) is required' });
  }
  if (longitude === null && fields.location === undefined) {
    errors.push({ path: 'lon', message: 'the longitude (lon or location) is required' });
  }

  const timestamp = fields.timestamp;
  const fixTime =
    timestamp === undefined || timestamp.trim() === '' ? receivedAt : readTimestamp(timestamp, errors);
  const courseField = fields.bearing !== undefined ? 'bearing' : 'heading';
  const alarm = fields.alarm?.trim().toLowerCase();

  const attributes = collectAttributes(
    Object.entries(fields).filter(([name]) => !KNOWN_FIELDS.has(name)),
    errors,
  );
  // Traccar keeps any alarm it does not know as an attribute; SOS is the one Traccar Client sends.
  if (alarm && alarm !== 'sos') attributes.alarm = clip(fields.alarm ?? '');

  const candidate = {
    source: 'osmand',
    trackerId,
    fixTime: fixTime?.toISOString(),
    latitude,
    longitude,
    speedKnots: number('speed'),
    courseDegrees: number(courseField),
    altitudeMetres: number('altitude'),
    accuracyMetres: number('accuracy'),
    hdop: number('hdop'),
    batteryPercent: number('batt'),
    valid: flag('valid') ?? true,
    mock: flag('mock') ?? false,
    alarm: alarm === 'sos' ? 'sos' : null,
    attributes,
  };
  const fieldNames: Record<string, string> = {
    trackerId: idField,
    latitude: fields.location !== undefined ? 'location' : 'lat',
    longitude: fields.location !== undefined ? 'location' : 'lon',
    speedKnots: 'speed',
    courseDegrees: courseField,
    altitudeMetres: 'altitude',
    accuracyMetres: 'accuracy',
    batteryPercent: 'batt',
  };
  return checked(candidate, fixTime, receivedAt, errors, fieldNames);
}

/**
 * The JSON body of Traccar Client 9 and later (`{ device_id, location: { timestamp, coords, battery, … } }`).
 * Speed is in metres per second in this form, converted to knots. The background-geolocation library behind
 * it reports -1 for a speed, heading or battery level it does not know: read as unknown.
 */
export function readOsmAndJson(body: unknown, receivedAt: Date): ReadOutcome {
  const errors: ReadError[] = [];
  const root = asObject(body);
  const location = asObject(root?.location);
  const coords = asObject(location?.coords);
  const battery = asObject(location?.battery);
  if (!root) return { errors: [{ path: '(root)', message: 'must be an object' }] };

  const number = (value: unknown, path: string, unknownWhenNegative = false): number | null => {
    if (value === undefined || value === null) return null;
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && DECIMAL.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isFinite(parsed)) {
      errors.push({ path, message: 'must be a number' });
      return null;
    }
    return unknownWhenNegative && parsed < 0 ? null : parsed;
  };

  const deviceId = root.device_id;
  const trackerId =
    typeof deviceId === 'string' ? deviceId.trim() : typeof deviceId === 'number' ? String(deviceId) : '';
  if (trackerId === '') errors.push({ path: 'device_id', message: 'the device id is required' });
  if (isUnsafeText(trackerId)) errors.push({ path: 'device_id', message: UNSAFE_TEXT_MESSAGE });
  if (!coords) errors.push({ path: 'location.coords', message: 'the coordinates are required' });
  const latitude = number(coords?.latitude, 'location.coords.latitude');
  const longitude = number(coords?.longitude, 'location.coords.longitude');
  if (coords && latitude === null) errors.push({ path: 'location.coords.latitude', message: 'is required' });
  if (coords && longitude === null)
    errors.push({ path: 'location.coords.longitude', message: 'is required' });

  const timestamp = location?.timestamp;
  let fixTime: Date | null = receivedAt;
  if (typeof timestamp === 'string' || typeof timestamp === 'number') {
    fixTime = readTimestamp(String(timestamp), errors, 'location.timestamp');
  } else if (timestamp !== undefined && timestamp !== null) {
    errors.push({ path: 'location.timestamp', message: 'must be a date and time' });
    fixTime = null;
  }
  const speed = number(coords?.speed, 'location.coords.speed', true);
  const level = number(battery?.level, 'location.battery.level', true);

  const attributes = collectAttributes(
    flatten(root).filter(([path]) => !JSON_NAMED_FIELDS.has(path)),
    errors,
  );

  const candidate = {
    source: 'osmand',
    trackerId,
    fixTime: fixTime?.toISOString(),
    latitude,
    longitude,
    speedKnots: speed === null ? null : speed / METRES_PER_SECOND_PER_KNOT,
    courseDegrees: number(coords?.heading, 'location.coords.heading', true),
    altitudeMetres: number(coords?.altitude, 'location.coords.altitude'),
    accuracyMetres: number(coords?.accuracy, 'location.coords.accuracy', true),
    hdop: null,
    batteryPercent: level === null ? null : Math.round(level * 1000) / 10,
    valid: true,
    mock: location?.mock === true,
    alarm: null,
    attributes,
  };
  const fieldNames: Record<string, string> = {
    trackerId: 'device_id',
    latitude: 'location.coords.latitude',
    longitude: 'location.coords.longitude',
    speedKnots: 'location.coords.speed',
    courseDegrees: 'location.coords.heading',
    altitudeMetres: 'location.coords.altitude',
    accuracyMetres: 'location.coords.accuracy',
    batteryPercent: 'location.battery.level',
  };
  return checked(candidate, fixTime, receivedAt, errors, fieldNames);
}

/**
 * Every timestamp form Traccar reads: unix seconds or milliseconds (told apart by size, as Traccar does),
 * ISO-8601, and `yyyy-MM-dd HH:mm:ss` in UTC. Null (with an error) for anything else.
 */
export function readTimestamp(text: string, errors: ReadError[], path = 'timestamp'): Date | null {
  const trimmed = text.trim();
  let time = Number.NaN;
  if (UNIX_TIME.test(trimmed)) {
    const value = Number(trimmed);
    time = value <= LARGEST_UNIX_SECONDS ? value * 1000 : value;
  } else if (SPACED_UTC.test(trimmed)) {
    time = Date.parse(trimmed.replace(SPACED_UTC, '$1T$2Z'));
  } else if (ISO_8601.test(trimmed)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
    time = Date.parse(hasZone ? trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : `${trimmed}Z`);
  }
  if (!Number.isFinite(time)) {
    errors.push({
      path,
      message: 'must be unix seconds, unix milliseconds, ISO-8601 or yyyy-MM-dd HH:mm:ss (UTC)',
    });
    return null;
  }
  return new Date(Math.round(time));
}

/** The report, or every failing field: the protocol's own errors, the time's range, then the schema's. */
function checked(
  candidate: Record<string, unknown>,
  fixTime: Date | null,
  receivedAt: Date,
  errors: ReadError[],
  fieldNames: Record<string, string>,
): ReadOutcome {
  const timePath = fieldNames.trackerId === 'device_id' ? 'location.timestamp' : 'timestamp';
  if (fixTime && fixTime.getTime() > receivedAt.getTime() + FUTURE_TOLERANCE_MS) {
    errors.push({ path: timePath, message: 'is more than 5 minutes in the future' });
  } else if (fixTime && fixTime.getTime() < EARLIEST_FIX) {
    errors.push({ path: timePath, message: 'is before the year 2000' });
  }
  if (errors.length > 0) return { errors };
  const result = PositionReport.safeParse(candidate);
  if (result.success) return { report: result.data };
  return {
    errors: result.error.issues.map((issue) => {
      const [field, ...rest] = issue.path.map(String);
      const name = field === undefined ? '(root)' : (fieldNames[field] ?? field);
      return { path: [name, ...rest].join('.'), message: issue.message };
    }),
  };
}

/**
 * The fields the protocol does not name, kept as attributes within bounds: the first 20, keys of at most 40
 * characters (longer ones left out), values cut to 200 characters. Text no field may hold is an error.
 */
function collectAttributes(
  entries: readonly (readonly [string, unknown])[],
  errors: ReadError[],
): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  let kept = 0;
  for (const [key, value] of entries) {
    if (isUnsafeText(key) || (typeof value === 'string' && isUnsafeText(value))) {
      errors.push({ path: key, message: UNSAFE_TEXT_MESSAGE });
      continue;
    }
    if (kept >= ATTRIBUTE_LIMITS.count || key.length > ATTRIBUTE_LIMITS.keyLength) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    attributes[key] = typeof value === 'string' ? clip(value) : (value as number | boolean);
    kept += 1;
  }
  return attributes;
}

/** Cut to the attribute length without splitting a surrogate pair. */
function clip(text: string): string {
  if (text.length <= ATTRIBUTE_LIMITS.valueLength) return text;
  const cut = text.slice(0, ATTRIBUTE_LIMITS.valueLength);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The scalar leaves of a JSON value as dotted paths (`location.activity.type`), in document order. */
function flatten(value: unknown, path: readonly string[] = []): [string, string | number | boolean][] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return [[path.join('.'), value]];
  }
  const object = asObject(value);
  if (!object) return [];
  return Object.entries(object).flatMap(([key, item]) => flatten(item, [...path, key]));
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
