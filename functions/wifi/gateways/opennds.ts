/**
 * openNDS Forwarding Authentication Service (FAS), as the gateway speaks it (openNDS docs/source/fas.rst,
 * fas-hid.php, fas-aes-https.php and libs/authmon.sh): reading the client's parameters at security levels 1
 * (base64) and 2–3 (AES-256-CBC as PHP's openssl_encrypt makes it, then base64 once more), the hashed id that
 * grants access, the redirect back to the gateway (levels 1–2), and authmon's polling (level 3).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/** The client's parameters the gateway sends, with the percent-encoded ones decoded. */
export interface FasParameters {
  clientip: string;
  clientmac: string;
  hid: string;
  gatewayname: string;
  /** As received (still percent-encoded): authmon's gatewayhash is computed over this form. */
  gatewaynameRaw: string;
  gatewayaddress: string;
  gatewaymac?: string;
  gatewayurl?: string;
  originurl?: string;
  clientType?: string;
  version?: string;
  /** Any other name=value the gateway adds (such as `location`, which the installer sets). */
  custom: Record<string, string>;
}

export class FasError extends Error {
  constructor(
    readonly reason: 'encoding' | 'decryption' | 'missing-field',
    message: string,
  ) {
    super(message);
    this.name = 'FasError';
  }
}

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A query string turns `+` into a space; the base64 alphabet needs it back. */
function base64Bytes(text: string): Buffer {
  const restored = text.trim().replace(/ /g, '+');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(restored) || restored.length % 4 !== 0) {
    throw new FasError('encoding', 'fas is not base64');
  }
  return Buffer.from(restored, 'base64');
}

const KNOWN = new Set([
  'clientip',
  'clientmac',
  'client_type',
  'gatewayname',
  'gatewayurl',
  'version',
  'hid',
  'gatewayaddress',
  'gatewaymac',
  'originurl',
  'clientif',
  'cpi_query',
  'themespec',
]);
const PERCENT_ENCODED = new Set(['gatewayname', 'gatewayurl', 'originurl']);

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new FasError('encoding', 'a percent-encoded field is malformed');
  }
}

/** Reads the gateway's `name=value, name=value` list. */
export function parseFasText(text: string): FasParameters {
  const fields = new Map<string, string>();
  for (const pair of text.split(', ')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    fields.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
  const required = (name: string) => {
    const value = fields.get(name);
    if (!value) throw new FasError('missing-field', `the gateway sent no ${name}`);
    return value;
  };
  const optional = (name: string) => {
    const value = fields.get(name);
    if (value === undefined || value === '' || value === 'none') return undefined;
    return PERCENT_ENCODED.has(name) ? percentDecoded(value) : value;
  };
  const hid = required('hid');
  if (!/^[0-9a-f]{64}$/.test(hid)) throw new FasError('encoding', 'hid is not a sha256 hex digest');
  const gatewaynameRaw = required('gatewayname');
  return {
    clientip: required('clientip'),
    clientmac: required('clientmac').toLowerCase(),
    hid,
    gatewayname: percentDecoded(gatewaynameRaw),
    gatewaynameRaw,
    gatewayaddress: required('gatewayaddress'),
    gatewaymac: optional('gatewaymac'),
    gatewayurl: optional('gatewayurl'),
    originurl: optional('originurl'),
    clientType: optional('client_type'),
    version: optional('version'),
    custom: Object.fromEntries([...fields].filter(([name]) => !KNOWN.has(name))),
  };
}

/** Level 1: `fas` is base64 of the list. */
export function readFasLevel1(fas: string): FasParameters {
  return parseFasText(base64Bytes(fas).toString('utf8'));
}

/** PHP's openssl_encrypt takes the key's bytes cut or NUL-padded to the cipher's 32. */
function phpKey(faskey: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(faskey, 'utf8').copy(key, 0, 0, 32);
  return key;
}

function ivBytes(iv: string): Buffer {
  const bytes = Buffer.from(iv, 'utf8');
  if (bytes.length !== 16) throw new FasError('encoding', 'iv is not 16 characters');
  return bytes;
}

/**
 * Levels 2 and 3: `fas` is base64(openssl_encrypt(list, "aes-256-cbc", faskey, 0, iv)), and openssl_encrypt's
 * result is itself base64 — so two layers of base64 around the ciphertext.
 */
export function readFasEncrypted(fas: string, iv: string, faskey: string): FasParameters {
  const ciphertext = base64Bytes(base64Bytes(fas).toString('latin1'));
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-cbc', phpKey(faskey), ivBytes(iv));
    plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // A wrong faskey shows as bad padding; say no more than that it failed.
    throw new FasError('decryption', 'fas does not decrypt with this hotspot’s faskey');
  }
  return parseFasText(plain);
}

/** What a gateway at level 2 or 3 sends, for tests and for the gateway simulator of `npm start`. */
export function encryptFas(plain: string, iv: string, faskey: string): string {
  const cipher = createCipheriv('aes-256-cbc', phpKey(faskey), ivBytes(iv));
  const once = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
  return Buffer.from(once, 'latin1').toString('base64');
}

/** The hashed id that proves the portal knows the faskey: sha256hex(hid + faskey). */
export function rhidFor(hid: string, faskey: string): string {
  return sha256hex(hid + faskey);
}

