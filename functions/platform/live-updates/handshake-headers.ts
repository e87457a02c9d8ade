/** The headers of a WebSocket handshake as a WHATWG `Headers`, the way a resolver reads any request's. */

/**
 * Collects header lines into `Headers`. Repeated Cookie lines (HTTP/2 sends one per cookie) are joined with `; `,
 * as a single Cookie line holds them, not with the `, ` that `Headers` joins other repeated fields with, which
 * would make the cookies unreadable.
 */
export function handshakeHeaders(lines: Iterable<readonly [string, string]>): Headers {
  const headers = new Headers();
  for (const [name, value] of lines) {
    const cookies = name.toLowerCase() === 'cookie' ? headers.get('cookie') : null;
    if (cookies !== null) headers.set('cookie', `${cookies}; ${value}`);
    else headers.append(name, value);
  }
  return headers;
}
