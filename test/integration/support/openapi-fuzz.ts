/**
 * A fuzzer of our own API, driven by its OpenAPI document: for every operation, fast-check arbitraries of
 * requests — path, query, headers, body and content type — that are mostly well-formed (to reach the rules
 * behind the validators) with boundary and invalid values mixed in at every level of the body (wrong types,
 * huge and empty strings, NUL, lone surrogates, out-of-range numbers, malformed JSON, other media types).
 */
import fc from 'fast-check';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OperationObject {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: string;
  /** As the document writes it, with `{name}` placeholders. */
  path: string;
  parameters: Parameter[];
  bodyTypes: Record<string, JsonSchema | undefined>;
  bodyRequired: boolean;
}

export interface FuzzRequest {
  operation: Operation;
  /** The caller: anonymous, a staff role, or a forged token. */
  caller: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        bodyTypes: Object.fromEntries(Object.entries(content).map(([type, media]) => [type, media.schema])),
        bodyRequired: operation.requestBody?.required ?? false,
      });
    }
  }
  return operations;
}

/** Strings that have broken parsers, databases and renderers somewhere. */
const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF',
  '𝕳ạ 𝕃𝖔𝖓𝖌 🚢',
  'Hạ Long',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '../../etc/passwd',
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as plain text.
  '${7*7}',
  '{{7*7}}',
  '\r\nSet-Cookie: x=1',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  'true',
  '2026-02-30',
  '2026-12-06T25:61:00Z',
  '0000-00-00',
  'a'.repeat(300),
];

const nastyValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  0.5,
  1e21,
  -1e21,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  {},
  [null],
  JSON.parse('{"__proto__": {"polluted": true}}'),
  'x'.repeat(70_000),
  ...nastyStrings,
];

const nastyArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...nastyValues),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
);

export interface ArbitraryOptions {
  /** Values the platform knows (ids harvested from its answers), tried for string fields named like ids. */
  knownValues: Map<string, string[]>;
  components: Record<string, JsonSchema>;
  /** False: a request as a well-behaved client would send it; true: with invalid parts mixed in. */
  fuzzed?: boolean;
  /**
   * Whole values of named components whose rules span fields (a passenger's document and nationality),
   * offered beside generated ones so that well-formed requests can be valid as a whole.
   */
  samples?: Record<string, unknown[]>;
}

function resolve(schema: JsonSchema, options: ArbitraryOptions): JsonSchema {
  let resolved = schema;
  for (let depth = 0; resolved.$ref && depth < 20; depth++) {
    const name = resolved.$ref.replace('#/components/schemas/', '');
    resolved = { ...options.components[name], ...withoutRef(resolved) };
  }
  return resolved;
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ignored, ...rest } = schema;
  return rest;
}

/** A value that satisfies `schema` as far as a generator can tell (patterns and formats included). */
function validValue(
  schema: JsonSchema,
  options: ArbitraryOptions,
  field: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const samples = schema.$ref
    ? options.samples?.[schema.$ref.replace('#/components/schemas/', '')]
    : undefined;
  if (samples?.length && !options.fuzzed) return fc.constantFrom(...samples);
  const resolved = resolve(schema, options);
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((alternative) => schemaValue(alternative, options, field, depth)));
  if (resolved.allOf?.length) {
    const merged = resolved.allOf.reduce<JsonSchema>((all, part) => {
      const partResolved = resolve(part, options);
      return {
        ...all,
        ...partResolved,
        properties: { ...all.properties, ...partResolved.properties },
        required: [...(all.required ?? []), ...(partResolved.required ?? [])],
      };
    }, withoutAllOf(resolved));
    return validValue(merged, options, field, depth);
  }
  const types = [resolved.type ?? (resolved.properties ? 'object' : 'string')].flat();
  return fc.oneof(...types.map((type) => valueOfType(type, resolved, options, field, depth)));
}

function withoutAllOf(schema: JsonSchema): JsonSchema {
  const { allOf: _ignored, ...rest } = schema;
  return rest;
}

