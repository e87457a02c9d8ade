/**
 * fast-check arbitraries derived from the zod schemas themselves (through their JSON Schema), so that a
 * property-based test explores what a schema accepts without a second, hand-kept description of it. JSON
 * Schema does not carry refinements (a demo exhibit's note, a fee's sum), so the values are finally kept only
 * when the zod schema accepts them: the arbitrary yields exactly "any body the write accepts".
 */
import fc from 'fast-check';
import * as z from 'zod';

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

// Small sizes keep a run short; the boundaries that matter (empty, one, the schema's own limits) stay in reach.
const MAX_GENERATED_ITEMS = 3;
const MAX_GENERATED_LENGTH = 24;

/** Letters of both languages, digits, punctuation and the spaces that trim() removes. */
const textCharacter = fc.constantFrom(..."aAzZ09 .-’'Đđơưăâêôạảấầẩẫậ\t\n Ł€😀");

/** Values `schema` accepts as input, as a client would send them (before its transforms). */
export function acceptedBy<Schema extends z.ZodType>(schema: Schema): fc.Arbitrary<z.input<Schema>> {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const definitions = root.$defs ?? {};
  return (arbitraryOf(root, definitions) as fc.Arbitrary<z.input<Schema>>).filter(
    (value) => schema.safeParse(value).success,
  );
}

function arbitraryOf(schema: JsonSchema, definitions: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    const definition = definitions[name];
    if (!definition) throw new Error(`no definition for ${schema.$ref}`);
    return arbitraryOf(definition, definitions);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((option) => arbitraryOf(option, definitions)));
  switch (schema.type) {
    case 'object':
      return objectOf(schema, definitions);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, definitions), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(
          schema.maxItems ?? MAX_GENERATED_ITEMS,
          (schema.minItems ?? 0) + MAX_GENERATED_ITEMS,
        ),
      });
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e9,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e9,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything();
  }
}

function objectOf(schema: JsonSchema, definitions: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = Object.keys(properties).filter((name) => schema.required?.includes(name));
  return fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, arbitraryOf(property, definitions)]),
    ),
    { requiredKeys: required },
  );
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'date':
      return isoInstant().map((instant) => instant.slice(0, 10));
    case 'date-time':
      return isoInstant();
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) return fc.stringMatching(patternOf(schema.pattern));
  const minLength = schema.minLength ?? 0;
  return fc.string({
    unit: textCharacter,
    minLength,
    maxLength: Math.min(schema.maxLength ?? MAX_GENERATED_LENGTH, minLength + MAX_GENERATED_LENGTH),
  });
}

function isoInstant(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString());
}

/** JSON Schema drops the regex's flags; zod's patterns with \p{…} classes need the `u` flag back. */
function patternOf(source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    return new RegExp(source);
  }
}
