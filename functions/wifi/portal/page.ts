/**
 * The portal's pages: the login page a phone's captive-portal browser shows (tiny, no JavaScript, Vietnamese or
 * English, in the hotspot's colour), the page that hands the guest to a gateway expecting a form, and the pages
 * for a finished login or a refusal. Everything shown is escaped by hono/html.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { CODE_MINUTES } from './login-codes.js';

export type PortalLanguage = 'vi' | 'en';

/** The version of the terms guests accept; recorded with every consent. */
export const TERMS_VERSION = '2026-11';

const text = {
  vi: {
    title: 'Wi-Fi miễn phí Hạ Long',
    welcome: 'Chào mừng bạn đến với Wi-Fi miễn phí của thành phố Hạ Long.',
    terms:
      'Khi kết nối, bạn đồng ý sử dụng mạng đúng pháp luật và không làm ảnh hưởng đến người khác. Mỗi phiên có giới hạn thời gian và tốc độ. Chúng tôi không lưu địa chỉ MAC của thiết bị; chỉ lưu một mã băm thay đổi mỗi ngày, nơi và thời điểm bạn đồng ý, trong 12 tháng (Nghị định 13/2023/NĐ-CP).',
    accept: 'Tôi đồng ý với điều khoản sử dụng',
    connect: 'Kết nối',
    session: (minutes: number) => `Phiên tối đa ${minutes} phút.`,
    mustAccept: 'Vui lòng đánh dấu đồng ý với điều khoản để kết nối.',
    codeTitle: 'Đăng nhập bằng mã',
    codeAddress: 'Email hoặc số điện thoại di động',
    codeAddressHint: 'Số Việt Nam viết như 0912 345 678; số nước ngoài bắt đầu bằng +.',
    codeAccept: 'Tôi đồng ý với điều khoản và cho phép dùng địa chỉ này để gửi mã đăng nhập',
    sendCode: 'Gửi mã cho tôi',
    badAddress: 'Hãy nhập một địa chỉ email hoặc số điện thoại di động hợp lệ.',
    enterCodeTitle: 'Nhập mã',
    codeSent: (where: string, minutes: number) =>
      `Chúng tôi đã gửi mã 6 chữ số tới ${where}. Mã có hiệu lực ${minutes} phút.`,
    codeLabel: 'Mã 6 chữ số',
    wrongCode: (left: number) =>
      left > 0 ? `Mã không đúng. Bạn còn ${left} lần thử.` : 'Mã không đúng. Hãy yêu cầu mã mới.',
    spentCode:
      'Mã này không còn dùng được (hết hạn, đã dùng hoặc nhập sai quá nhiều lần). Hãy yêu cầu mã mới.',
    resend: 'Chưa nhận được mã?',
    resendButton: 'Gửi mã mới',
    ticketTitle: 'Bạn có vé tàu tham quan vịnh?',
    ticketReference: 'Mã đặt chỗ (ví dụ HL7K2QX9MD)',
    ticketAccept: 'Tôi đồng ý với điều khoản sử dụng',
    ticketConnect: (hours: string) => `Kết nối ${hours}`,
    ticketSession: (hours: string) =>
      `Hành khách có vé cho hôm nay hoặc ngày mai được dùng phiên dài ${hours}.`,
    hours: (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} giờ` : `${minutes} phút`),
    badReference: 'Mã đặt chỗ gồm HL và 8 ký tự, như trên vé điện tử của bạn.',
    noTicket: 'Không tìm thấy vé hợp lệ cho hôm nay hoặc ngày mai với mã này.',
    ticketUsedUp: 'Vé này đã dùng hết số lần đăng nhập hôm nay.',
    termsTitle: 'Kết nối miễn phí',
    continueTitle: 'Sắp xong',
    continue: 'Tiếp tục',
    continueText: 'Bấm “Tiếp tục” để bộ phát Wi-Fi cho phép bạn truy cập Internet.',
    connectedTitle: 'Đã kết nối',
    connectedText: 'Bạn sẽ có Internet trong vài giây.',
    onlineText: 'Bạn đã có thể dùng Internet.',
    wantedPage: 'Trang bạn định mở (bấm để mở):',
    discover: 'Khám phá Hạ Long',
    goOn: 'Đi tiếp',
    refusedTitle: 'Không thể kết nối',
    expired: 'Trang đăng nhập đã hết hạn. Hãy mở lại một trang web bất kỳ để bắt đầu lại.',
    used: 'Lần đăng nhập này đã được dùng. Hãy mở lại một trang web bất kỳ để bắt đầu lại.',
    badGateway: 'Bộ phát Wi-Fi gửi thông tin không hợp lệ. Hãy ngắt và kết nối lại mạng Wi-Fi.',
    unknownHotspot: 'Không tìm thấy điểm phát Wi-Fi này.',
    quota: 'Thiết bị của bạn đã dùng hết số phiên hôm nay tại điểm phát này. Hẹn gặp lại bạn ngày mai.',
    tooMany: (wait: string) =>
      `Có quá nhiều lần thử từ thiết bị hoặc mạng này. Vui lòng thử lại sau ${wait}.`,
    wait: (minutes: number) => (minutes < 90 ? `${minutes} phút` : `${Math.round(minutes / 60)} giờ`),
    notHere:
      'Bộ điều khiển Wi-Fi không thấy thiết bị của bạn đang kết nối làm khách tại điểm phát này. Hãy ngắt và kết nối lại mạng Wi-Fi.',
    alreadyOnline: 'Thiết bị của bạn đã được kết nối Internet rồi.',
    controllerDown: 'Bộ điều khiển Wi-Fi của điểm phát này không trả lời. Vui lòng thử lại sau ít phút.',
    controllerError: 'Bộ điều khiển Wi-Fi của điểm phát này báo lỗi. Vui lòng thử lại sau ít phút.',
    messageFailed: 'Không gửi được mã lúc này. Vui lòng thử lại sau ít phút hoặc chọn cách kết nối khác.',
    otherLanguage: 'English',
  },
  en: {
    title: 'Hạ Long free Wi-Fi',
    welcome: 'Welcome to the free Wi-Fi of Hạ Long city.',
    terms:
      'By connecting you agree to use the network lawfully and without disturbing others. Each session is limited in time and speed. We do not keep your device’s MAC address; we keep a hash of it that changes every day, with where and when you agreed, for 12 months (Decree 13/2023/ND-CP).',
    accept: 'I accept the terms of use',
    connect: 'Connect',
    session: (minutes: number) => `Sessions last up to ${minutes} minutes.`,
    mustAccept: 'Please tick the box to accept the terms and connect.',
    codeTitle: 'Log in with a code',
    codeAddress: 'E-mail or mobile number',
    codeAddressHint: 'Vietnamese numbers as 0912 345 678; other countries starting with +.',
    codeAccept: 'I accept the terms and agree that this address is used to send me a login code',
    sendCode: 'Send me a code',
    badAddress: 'Please enter a valid e-mail address or mobile number.',
    enterCodeTitle: 'Enter your code',
    codeSent: (where: string, minutes: number) =>
      `We sent a 6-digit code to ${where}. It is valid for ${minutes} minutes.`,
    codeLabel: '6-digit code',
    wrongCode: (left: number) =>
      left > 0
        ? `That code is not right. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`
        : 'That code is not right. Please ask for a new one.',
    spentCode:
      'This code can no longer be used (expired, used, or too many wrong tries). Please ask for a new one.',
    resend: 'No code yet?',
    resendButton: 'Send a new code',
    ticketTitle: 'Have a bay cruise ticket?',
    ticketReference: 'Booking reference (e.g. HL7K2QX9MD)',
    ticketAccept: 'I accept the terms of use',
    ticketConnect: (hours: string) => `Connect for ${hours}`,
    ticketSession: (hours: string) =>
      `Passengers with a ticket for today or tomorrow get a longer ${hours} session.`,
    hours: (minutes: number) =>
      minutes % 60 === 0 ? `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}` : `${minutes} minutes`,
    badReference: 'A booking reference is HL and 8 characters, as on your e-ticket.',
    noTicket: 'We found no valid ticket for today or tomorrow with this reference.',
    ticketUsedUp: 'This ticket has used all of today’s logins.',
    termsTitle: 'Connect for free',
    continueTitle: 'Almost there',
    continue: 'Continue',
    continueText: 'Press “Continue” so the Wi-Fi hotspot lets you on the internet.',
    connectedTitle: 'Connected',
    connectedText: 'You will be online in a few seconds.',
    onlineText: 'You can use the internet now.',
    wantedPage: 'The page you were opening (tap to open it):',
    discover: 'Discover Hạ Long',
    goOn: 'Go on',
    refusedTitle: 'Cannot connect',
    expired: 'The login page has expired. Open any web page to start again.',
    used: 'This login has been used already. Open any web page to start again.',
    badGateway: 'The Wi-Fi hotspot sent invalid information. Disconnect from the Wi-Fi and join it again.',
    unknownHotspot: 'This Wi-Fi hotspot is not known.',
    quota: 'Your device has used today’s sessions at this hotspot. See you again tomorrow.',
    tooMany: (wait: string) => `Too many attempts from this device or network. Please try again in ${wait}.`,
    wait: (minutes: number) =>
      minutes < 90
        ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
        : `${Math.round(minutes / 60)} hours`,
    notHere:
      'The Wi-Fi controller does not see your device connected as a guest at this hotspot. Disconnect from the Wi-Fi and join it again.',
    alreadyOnline: 'Your device is already connected to the internet.',
    controllerDown: 'This hotspot’s Wi-Fi controller is not answering. Please try again in a few minutes.',
    controllerError: 'This hotspot’s Wi-Fi controller reported an error. Please try again in a few minutes.',
    messageFailed:
      'The code could not be sent just now. Please try again in a few minutes, or connect another way.',
    otherLanguage: 'Tiếng Việt',
  },
} as const;

export type PortalText = (typeof text)[PortalLanguage];
export const portalText = (language: PortalLanguage): PortalText => text[language];

/** Vietnamese when the browser asks for it first among our two languages, English otherwise. */
export function pickLanguage(
  requested: string | undefined,
  acceptLanguage: string | undefined,
): PortalLanguage {
  if (requested === 'vi' || requested === 'en') return requested;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

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

export function loginPage(model: LoginPageModel) {
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

/** Where the guest types the code they received, and can ask for a new one. */
export function codePage(model: CodePageModel) {
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
