/**
 * The portal's pages: the login page a phone's captive-portal browser shows (tiny, no JavaScript, Vietnamese or
 * English, in the hotspot's colour), the page that hands the guest to a gateway expecting a form, and the pages
 * for a finished login or a refusal. Everything shown is escaped by hono/html.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Hotspot } from '../model.js';
import { portalPath } from './destination.js';
import { CODE_MINUTES } from './login-codes.js';
import { type PortalLanguage, type PortalText, text } from './page-text.js';
import { ticketSessionMinutes } from './ticket-login.js';

function layout(
  language: PortalLanguage,
  accent: string,
  title: string,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  refresh?: string,
) {
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${refresh ? html`<meta http-equiv="refresh" content="5;url=${refresh}">` : ''}
<title>${title}</title>
<style>
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2a2e;background:#f5f2eb}
main{max-width:30rem;margin:0 auto;padding:1.25rem}
header{background:${accent};color:#fff;padding:1rem 1.25rem}
header p{margin:0;font-weight:600;font-size:1.15rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
.box{background:#fff;border:1px solid #d6cfbf;border-radius:.5rem;padding:1rem}
label{display:flex;gap:.6rem;align-items:flex-start;margin:1rem 0}
label.field{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=text],input[type=email]{box-sizing:border-box;width:100%;min-height:3rem;padding:.5rem .75rem;border:1px solid #6b7b80;border-radius:.5rem;font:inherit}
h2{font-size:1.1rem;margin:0 0 .5rem}
section{margin-top:1rem}
.secondary{background:#fff;color:${accent};border:2px solid ${accent};line-height:2.75rem}
input[type=checkbox]{width:1.4rem;height:1.4rem;margin:.1rem 0 0}
button,.button{display:block;width:100%;min-height:3rem;border:0;border-radius:.5rem;background:${accent};color:#fff;font:inherit;font-weight:600;text-align:center;text-decoration:none;line-height:3rem}
.error{color:#a3271c;font-weight:600}
small,.lang{color:#4a5a5e}
.lang{display:inline-block;margin-top:1rem}
:focus-visible{outline:3px solid #b4541b;outline-offset:2px}
</style>
</head>
<body>
<header><p>${text[language].title}</p></header>
<main>${body}</main>
</body>
</html>`;
}

export type LoginMethod = 'terms' | 'code' | 'booking';

export interface LoginPageModel {
  language: PortalLanguage;
  hotspotName: string;
  accent: string;
  /** The hotspot's portal address, `/portal/{id}`: each way of logging in posts below it. */
  base: string;
  context: string;
  /** The ways this hotspot offers, in the order shown. */
  methods: readonly LoginMethod[];
  sessionMinutes: number;
  ticketMinutes: number;
  /** The same page in the other language; absent on an answer to a form, which cannot be fetched again. */
  otherLanguageUrl?: string;
  /** What went wrong with which form, shown next to its field; the values typed are kept. */
  error?: {
    method: LoginMethod;
    kind: 'must-accept' | 'bad-address' | 'bad-reference' | 'no-ticket' | 'ticket-used-up';
  };
  values?: { address?: string; reference?: string };
}

const errorText = (t: PortalText, kind: NonNullable<LoginPageModel['error']>['kind']) =>
  ({
    'must-accept': t.mustAccept,
    'bad-address': t.badAddress,
    'bad-reference': t.badReference,
    'no-ticket': t.noTicket,
    'ticket-used-up': t.ticketUsedUp,
  })[kind];

/** The accept box of one form; described by the form's error when that error is about it. */
function acceptBox(method: LoginMethod, label: string, invalid: boolean) {
  return html`<label><input type="checkbox" name="accept" value="yes" required${invalid ? html` aria-describedby="${method}-error" aria-invalid="true"` : ''}> <span>${label}</span></label>`;
}

/** What the login and code pages show of `hotspot`: its name in the guest's language, its colour, its address. */
const hotspotFrame = (hotspot: Hotspot, language: PortalLanguage) => ({
  language,
  hotspotName: hotspot.name[language],
  accent: hotspot.branding.accent,
  base: portalPath(hotspot.id),
});