function valueOfType(
  type: string,
  schema: JsonSchema,
  options: ArbitraryOptions,
  field: string,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 10_000_000);
      const low = Math.max(Math.ceil(min), -2_000_000_000);
      const high = Math.min(Math.floor(max), 2_000_000_000);
      const integers = high >= low ? fc.integer({ min: low, max: high }) : fc.constant(low);
      // Boundaries are where rules break: the bounds themselves, and just past them.
      const edges = fc.constantFrom(low, high, low - 1, high + 1);
      return type === 'integer'
        ? fc.oneof({ arbitrary: integers, weight: 4 }, { arbitrary: edges, weight: 1 })
        : fc.oneof(integers, edges, fc.double({ min: low, max: high, noNaN: true }));
    }
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 4, minLength + 4);
      if (depth > 6) return fc.constant([]);
      return fc.array(schemaValue(schema.items ?? {}, options, field, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        record[name] = schemaValue(property, options, name, depth + 1);
      const requiredKeys = Object.keys(properties).filter((name) => required.has(name));
      return fc.record(record, { requiredKeys });
    }
    default:
      return stringValue(schema, options, field);
  }
}

/** For a field such as `departureId` or `port`, the ids a collection ending in `/departures` or `/ports` listed. */
function listedFor(field: string, known: Map<string, string[]>): string[] | undefined {
  const collection = `/${field.endsWith('Id') ? field.slice(0, -2) : field}s`;
  for (const [key, values] of known) if (key.endsWith(collection)) return values;
  return undefined;
}

/**
 * Real-looking values for fields whose rules a regular expression generator cannot meet (Unicode letter
 * classes in names), so that well-formed requests get past validation to the rules behind it.
 */
const samplesByField: Record<string, string[]> = {
  fullName: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', "Anne-Marie O'Neil", 'Đỗ Minh Khôi'],
  documentNumber: ['B1234567', 'C7654321', '012345678901'],
  phone: ['+84 912 345 678', '0912345678'],
  email: ['khach@example.com', 'visitor@example.org'],
  nationality: ['VN', 'FR', 'KR', 'US'],
  country: ['VN', 'FR', 'KR', 'US'],
  // The days the demo schedule has departures on: the next week, Hạ Long time.
  date: Array.from({ length: 7 }, (_, days) =>
    new Date(Date.now() + 7 * 3_600_000 + (days + 1) * 86_400_000).toISOString().slice(0, 10),
  ),
};

function stringValue(schema: JsonSchema, options: ArbitraryOptions, field: string): fc.Arbitrary<unknown> {
  const known =
    options.knownValues.get(field) ??
    listedFor(field, options.knownValues) ??
    samplesByField[field] ??
    (/id$/i.test(field) ? options.knownValues.get('id') : undefined);
  const byFormat = formatArbitrary(schema.format);
  let generated: fc.Arbitrary<string>;
  if (byFormat) generated = byFormat;
  else if (schema.pattern) {
    try {
      generated = fc
        .stringMatching(new RegExp(schema.pattern, 'u'))
        .filter((text) => text.length <= (schema.maxLength ?? 200));
    } catch {
      generated = fc.string();
    }
  } else {
    generated = fc.string({
      minLength: schema.minLength ?? 0,
      maxLength: Math.min(schema.maxLength ?? 40, 60),
    });
  }
  if (!known?.length) return generated;
  if (!options.fuzzed && samplesByField[field]) return fc.constantFrom(...known);
  return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, { arbitrary: generated, weight: 1 });
}

function formatArbitrary(format: string | undefined): fc.Arbitrary<string> | undefined {
  const day = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2028-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  switch (format) {
    case 'date':
      return day.map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return day.map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uuid':
      return fc.uuid();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return undefined;
  }
}

/**
 * A value for `schema`. In a valid request, as valid as a generator can make it; in a fuzzed one, usually
 * valid but sometimes a boundary or an outright invalid value, at any depth.
 */
