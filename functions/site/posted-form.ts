/**
 * What a visitor's browser posts to a site page, read once for every page before it renders: an HTML form
 * (application/x-www-form-urlencoded or multipart/form-data) of bounded size whose fields hold no text that no
 * field may hold. Anything else is refused here with a ProblemError (415, 413, 400) that the host answers as a
 * page in the visitor's language or as problem+json, so that no page ever reads a body it cannot parse.
 */
import { ProblemError } from '../platform/problem-details.js';
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from '../platform/text-safety.js';

/** What HTML forms send (text/plain, their third encoding, cannot carry a field name unambiguously). */
export const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;

/**
 * Largest form a page reads. The largest form of the site, a booking of 20 passengers with every field filled
 * in, is about 10 KB.
 */
export const MAX_FORM_BYTES = 64 * 1024;

/** Methods whose request carries a form to a page (the others have no body a page reads). */
export function carriesForm(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/** The form `request` carries; throws ProblemError when it is not a readable form within `maxBytes`. */
export async function readPostedForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const contentType = request.headers.get('Content-Type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_MEDIA_TYPES.some((formType) => formType === mediaType)) {
    throw new ProblemError(415, 'not-a-form', `Send an HTML form: ${FORM_MEDIA_TYPES.join(' or ')}.`);
  }
  const body = await readBody(request, maxBytes);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw new ProblemError(400, 'malformed-body', `The body is not a well-formed ${mediaType} form.`);
  }
  const unsafeFields = new Set<string>();
  for (const [name, value] of form) {
    if (isUnsafeText(name) || (typeof value === 'string' && isUnsafeText(value))) unsafeFields.add(name);
  }
  if (unsafeFields.size > 0) {
    throw new ProblemError(
      400,
      'validation-error',
      undefined,
      [...unsafeFields].map((path) => ({ location: 'body' as const, path, message: UNSAFE_TEXT_MESSAGE })),
    );
  }
  return form;
}

/** The body's bytes, stopping at `maxBytes` whatever Content-Length claims (a body may be sent chunked). */
async function readBody(request: Request, maxBytes: number): Promise<Blob> {
  const tooLarge = () =>
    new ProblemError(413, 'payload-too-large', `A form may be ${maxBytes} bytes at most.`);
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return new Blob([]);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let length = 0;
  const reader = (request.body as ReadableStream<Uint8Array<ArrayBuffer>>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Blob(chunks);
}