/**
 * The login page of `hotspot` (its name, colour and ways in, each form posting below its portal address) carrying
 * the sealed login `context`; on an answer to a form, with what was wrong and the values typed.
 */
export function loginPageFor(
  hotspot: Hotspot,
  language: PortalLanguage,
  context: string,
  extras: Pick<LoginPageModel, 'otherLanguageUrl' | 'error' | 'values'> = {},
) {
  return loginPage({
    ...hotspotFrame(hotspot, language),
    context,
    methods: hotspot.loginMethods,
    sessionMinutes: hotspot.policy.sessionMinutes,
    ticketMinutes: ticketSessionMinutes(hotspot.policy),
    ...extras,
  });
}

function loginPage(model: LoginPageModel) {
  const t = text[model.language];
  const { error } = model;
  const errorOf = (method: LoginMethod) =>
    error?.method === method
      ? html`<p class="error" id="${method}-error" role="alert">${errorText(t, error.kind)}</p>`
      : '';
  const hidden = html`<input type="hidden" name="context" value="${model.context}"><input type="hidden" name="lang" value="${model.language}">`;
  const ticketHours = t.hours(model.ticketMinutes);
  const forms = {
    terms: html`<section aria-labelledby="terms-title"><h2 id="terms-title">${t.termsTitle}</h2>
<form method="post" action="${model.base}/login">${hidden}
${errorOf('terms')}${acceptBox('terms', t.accept, error?.method === 'terms')}
<button type="submit">${t.connect}</button>
</form>
<p><small>${t.session(model.sessionMinutes)}</small></p></section>`,
    code: html`<section aria-labelledby="code-title"><h2 id="code-title">${t.codeTitle}</h2>
<form method="post" action="${model.base}/code">${hidden}
${errorOf('code')}<label class="field" for="code-address">${t.codeAddress}</label>
<input type="text" id="code-address" name="address" inputmode="email" autocomplete="email" autocapitalize="off" spellcheck="false" maxlength="254" required value="${model.values?.address ?? ''}" aria-describedby="code-address-hint${error?.method === 'code' ? ' code-error' : ''}"${error?.method === 'code' && error.kind === 'bad-address' ? html` aria-invalid="true"` : ''}>
<small id="code-address-hint">${t.codeAddressHint}</small>
${acceptBox('code', t.codeAccept, error?.method === 'code' && error.kind === 'must-accept')}
<button type="submit">${t.sendCode}</button>
</form></section>`,
    booking: html`<section aria-labelledby="booking-title"><h2 id="booking-title">${t.ticketTitle}</h2>
<p><small>${t.ticketSession(ticketHours)}</small></p>
<form method="post" action="${model.base}/ticket">${hidden}
${errorOf('booking')}<label class="field" for="booking-reference">${t.ticketReference}</label>
<input type="text" id="booking-reference" name="reference" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="20" required value="${model.values?.reference ?? ''}"${error?.method === 'booking' && error.kind !== 'must-accept' ? html` aria-invalid="true" aria-describedby="booking-error"` : ''}>
${acceptBox('booking', t.ticketAccept, error?.method === 'booking' && error.kind === 'must-accept')}
<button type="submit">${t.ticketConnect(ticketHours)}</button>
</form></section>`,
  };
  return layout(
    model.language,
    model.accent,
    `${model.hotspotName} – ${t.title}`,
    html`<h1>${model.hotspotName}</h1>
<div class="box">
<p>${t.welcome}</p>
<p><small>${t.terms}</small></p>
${model.methods.map((method) => forms[method])}
</div>
${model.otherLanguageUrl ? html`<a class="lang" href="${model.otherLanguageUrl}" hreflang="${model.language === 'vi' ? 'en' : 'vi'}">${t.otherLanguage}</a>` : ''}`,
  );
}

export interface CodePageModel {
  language: PortalLanguage;
  hotspotName: string;
  accent: string;
  base: string;
  context: string;
  requestId: string;
  /** Where the code went, masked. */
  sentTo: string;
  /** The address as typed, for sending a new code without typing it again. */
  address: string;
  error?: { kind: 'wrong'; attemptsLeft: number } | { kind: 'spent' };
}

