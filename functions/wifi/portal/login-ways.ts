/**
 * The portal's ways in, each what is particular to it — what its form holds, its own limits, how its proof is
 * checked — for the flow in login-flow.ts: accepting the terms, a one-time code (sent first, then typed) and a
 * boat booking's reference.
 */
import type { Context } from 'hono';
import { clientAddress } from '../../platform/client-address.js';
import type { AppEnv } from '../../platform/http-app.js';
import { takeAll } from './attempt-limits.js';
import {
  addressHash,
  CODE_ATTEMPTS,
  codeLimits,
  codeMessage,
  maskedAddress,
  networkHash,
  readCodeAddress,
} from './login-codes.js';
import { deviceHash, resealLoginContext } from './login-context.js';
import { consentOf, type LoginFlow, type LoginWay, type PortalDependencies } from './login-flow.js';
import { codePageFor } from './page.js';
import { PAGE_HEADERS, refusal } from './responses.js';
import { readBookingReference, ticketLimits, ticketSessionMinutes, ticketValidAt } from './ticket-login.js';

/** The typed code and the request it answers. */
interface CodeProof {
  code: string;
  requestId: string;
}

export function createLoginWays(
  { key, codes, limiter, messages, tickets, portal, logger, now = () => new Date() }: PortalDependencies,
  flow: LoginFlow,
) {
  const { openAnswer, askAgain } = flow;

  /** The terms accepted: the hotspot's ordinary session. */
  const terms: LoginWay<true> = {
    method: 'terms',
    guessable: false,
    read: async (context, answer) =>
      answer.form.accept === 'yes'
        ? true
        : askAgain(context, answer, { method: 'terms', kind: 'must-accept' }),
    check: async (_context, { hotspot }) => ({ policy: hotspot.policy }),
  };

  /** A one-time code typed back: the hotspot's ordinary session. Malformed input is a wrong code. */
  const code: LoginWay<CodeProof> = {
    method: 'code',
    guessable: true,
    read: async (_context, { form }) => ({
      code: (form.code ?? '').replace(/\s/g, ''),
      requestId: form.request ?? '',
    }),
    async check(context, answer, { code, requestId }) {
      const { hotspot, login } = answer;
      const checked =
        /^\d{6}$/.test(code) && /^[\w-]{10,40}$/.test(requestId)
          ? await codes.check(hotspot.id, login.nonce, requestId, code)
          : { outcome: 'wrong' as const, attemptsLeft: undefined };
      if (checked.outcome === 'accepted') return { policy: hotspot.policy };
      const { language, form } = answer;
      const address = await readCodeAddress(form.address ?? '');
      const page = codePageFor(hotspot, language, {
        context: form.context ?? '',
        requestId,
        sentTo: address ? maskedAddress(address) : '',
        address: form.address ?? '',
        error:
          checked.outcome === 'spent' || checked.attemptsLeft === 0
            ? { kind: 'spent' }
            : { kind: 'wrong', attemptsLeft: checked.attemptsLeft ?? CODE_ATTEMPTS },
      });
      return { failed: checked.outcome === 'wrong', retry: context.html(page, 422, PAGE_HEADERS) };
    },
  };

  /** A boat booking's reference: the hotspot's longer ticket session, as many times a day as it has seats. */
  const ticket: LoginWay<{ reference: string; typed: string }> = {
    method: 'booking',
    guessable: true,
    deviceLimits: (device) => [ticketLimits.perDevice(device)],
    async read(context, answer) {
      const typed = (answer.form.reference ?? '').slice(0, 20);
      const reference = readBookingReference(typed);
      if (!reference)
        return askAgain(context, answer, { method: 'booking', kind: 'bad-reference' }, { reference: typed });
      if (answer.form.accept !== 'yes')
        return askAgain(context, answer, { method: 'booking', kind: 'must-accept' }, { reference: typed });
      return { reference, typed };
    },
    async check(context, answer, { reference, typed }, at) {
      const { policy } = answer.hotspot;
      const facts = await tickets(reference);
      const again = (kind: 'no-ticket' | 'ticket-used-up') =>
        askAgain(context, answer, { method: 'booking', kind }, { reference: typed });
      // A reference that lets nobody in counts as a guess; one whose logins today are used up does not.
      if (!facts || !ticketValidAt(facts, at)) return { failed: true, retry: again('no-ticket') };
      if (!(await limiter.take(ticketLimits.perBooking(reference, facts, policy, at))))
        return { failed: false, retry: again('ticket-used-up') };
      return { policy: { ...policy, sessionMinutes: ticketSessionMinutes(policy) } };
    },
  };

  /**
   * Sends a one-time code to the address typed, within the limits per network, device and address, after
   * recording the consent to its use; answers the page to type the code on.
   */
  async function sendCode(context: Context<AppEnv>): Promise<Response> {
    const answer = await openAnswer(context, 'code');
    if (answer instanceof Response) return answer;
    const { hotspot, language, login, form } = answer;
    const accent = hotspot.branding.accent;
    const typed = (form.address ?? '').slice(0, 254);
    const address = await readCodeAddress(typed);
    if (!address)
      return askAgain(context, answer, { method: 'code', kind: 'bad-address' }, { address: typed });
    if (form.accept !== 'yes')
      return askAgain(context, answer, { method: 'code', kind: 'must-accept' }, { address: typed });
    const at = now();
    const device = login.gateway.mac ? deviceHash(key, login.gateway.mac, at) : null;
    const addressKey = addressHash(key, address);
    const limits = [
      codeLimits.perNetwork(networkHash(key, clientAddress(context))),
      ...(device ? [codeLimits.perDevice(device)] : []),
      ...codeLimits.perAddress(addressKey),
    ];
    const wait = await takeAll(limiter, limits, at);
    if (wait > 0) return refusal(context, language, 'tooMany', 429, accent, wait);
    const issued = await codes.issue(hotspot.id, login.nonce, address);
    // Consent to the terms and to the address being used is recorded before the address is used.
    await portal.recordConsent(
      {
        ...consentOf(hotspot, 'code', language, device, at),
        personalData: { channel: address.channel, addressHash: addressKey },
      },
      issued.requestId,
    );
    try {
      await messages.send({
        kind: 'wifi-login-code',
        to: address.channel === 'email' ? { email: address.email } : { phone: address.phone },
        ...codeMessage(language, address.channel, issued.code, hotspot.name[language]),
      });
    } catch (error) {
      logger.error('a Wi-Fi login code could not be sent', {
        hotspotId: hotspot.id,
        channel: address.channel,
        reason: error instanceof Error ? error.name : 'unknown',
      });
      return refusal(context, language, 'messageFailed', 503, accent);
    }
    const page = codePageFor(hotspot, language, {
      // The login stays the same one (its nonce), given the time to type the code.
      context: resealLoginContext(key, login, at),
      requestId: issued.requestId,
      sentTo: maskedAddress(address),
      address: typed,
    });
    return context.html(page, 200, PAGE_HEADERS);
  }

  return { terms, code, ticket, sendCode };
}