export function schemaValue(
  schema: JsonSchema,
  options: ArbitraryOptions,
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!options.fuzzed) return validValue(schema, options, field, depth);
  return fc.oneof(
    { arbitrary: validValue(schema, options, field, depth), weight: 10 },
    { arbitrary: nastyArbitrary, weight: 1 },
  );
}

const pathSegmentArbitrary = (known: string[]) =>
  fc.oneof(
    { arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('x'), weight: 4 },
    { arbitrary: fc.constantFrom(...nastyStrings.filter((text) => text !== '')), weight: 2 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 1 },
  );

function knownOrGenerated(
  known: string[],
  parameter: Parameter,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  return known.length
    ? fc.constantFrom(...known)
    : schemaValue(parameter.schema ?? {}, options, parameter.name);
}

/** Encodes a path segment as a client might, lone surrogates included (as the bytes of their UTF-8 form). */
function encodeSegment(text: string): string {
  let encoded = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      encoded += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else encoded += encodeURIComponent(character);
  }
  return encoded || '%20';
}

export interface Callers {
  [caller: string]: Record<string, string>;
}

const MEDIA_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'text/plain',
  'application/xml',
  'application/problem+json',
  '',
];

/**
 * Requests to `operation`: half as a well-behaved client would send them (to reach the rules behind the
 * validators, and to change state the other half then meets), half with invalid parts mixed in.
 */
export function requestArbitrary(
  operation: Operation,
  callers: Callers,
  options: ArbitraryOptions,
): fc.Arbitrary<FuzzRequest> {
  return fc.boolean().chain((fuzzed) => requestOf(operation, callers, { ...options, fuzzed }));
}

/** `count` requests to `operation` as a well-behaved client sends them (to learn what exists). */
export function wellFormedRequests(
  operation: Operation,
  callers: Callers,
  options: ArbitraryOptions,
  count: number,
  seed: number,
): FuzzRequest[] {
  return fc.sample(requestOf(operation, callers, { ...options, fuzzed: false }), { numRuns: count, seed });
}

/** The values known for path parameter `name` of `template`: the ids its collection listed, else by name. */
function knownFor(template: string, name: string, known: Map<string, string[]>): string[] {
  const collection = template.slice(0, template.indexOf(`/{${name}}`));
  return known.get(collection) ?? known.get(name) ?? known.get('id') ?? [];
}

