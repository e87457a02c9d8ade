/**
 * What the portal's pages say, in Vietnamese and English — one place for every word a guest reads — and which of
 * the two languages a guest gets.
 */
import type { Language } from '../../platform/language.js';
export type PortalLanguage = Language;

/** The version of the terms guests accept; recorded with every consent. */
export const TERMS_VERSION = '2026-11';

export const text = {
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
