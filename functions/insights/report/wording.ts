/**
 * The morning report in words, Vietnamese or English: a title and sections of lines, the same for the e-mail's
 * text and the PDF's page (pdf.ts), so both say the same thing.
 */
import type { Language } from '../../platform/language.js';
import { formatVnd, intlLocaleOf } from '../../platform/money.js';
import type { MorningReport } from './morning-report.js';

export interface ReportSection {
  heading: string;
  lines: string[];
}

export interface ReportWords {
  title: string;
  subtitle: string;
  sections: ReportSection[];
  /** Said when any figure is generated demo data. */
  demoNotice: string | null;
}

const alertKinds: Record<string, { vi: string; en: string }> = {
  'signal-lost': { vi: 'mất tín hiệu', en: 'signal lost' },
  sos: { vi: 'SOS', en: 'SOS' },
  'out-of-area': { vi: 'ra khỏi vùng cho phép', en: 'out of area' },
  'off-route': { vi: 'lệch tuyến', en: 'off route' },
  overspeed: { vi: 'quá tốc độ', en: 'overspeed' },
  stopped: { vi: 'dừng bất thường', en: 'stopped' },
  'departed-without-clearance': { vi: 'rời bến chưa được cấp phép', en: 'departed without clearance' },
  overcapacity: { vi: 'quá số người cho phép', en: 'overcapacity' },
};

