/**
 * MikroTik Hotspot with an external login page: the router's login.html forwards `link-login-only`, the MAC and
 * IP, and for CHAP `chap-id` and `chap-challenge` (octal-escaped bytes such as `\371`). The guest's browser
 * then POSTs `username`, `password`, `dst` and `popup=true` to `link-login-only`; with CHAP the password is
 * md5hex(chap-id + password + challenge). Click-through uses the router's trial user `T-<mac>`.
 */
import { createHash } from 'node:crypto';

export class MikrotikError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MikrotikError';
  }
}

/** Reads RouterOS's escaped byte strings: `\ooo` octal escapes and plain characters. */
export function unescapeOctal(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (character === '\\' && /^[0-7]{3}$/.test(text.slice(index + 1, index + 4))) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      const code = character.charCodeAt(0);
      if (code > 0xff) throw new MikrotikError('chap value has a character outside one byte');
      bytes.push(code);
    }
  }
  return Buffer.from(bytes);
}

export function chapPassword(chapId: string, password: string, chapChallenge: string): string {
  return createHash('md5')
    .update(
      Buffer.concat([unescapeOctal(chapId), Buffer.from(password, 'utf8'), unescapeOctal(chapChallenge)]),
    )
    .digest('hex');
}

/** The router's login address: an http(s) URL ending in /login, as RouterOS makes it. */
export function loginAddress(linkLoginOnly: string | undefined): string {
  if (!linkLoginOnly) throw new MikrotikError('the router sent no link-login-only');
  let url: URL;
  try {
    url = new URL(linkLoginOnly);
  } catch {
    throw new MikrotikError('link-login-only is not a URL');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search) {
    throw new MikrotikError('link-login-only is not the router’s login address');
  }
  return url.href;
}

export interface MikrotikLoginForm {
  action: string;
  fields: { username: string; password: string; dst: string; popup: 'true' };
}

/**
 * The form the guest's browser posts to the router: for a user with a password (a voucher, a booking) with CHAP
 * when the router offered it, or the trial user for click-through.
 */
export function mikrotikLoginForm(options: {
  linkLoginOnly: string | undefined;
  destination: string;
  login:
    | { trialMac: string }
    | { username: string; password: string; chapId?: string; chapChallenge?: string };
}): MikrotikLoginForm {
  const action = loginAddress(options.linkLoginOnly);
  if ('trialMac' in options.login) {
    const mac = options.login.trialMac.toUpperCase();
    if (!/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(mac)) throw new MikrotikError('the router sent no valid MAC');
    return {
      action,
      fields: { username: `T-${mac}`, password: '', dst: options.destination, popup: 'true' },
    };
  }
  const { username, password, chapId, chapChallenge } = options.login;
  const chap = chapId !== undefined && chapChallenge !== undefined && chapChallenge !== '';
  return {
    action,
    fields: {
      username,
      password: chap ? chapPassword(chapId, password, chapChallenge) : password,
      dst: options.destination,
      popup: 'true',
    },
  };
}
