/**
 * The site's Content-Security-Policy, computed from the built site: its own origin only, plus the hashes of
 * the inline scripts Astro writes for island hydration. CloudFront sends it on AWS and the local server
 * sends the same policy, so the browser tests would catch a policy that breaks the site.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The CSP source expressions ('sha256-…') of every inline script in the built site's HTML files. */
export function inlineScriptHashes(siteDirectory: string): string[] {
  const hashes = new Set<string>();
  const entries = readdirSync(siteDirectory, { recursive: true, encoding: 'utf8' });
  for (const entry of entries.filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(siteDirectory, entry), 'utf8');
    for (const match of html.matchAll(INLINE_SCRIPT)) {
      const script = match[1] ?? '';
      if (script.trim() === '') continue;
      hashes.add(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** Where Stripe Checkout's payment pages live: the booking page's Pay form is redirected there. */
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';

/**
 * The policy allowing the given hashed inline scripts and nothing else from outside the origin, except that
 * forms may lead to the payment pages (browsers apply form-action to a form's redirects too).
 */
export function contentSecurityPolicy(scriptHashes: string[], paymentPageOrigins: string[] = []): string {
  const directives = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets WebAssembly compile (the 3D museum's meshopt decoder) and nothing else: eval and
    // new Function stay forbidden.
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    // React islands set style attributes, which only 'unsafe-inline' allows.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Map and 3D libraries start their web workers from blob: URLs; the live map's MapLibre GL from its worker
    // script, served with the site ('self').
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...paymentPageOrigins].join(' '),
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