/** authmon names its gateway by sha256hex of the gateway name as sent, still percent-encoded. */
export function gatewayHashFor(gatewaynameRaw: string): string {
  return sha256hex(gatewaynameRaw);
}

/** The gateway's own address (`gatewayaddress`, host:port) as the base of the URLs the browser is sent to. */
export function gatewayBase(gatewayaddress: string): URL {
  if (!/^[0-9A-Za-z.:[\]-]+$/.test(gatewayaddress))
    throw new FasError('encoding', 'gatewayaddress is malformed');
  try {
    return new URL(`http://${gatewayaddress}/`);
  } catch {
    throw new FasError('encoding', 'gatewayaddress is malformed');
  }
}

/**
 * Levels 1–2: the browser goes back to the gateway with the token; `redir` must be present (the gateway answers
 * 403 without it).
 */
export function gatewayAuthUrl(gatewayaddress: string, rhid: string, redir: string, custom?: string): string {
  const url = new URL('/opennds_auth/', gatewayBase(gatewayaddress));
  url.searchParams.set('tok', rhid);
  url.searchParams.set('redir', redir);
  if (custom) url.searchParams.set('custom', Buffer.from(custom, 'utf8').toString('base64'));
  return url.href;
}

/** A client the portal has let in, as authmon passes it to the gateway (0 means no limit). */
export interface AuthmonGrant {
  rhid: string;
  sessionMinutes: number;
  uploadKbps: number;
  downloadKbps: number;
  uploadQuotaKB: number;
  downloadQuotaKB: number;
  custom?: string;
}

/** PHP's rawurlencode: RFC 3986, so spaces are %20 and `~` stays. */
function rawUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The reply to `auth_get=view` with payload `none`: `*`, then each waiting client. */
export function authmonViewReply(grants: AuthmonGrant[]): string {
  return [
    '*',
    ...grants.map((grant) =>
      rawUrlEncode(
        [
          grant.rhid,
          grant.sessionMinutes,
          grant.uploadKbps,
          grant.downloadKbps,
          grant.uploadQuotaKB,
          grant.downloadQuotaKB,
          Buffer.from(grant.custom ?? 'none', 'utf8').toString('base64'),
        ].join(' '),
      ),
    ),
  ].join(' ');
}

/** What authmon asks for in one POST. */
export type AuthmonRequest =
  | { kind: 'clear'; gatewayhash: string }
  | { kind: 'view'; gatewayhash: string }
  | { kind: 'acknowledge'; gatewayhash: string; rhids: string[] }
  | { kind: 'deauthed'; gatewayhash: string; session: DeauthedSession };

/** The end of a session, as the gateway reports it: the source of dwell time and traffic. */
export interface DeauthedSession {
  method: string;
  clientmac: string;
  token: string;
  bytesIncoming: number;
  bytesOutgoing: number;
  sessionStart: number;
  sessionEnd: number;
}

/** Decodes base64 once or twice (authmon sometimes wraps the deauthed payload twice). */
function unwrapBase64(payload: string): string {
  let text = base64Bytes(payload).toString('utf8');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text.trim())) {
    text = base64Bytes(text).toString('utf8');
  }
  return text;
}

function parseDeauthed(text: string): DeauthedSession {
  const fields = new Map(
    text.split(', ').map((pair) => {
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()] as const;
    }),
  );
  const number = (name: string) => {
    const value = Number(fields.get(name) ?? '');
    if (!Number.isFinite(value) || value < 0)
      throw new FasError('missing-field', `deauthed report lacks ${name}`);
    return value;
  };
  const clientmac = fields.get('clientmac');
  const token = fields.get('token');
  if (!clientmac || !token) throw new FasError('missing-field', 'deauthed report lacks the client');
  return {
    method: fields.get('method') ?? 'unknown',
    clientmac: clientmac.toLowerCase(),
    token,
    bytesIncoming: number('bytes_incoming'),
    bytesOutgoing: number('bytes_outgoing'),
    sessionStart: number('session_start'),
    sessionEnd: number('session_end'),
  };
}

/** Reads authmon's form fields (`auth_get`, `gatewayhash`, `payload`). */
export function readAuthmonRequest(form: Record<string, string | undefined>): AuthmonRequest {
  const gatewayhash = form.gatewayhash ?? '';
  if (!/^[0-9a-f]{64}$/.test(gatewayhash))
    throw new FasError('missing-field', 'gatewayhash is missing or malformed');
  const payload = form.payload ? base64Bytes(form.payload).toString('utf8').trim() : 'none';
  switch (form.auth_get) {
    case 'clear':
      return { kind: 'clear', gatewayhash };
    case 'view':
      if (payload === 'none') return { kind: 'view', gatewayhash };
      if (payload.startsWith('*')) {
        const rhids = payload
          .slice(1)
          .trim()
          .split(/\s+/)
          .filter((rhid) => /^[0-9a-f]{64}$/.test(rhid));
        return { kind: 'acknowledge', gatewayhash, rhids };
      }
      throw new FasError('encoding', 'view payload is neither none nor an acknowledgement');
    case 'deauthed':
      return { kind: 'deauthed', gatewayhash, session: parseDeauthed(unwrapBase64(form.payload ?? '')) };
    default:
      throw new FasError('missing-field', 'auth_get is not clear, view or deauthed');
  }
}