/** Where the guest types the code they received at `hotspot`, and can ask for a new one. */
export function codePageFor(
  hotspot: Hotspot,
  language: PortalLanguage,
  code: Omit<CodePageModel, 'language' | 'hotspotName' | 'accent' | 'base'>,
) {
  return codePage({ ...hotspotFrame(hotspot, language), ...code });
}

function codePage(model: CodePageModel) {
  const t = text[model.language];
  const { error } = model;
  const hidden = html`<input type="hidden" name="context" value="${model.context}"><input type="hidden" name="lang" value="${model.language}">`;
  const canTry = !error || (error.kind === 'wrong' && error.attemptsLeft > 0);
  return layout(
    model.language,
    model.accent,
    `${t.enterCodeTitle} – ${model.hotspotName}`,
    html`<h1>${t.enterCodeTitle}</h1>
<div class="box">
<p>${t.codeSent(model.sentTo, CODE_MINUTES)}</p>
${error ? html`<p class="error" id="code-error" role="alert">${error.kind === 'wrong' ? t.wrongCode(error.attemptsLeft) : t.spentCode}</p>` : ''}
${
  canTry
    ? html`<form method="post" action="${model.base}/verify">${hidden}<input type="hidden" name="request" value="${model.requestId}"><input type="hidden" name="address" value="${model.address}">
<label class="field" for="code">${t.codeLabel}</label>
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus${error ? html` aria-invalid="true" aria-describedby="code-error"` : ''}>
<button type="submit" style="margin-top:1rem">${t.connect}</button>
</form>`
    : ''
}
<section><h2>${t.resend}</h2>
<form method="post" action="${model.base}/code">${hidden}<input type="hidden" name="address" value="${model.address}"><input type="hidden" name="accept" value="yes">
<button type="submit" class="secondary">${t.resendButton}</button>
</form></section>
</div>`,
  );
}

/** Hands the guest to a gateway that expects a form posted by the browser (MikroTik). */
export function postToGatewayPage(
  language: PortalLanguage,
  accent: string,
  action: string,
  fields: Record<string, string>,
) {
  const t = text[language];
  return layout(
    language,
    accent,
    t.continueTitle,
    html`<h1>${t.continueTitle}</h1>
<div class="box"><p>${t.continueText}</p>
<form method="post" action="${action}">
${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit">${t.continue}</button>
</form></div>`,
  );
}

export function connectedPage(language: PortalLanguage, accent: string, continueTo: string) {
  const t = text[language];
  return layout(
    language,
    accent,
    t.connectedTitle,
    html`<h1>${t.connectedTitle}</h1><div class="box"><p>${t.connectedText}</p><a class="button" href="${continueTo}">${t.goOn}</a></div>`,
    continueTo,
  );
}

/**
 * Where a guest lands when the page they asked for came unsigned from the network: the page is offered as a link
 * they may choose (its address shown in full), never followed by itself, beside the city's own welcome page.
 */
export function onlinePage(language: PortalLanguage, accent: string, wanted: string | null, welcome: string) {
  const t = text[language];
  return layout(
    language,
    accent,
    t.connectedTitle,
    html`<h1>${t.connectedTitle}</h1><div class="box"><p>${t.onlineText}</p>
${wanted ? html`<p>${t.wantedPage}<br><a href="${wanted}" rel="noreferrer" style="word-break:break-all">${wanted}</a></p>` : ''}
<a class="button" href="${welcome}">${t.discover}</a></div>`,
  );
}

export type Refusal =
  | 'expired'
  | 'used'
  | 'badGateway'
  | 'unknownHotspot'
  | 'quota'
  | 'tooMany'
  | 'messageFailed'
  | 'notHere'
  | 'alreadyOnline'
  | 'controllerDown'
  | 'controllerError';

/** A refusal in words; for too many attempts, with how long to wait (`retryAfterSeconds`, an hour if not said). */
export function refusedPage(
  language: PortalLanguage,
  reason: Refusal,
  accent = '#0d4f55',
  retryAfterSeconds = 3600,
) {
  const t = text[language];
  const words = reason === 'tooMany' ? t.tooMany(t.wait(Math.ceil(retryAfterSeconds / 60))) : t[reason];
  return layout(
    language,
    accent,
    t.refusedTitle,
    html`<h1>${t.refusedTitle}</h1><div class="box"><p role="alert">${words}</p></div>`,
  );
}