export function reportWords(report: MorningReport, language: Language): ReportWords {
  const vi = language === 'vi';
  const locale = intlLocaleOf(language);
  const number = (value: number) => value.toLocaleString(locale);
  const day = (date: string) =>
    new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
  const time = (instant: string) =>
    new Date(instant).toLocaleString(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  const { yesterday, today } = report;
  const { boats, safety, wifi, museum } = yesterday;
  const minutes = (value: number | null) =>
    value === null ? '—' : `${number(value)} ${vi ? 'phút' : 'min'}`;

  const banScope = (scope: MorningReport['today']['bans'][number]['scope']) =>
    scope.kind === 'all'
      ? vi
        ? 'mọi bến'
        : 'all ports'
      : scope.kind === 'port'
        ? `${vi ? 'bến' : 'port'} ${scope.portId}`
        : `${vi ? 'tuyến' : 'route'} ${scope.routeId}`;

  const sections: ReportSection[] = [
    {
      heading: vi ? `Hôm qua (${day(yesterday.date)})` : `Yesterday (${day(yesterday.date)})`,
      lines: vi
        ? [
            `Tàu tham quan: ${number(boats.passengers)} khách đã đặt, ${number(boats.checkedIn)} đã lên tàu; ${number(boats.departuresRun)} chuyến đã chạy, lấp đầy ${boats.loadFactor === null ? '—' : `${Math.round(boats.loadFactor * 100)} %`}; ${number(boats.capacityRefusals)} lượt từ chối vì hết chỗ.`,
            `Doanh thu: ${formatVnd(boats.netRevenue, language)} (đã trừ hoàn tiền ${formatVnd(boats.refunded, language)}).`,
            `An toàn: ${number(safety.raised)} cảnh báo, ${number(safety.resolved)} đã xử lý; phản hồi trung bình ${minutes(safety.meanAcknowledgeMinutes)}.`,
            `Wi-Fi: ${number(wifi.sessions)} phiên, ${number(wifi.deviceDays)} thiết bị.`,
            `Bảo tàng ảo: ${number(museum.visits)} lượt tham quan, ${number(museum.toursCompleted)} lượt hoàn thành tour.`,
          ]
        : [
            `Boats: ${number(boats.passengers)} passengers booked, ${number(boats.checkedIn)} checked in; ${number(boats.departuresRun)} departures run, ${boats.loadFactor === null ? '—' : `${Math.round(boats.loadFactor * 100)} %`} of seats filled; ${number(boats.capacityRefusals)} holds refused for want of seats.`,
            `Revenue: ${formatVnd(boats.netRevenue, language)} (after ${formatVnd(boats.refunded, language)} refunded).`,
            `Safety: ${number(safety.raised)} alerts, ${number(safety.resolved)} resolved; acknowledged in ${minutes(safety.meanAcknowledgeMinutes)} on average.`,
            `Wi-Fi: ${number(wifi.sessions)} sessions from ${number(wifi.deviceDays)} devices.`,
            `Virtual museum: ${number(museum.visits)} visits, ${number(museum.toursCompleted)} tours completed.`,
          ],
    },
    {
      heading: vi ? `Hôm nay (${day(report.date)})` : `Today (${day(report.date)})`,
      lines: [
        vi
          ? `${number(today.departures)} chuyến với ${number(today.seats)} chỗ, đã đặt ${number(today.booked)}; ${number(today.suspended)} chuyến tạm dừng.`
          : `${number(today.departures)} departures with ${number(today.seats)} seats, ${number(today.booked)} booked; ${number(today.suspended)} suspended.`,
        ...(today.bans.length === 0
          ? [vi ? 'Không có lệnh cấm tàu vì thời tiết.' : 'No weather ban in force.']
          : today.bans.map((ban) =>
              vi
                ? `Cấm tàu (${banScope(ban.scope)}) đến ${time(ban.until)}: ${ban.reason}`
                : `Weather ban (${banScope(ban.scope)}) until ${time(ban.until)}: ${ban.reason}`,
            )),
      ],
    },
    {
      heading: vi ? 'Cảnh báo chưa xử lý' : 'Alerts still open',
      lines:
        report.openAlerts.length === 0
          ? [vi ? 'Không có.' : 'None.']
          : report.openAlerts
              .slice(0, 12)
              .map(
                (alert) =>
                  `${alertKinds[alert.kind]?.[language] ?? alert.kind} · ${alert.boatName} · ${time(alert.raisedAt)}${alert.state === 'acknowledged' ? (vi ? ' (đã tiếp nhận)' : ' (acknowledged)') : ''}`,
              )
              .concat(
                report.openAlerts.length > 12
                  ? [
                      vi
                        ? `… và ${report.openAlerts.length - 12} cảnh báo khác.`
                        : `… and ${report.openAlerts.length - 12} more.`,
                    ]
                  : [],
              ),
    },
    {
      heading: vi ? 'Tuần tới (dự báo)' : 'The week ahead (forecast)',
      lines:
        report.week.length === 0
          ? [vi ? 'Chưa có dự báo.' : 'No forecast yet.']
          : report.week.map(
              (series) =>
                `${series.name[language]}: ${series.days
                  .map(
                    (one) =>
                      `${day(one.date)} ${number(one.forecast)} (${number(one.lower80)}–${number(one.upper80)})`,
                  )
                  .join('; ')}`,
            ),
    },
  ];
  const demo = report.yesterday.demo || report.week.some((series) => series.demo);
  return {
    title: vi ? 'Báo cáo buổi sáng — Du lịch Hạ Long' : 'Morning report — Hạ Long tourism',
    subtitle: vi
      ? `${day(report.date)} · lập lúc ${time(report.generatedAt)}`
      : `${day(report.date)} · made at ${time(report.generatedAt)}`,
    sections,
    demoNotice: demo
      ? vi
        ? 'Một phần số liệu là dữ liệu mẫu được tạo ra (lịch sử demo), không phải số thật.'
        : 'Some figures are generated demo history, not real records.'
      : null,
  };
}

/** The report as a plain-text e-mail body. */
export function reportText(words: ReportWords): string {
  return [
    words.title,
    words.subtitle,
    ...(words.demoNotice ? ['', words.demoNotice] : []),
    ...words.sections.flatMap((section) => [
      '',
      section.heading,
      ...section.lines.map((line) => `- ${line}`),
    ]),
    '',
  ].join('\n');
}
