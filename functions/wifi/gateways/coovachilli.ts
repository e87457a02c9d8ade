/**
 * CoovaChilli's universal access method (UAM): the gateway redirects with `res=notyet`, its address, a hex
 * `challenge`, the client's MAC and the page asked for, signed by `md` = uppercase md5hex of the URL up to
 * `&md=` followed by the uamsecret (src/redir.c). The portal logs the guest in by sending the browser to
 * `http://<uamip>:<uamport>/logon` with the password XORed with md5(challenge + uamsecret) (PAP) or a CHAP
 * response (doc/hotspotlogin.cgi).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export class ChilliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChilliError';
  }
}

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest();

export interface ChilliRedirect {
  result: string;
  uamip: string;
  uamport: number;
  challenge: string;
  mac: string;
  ip?: string;
  nasid?: string;
  userurl?: string;
}

/**
 * Checks `md` over the URL exactly as the gateway built it (the full URL as received), then reads the
 * parameters. A URL without a valid `md` was not made by a gateway that knows the uamsecret.
 */
export function readChilliRedirect(receivedUrl: string, uamsecret: string): ChilliRedirect {
  const marker = receivedUrl.lastIndexOf('&md=');
  if (marker < 0) throw new ChilliError('the redirect carries no md');
  const signed = receivedUrl.slice(0, marker);
  const given = receivedUrl.slice(marker + 4).split('&')[0] ?? '';
  const expected = md5(signed + uamsecret)
    .toString('hex')
    .toUpperCase();
  if (
    given.length !== expected.length ||
    !timingSafeEqual(Buffer.from(given.toUpperCase()), Buffer.from(expected))
  ) {
    throw new ChilliError('md does not match: not signed with this hotspot’s uamsecret');
  }
  const query = new URL(receivedUrl).searchParams;
  const required = (name: string) => {
    const value = query.get(name);
    if (!value) throw new ChilliError(`the redirect lacks ${name}`);
    return value;
  };
  const challenge = required('challenge');
  if (!/^[0-9a-fA-F]{32}$/.test(challenge)) throw new ChilliError('challenge is not 16 bytes of hex');
  const uamport = Number(required('uamport'));
  if (!Number.isInteger(uamport) || uamport < 1 || uamport > 65_535)
    throw new ChilliError('uamport is not a port');
  const uamip = required('uamip');
  if (!/^[0-9.]+$|^[0-9a-fA-F:]+$/.test(uamip)) throw new ChilliError('uamip is not an address');
  return {
    result: required('res'),
    uamip,
    uamport,
    challenge: challenge.toLowerCase(),
    mac: required('mac').replace(/-/g, ':').toLowerCase(),
    ip: query.get('ip') ?? undefined,
    nasid: query.get('nasid') ?? undefined,
    userurl: query.get('userurl') ?? undefined,
  };
}

/** md5(challenge bytes + uamsecret): the key both PAP and CHAP use. */
function newChallenge(challenge: string, uamsecret: string): Buffer {
  return md5(Buffer.concat([Buffer.from(challenge, 'hex'), Buffer.from(uamsecret, 'utf8')]));
}

/** PAP: the password (at most 16 bytes) XORed with the new challenge, in hex. */
export function papPassword(password: string, challenge: string, uamsecret: string): string {
  const bytes = Buffer.from(password, 'utf8');
  if (bytes.length > 16) throw new ChilliError('a PAP password has at most 16 bytes');
  const key = newChallenge(challenge, uamsecret);
  const padded = Buffer.alloc(16);
  bytes.copy(padded);
  return Buffer.from(padded.map((byte, index) => byte ^ (key[index] as number))).toString('hex');
}

/** CHAP: md5hex(0x00 + password + new challenge). */
export function chapResponse(password: string, challenge: string, uamsecret: string): string {
  return md5(
    Buffer.concat([Buffer.from([0]), Buffer.from(password, 'utf8'), newChallenge(challenge, uamsecret)]),
  ).toString('hex');
}

/** The gateway's own logon address, from the redirect's `uamip` and `uamport`. */
export function chilliLogonBase(redirect: Pick<ChilliRedirect, 'uamip' | 'uamport'>): URL {
  const host = redirect.uamip.includes(':') ? `[${redirect.uamip}]` : redirect.uamip;
  try {
    return new URL(`http://${host}:${redirect.uamport}/logon`);
  } catch {
    throw new ChilliError('uamip is not an address');
  }
}

/** Where the browser goes to log in: the gateway's own logon address, never anywhere else. */
export function chilliLogonUrl(
  redirect: ChilliRedirect,
  credentials: { username: string; password: string },
  uamsecret: string,
  method: 'pap' | 'chap',
  destination: string,
): string {
  const url = chilliLogonBase(redirect);
  url.searchParams.set('username', credentials.username);
  if (method === 'pap')
    url.searchParams.set('password', papPassword(credentials.password, redirect.challenge, uamsecret));
  else url.searchParams.set('response', chapResponse(credentials.password, redirect.challenge, uamsecret));
  url.searchParams.set('userurl', destination);
  return url.href;
}
