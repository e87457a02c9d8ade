/**
 * The portal's pages: the login page a phone's captive-portal browser shows (tiny, no JavaScript, Vietnamese or
 * English, in the hotspot's colour), the page that hands the guest to a gateway expecting a form, and the pages
 * for a finished login or a refusal. Everything shown is escaped by hono/html.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

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
    continueTitle: 'Sắp xong',
    continue: 'Tiếp tục',
    continueText: 'Bấm “Tiếp tục” để bộ phát Wi-Fi cho phép bạn truy cập Internet.',
    connectedTitle: 'Đã kết nối',
    connectedText: 'Bạn sẽ có Internet trong vài giây.',
    goOn: 'Đi tiếp',
    refusedTitle: 'Không thể kết nối',
    expired: 'Trang đăng nhập đã hết hạn. Hãy mở lại một trang web bất kỳ để bắt đầu lại.',
    used: 'Lần đăng nhập này đã được dùng. Hãy mở lại một trang web bất kỳ để bắt đầu lại.',
    badGateway: 'Bộ phát Wi-Fi gửi thông tin không hợp lệ. Hãy ngắt và kết nối lại mạng Wi-Fi.',
    unknownHotspot: 'Không tìm thấy điểm phát Wi-Fi này.',
    quota: 'Thiết bị của bạn đã dùng hết số phiên hôm nay tại điểm phát này. Hẹn gặp lại bạn ngày mai.',
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
    continueTitle: 'Almost there',
    continue: 'Continue',
    continueText: 'Press “Continue” so the Wi-Fi hotspot lets you on the internet.',
    connectedTitle: 'Connected',
    connectedText: 'You will be online in a few seconds.',
    goOn: 'Go on',
    refusedTitle: 'Cannot connect',
    expired: 'The login page has expired. Open any web page to start again.',
    used: 'This login has been used already. Open any web page to start again.',
    badGateway: 'The Wi-Fi hotspot sent invalid information. Disconnect from the Wi-Fi and join it again.',
    unknownHotspot: 'This Wi-Fi hotspot is not known.',
    quota: 'Your device has used today’s sessions at this hotspot. See you again tomorrow.',
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

export interface LoginPageModel {
  language: PortalLanguage;
  hotspotName: string;
  accent: string;
  action: string;
  context: string;
  sessionMinutes: number;
  /** The same page in the other language; absent on an answer to the form, which cannot be fetched again. */
  otherLanguageUrl?: string;
  error?: 'must-accept';
}

export function loginPage(model: LoginPageModel) {
  const t = text[model.language];
  return layout(
    model.language,
    model.accent,
    `${model.hotspotName} – ${t.title}`,
    html`<h1>${model.hotspotName}</h1>
<div class="box">
<p>${t.welcome}</p>
<p><small>${t.terms}</small></p>
<form method="post" action="${model.action}">
<input type="hidden" name="context" value="${model.context}">
<input type="hidden" name="lang" value="${model.language}">
${model.error ? html`<p class="error" id="accept-error" role="alert">${t.mustAccept}</p>` : ''}
<label><input type="checkbox" name="accept" value="yes" required${model.error ? html` aria-describedby="accept-error" aria-invalid="true"` : ''}> <span>${t.accept}</span></label>
<button type="submit">${t.connect}</button>
</form>
<p><small>${t.session(model.sessionMinutes)}</small></p>
</div>
${model.otherLanguageUrl ? html`<a class="lang" href="${model.otherLanguageUrl}" hreflang="${model.language === 'vi' ? 'en' : 'vi'}">${t.otherLanguage}</a>` : ''}`,
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

export type Refusal = 'expired' | 'used' | 'badGateway' | 'unknownHotspot' | 'quota';

export function refusedPage(language: PortalLanguage, reason: Refusal, accent = '#0d4f55') {
  const t = text[language];
  return layout(
    language,
    accent,
    t.refusedTitle,
    html`<h1>${t.refusedTitle}</h1><div class="box"><p role="alert">${t[reason]}</p></div>`,
  );
}
