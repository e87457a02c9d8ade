/**
 * Domain routers: each route is declared once, as an OpenAPI route config with zod schemas, and that one
 * declaration both validates requests at run time and feeds the OpenAPI document (see api-docs.ts).
 */

// Only the types of @hono/zod-openapi: its code would patch zod's namespace at import time, which defeats
// tree-shaking and puts all of zod (half a megabyte) into every Lambda bundle.
import type { RouteConfig, RouteConfigToEnv, RouteHandler } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono, type MiddlewareHandler, type ValidationTargets } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { H } from 'hono/types';
import type * as z from 'zod';
import type { AppEnv } from './http-app.js';
import { ProblemError, type ProblemField, problemResponse } from './problem.js';
import { UNSTORABLE_NUMBER_MESSAGE, unstorableNumberPaths } from './storable-numbers.js';
import { UNSAFE_TEXT_MESSAGE, unsafeTextPaths } from './text-safety.js';
import { isInconsistentTotal } from './totals.js';

/** An OpenAPI response: its description and a JSON body of `schema`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body of `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** A route as the OpenAPI document shows it: its config without the run-time middleware. */
export type DocumentedRoute = Omit<RouteConfig, 'middleware'>;

type ValidationTarget = 'json' | 'param' | 'query' | 'header';
const fieldLocation: Record<ValidationTarget, ProblemField['location']> = {
  json: 'body',
  param: 'path',
  query: 'query',
  header: 'header',
};

type ValidationResult = { target: keyof ValidationTargets } & (
  | { success: true; data: unknown }
  | { success: false; error: z.core.$ZodError }
);

/**
 * Turns a failed zod validation into a problem listing every failing field: 400, or 422 when the body is
 * well-formed and only its totals disagree with their parts (see totals.ts). So too a valid one that holds text
 * no field may hold (NUL, lone surrogates: text-safety.ts) or a number the store cannot hold
 * (storable-numbers.ts), whatever the route's own schema says (400).
 */
function validationHook(result: ValidationResult, context: Context): Response | undefined {
  const location = fieldLocation[result.target as ValidationTarget];
  if (result.success) {
    const errors = [
      ...unsafeTextPaths(result.data).map((path) => ({ location, path, message: UNSAFE_TEXT_MESSAGE })),
      ...unstorableNumberPaths(result.data).map((path) => ({
        location,
        path,
        message: UNSTORABLE_NUMBER_MESSAGE,
      })),
    ];
    if (errors.length === 0) return;
    return problemResponse(context, new ProblemError(400, 'validation-error', undefined, errors));
  }
  const { issues } = result.error;
  const errors = issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const status = issues.every(isInconsistentTotal) ? 422 : 400;
  return problemResponse(context, new ProblemError(status, 'validation-error', undefined, errors));
}

/**
 * A Hono router for one domain that also keeps the routes it documents. `openapi(route, handler)` runs the
 * route's middleware first (so a role guard answers 401/403 before the body is even read), then validates
 * query, path, headers and JSON body, then calls the handler with `context.req.valid(…)` fully typed.
 */
export class DocumentedRouter extends Hono<AppEnv> {
  readonly documentedRoutes: DocumentedRoute[] = [];

  openapi<R extends RouteConfig>(route: R, handler: RouteHandler<R, RouteConfigToEnv<R> & AppEnv>): this {
    const { middleware, ...documented } = route;
    this.documentedRoutes.push(documented);
    const routeMiddleware = middleware === undefined ? [] : [middleware].flat();
    // Hono's typed overloads of `on` take handlers one by one; a computed list needs the plain handler type.
    const handlers = [...routeMiddleware, ...requestValidators(route.request), handler] as H[];
    this.on([route.method], [honoPath(route.path)], ...handlers);
    return this;
  }
}

export function createRouter(): DocumentedRouter {
  return new DocumentedRouter();
}

/**
 * Declares a route for `DocumentedRouter.openapi`. The identity function, there to infer the path as a literal
 * type (for typed path parameters); @hono/zod-openapi's own would bring its whole package back in.
 */
export function createRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(
  route: R,
): R {
  return route;
}

/** OpenAPI writes path parameters as `{id}`, Hono as `:id`. */
function honoPath(openApiPath: string): string {
  return openApiPath.replaceAll(/\/{(.+?)}/g, '/:$1');
}

function requestValidators(request: RouteConfig['request']): MiddlewareHandler[] {
  const validators: MiddlewareHandler[] = [];
  if (request?.query) validators.push(zValidator('query', request.query, validationHook));
  if (request?.params) validators.push(zValidator('param', request.params, validationHook));
  if (isZodSchema(request?.headers)) validators.push(zValidator('header', request.headers, validationHook));
  const jsonBody = request?.body?.content['application/json'];
  const formBody = request?.body?.content[FORM_MEDIA_TYPE];
  if (jsonBody && 'schema' in jsonBody && isZodSchema(jsonBody.schema)) {
    const jsonValidator = zValidator('json', jsonBody.schema, validationHook);
    if (formBody && 'schema' in formBody && isZodSchema(formBody.schema)) {
      // A route for API clients and for a staff page's plain HTML form: each body checked by its own schema.
      const formValidator = zValidator('form', formBody.schema, validationHook);
      validators.push(async (context, next) => {
        if (isFormPost(context.req.header('Content-Type'))) return formValidator(context, next);
        let refused: Response | undefined;
        await requireJsonMediaType(context, async () => {
          refused = (await jsonValidator(context, next)) ?? undefined;
        });
        return refused;
      });
    } else {
      validators.push(requireJsonMediaType, jsonValidator);
    }
  } else if (formBody && 'schema' in formBody && isZodSchema(formBody.schema)) {
    // A route only a staff page's form posts to (lifting a ban, the rules page): its form checked when one comes;
    // the handler answers anything else.
    const formValidator = zValidator('form', formBody.schema, validationHook);
    validators.push(async (context, next) =>
      isFormPost(context.req.header('Content-Type')) ? formValidator(context, next) : next(),
    );
  }
  return validators;
}

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** Whether a request's Content-Type is an HTML form's (urlencoded). */
export function isFormPost(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === FORM_MEDIA_TYPE;
}

function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Hono's JSON validator reads a body of any other media type as `{}` and would answer with a list of missing
 * fields; a body that is not JSON gets 415 instead. (No body at all still gets the list of missing fields.)
 */
const requireJsonMediaType: MiddlewareHandler = async (context, next) => {
  const contentType = context.req.header('Content-Type');
  const refused = contentType
    ? !JSON_MEDIA_TYPE.test(contentType.split(';')[0]?.trim() ?? '')
    : context.req.raw.body !== null && (await context.req.arrayBuffer()).byteLength > 0;
  if (refused) throw new HTTPException(415, { message: 'Unsupported Media Type' });
  await next();
};