function requestOf(
  operation: Operation,
  callers: Callers,
  options: ArbitraryOptions,
): fc.Arbitrary<FuzzRequest> {
  const { fuzzed } = options;
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const headerParameters = operation.parameters.filter((parameter) => parameter.in === 'header');

  const path = fc.record(
    Object.fromEntries(
      pathParameters.map((parameter) => [
        parameter.name,
        fuzzed
          ? pathSegmentArbitrary(knownFor(operation.path, parameter.name, options.knownValues))
          : knownOrGenerated(
              knownFor(operation.path, parameter.name, options.knownValues),
              parameter,
              options,
            ),
      ]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(
      queryParameters.map((parameter) => [
        parameter.name,
        fuzzed
          ? fc.oneof(
              schemaValue(parameter.schema ?? {}, options, parameter.name).map((value) => [String(value)]),
              fc.constantFrom(...nastyStrings).map((value) => [value]),
              fc.tuple(fc.string(), fc.string()).map((values) => [...values]),
            )
          : knownOrGenerated(
              listedFor(parameter.name, options.knownValues) ?? options.knownValues.get(parameter.name) ?? [],
              parameter,
              options,
            ).map((value) => [String(value)]),
      ]),
    ),
    {
      requiredKeys: fuzzed
        ? []
        : queryParameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    },
  );
  const extraQuery = fuzzed
    ? fc.option(
        fc.tuple(
          fc.constantFrom('unexpected', '__proto__', 'lang', 'from', 'to'),
          fc.constantFrom(...nastyStrings),
        ),
        {
          freq: 4,
        },
      )
    : fc.constant(null);
  const headers = fc.record(
    Object.fromEntries(
      headerParameters.map((parameter) => [
        parameter.name,
        fuzzed
          ? fc.oneof(
              fc.uuid(),
              fc.string({ maxLength: 300 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
              fc.constantFrom('', ' ', 'a'.repeat(500)),
            )
          : fc.uuid(),
      ]),
    ),
    {
      requiredKeys: fuzzed
        ? []
        : headerParameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    },
  );
  const documentedTypes = Object.keys(operation.bodyTypes);
  const schema = operation.bodyTypes['application/json'] ?? Object.values(operation.bodyTypes)[0];
  const wellFormedBody = schema
    ? schemaValue(schema, options).map((value) => JSON.stringify(value))
    : fc.constant(undefined);
  const body = fuzzed
    ? fc.oneof(
        { arbitrary: wellFormedBody, weight: 8 },
        {
          arbitrary: fc.constantFrom(
            undefined,
            '',
            '{',
            '{"a":',
            '[]',
            'null',
            '"text"',
            '{"x":1e999}',
            '{"__proto__":{"admin":true}}',
            `{"deep":${'['.repeat(2000)}${']'.repeat(2000)}}`,
            '--fuzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n',
            'email=a%ZZ&password=%00',
          ),
          weight: 2,
        },
      )
    : wellFormedBody;
  const documentedType = documentedTypes.includes('application/json')
    ? fc.constant('application/json')
    : documentedTypes.length
      ? fc.constantFrom(...documentedTypes)
      : fc.constant('application/json');
  const contentType = fuzzed
    ? fc.oneof(
        { arbitrary: documentedType, weight: 3 },
        { arbitrary: fc.constantFrom(...MEDIA_TYPES), weight: 1 },
      )
    : documentedType;
  const caller = fc.constantFrom(...Object.keys(callers));

  return fc.record({ path, query, extraQuery, headers, body, contentType, caller }).map((parts) => {
    let url = operation.path;
    for (const parameter of pathParameters) {
      url = url.replace(`{${parameter.name}}`, encodeSegment(String(parts.path[parameter.name] ?? 'x')));
    }
    const search = new URLSearchParams();
    for (const [name, values] of Object.entries(parts.query))
      for (const value of values ?? []) search.append(name, value);
    if (parts.extraQuery) search.append(...parts.extraQuery);
    const text = search.toString();
    const sendsBody = operation.method !== 'GET' && parts.body !== undefined;
    const headersOut: Record<string, string> = {
      ...callers[parts.caller],
      ...(Object.fromEntries(
        Object.entries(parts.headers).filter(([, value]) => value !== undefined),
      ) as Record<string, string>),
      ...(sendsBody && parts.contentType ? { 'Content-Type': parts.contentType } : {}),
    };
    return {
      operation,
      caller: parts.caller,
      url: `${url}${text ? `?${text}` : ''}`,
      method: operation.method,
      headers: headersOut,
      body: sendsBody ? parts.body : undefined,
    };
  });
}

/**
 * Every string value under a key named like an id in `value`, collected by key (`id`, `routeId`, …); with
 * `collection` (the path that answered), also the ids of what it listed or made, under that path.
 */
export function harvestIds(value: unknown, into: Map<string, string[]>, collection?: string): void {
  if (collection) {
    const listed = Array.isArray(value)
      ? value
      : [
          value,
          ...Object.values(value ?? {})
            .filter(Array.isArray)
            .flat(),
        ];
    for (const item of listed) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string' || typeof id === 'number') remember(into, collection, String(id));
    }
  }
  if (Array.isArray(value)) {
    for (const item of value) harvestIds(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const idLike = /(^id$|Id$|^reference$|^code$)/.test(key);
    if (idLike && (typeof child === 'string' || typeof child === 'number') && String(child).length <= 120) {
      remember(into, key, String(child));
    } else harvestIds(child, into);
  }
}

function remember(into: Map<string, string[]>, key: string, value: string): void {
  const list = into.get(key) ?? [];
  if (!list.includes(value) && list.length < 40) list.push(value);
  into.set(key, list);
}
