/**
 * The 06:30 job: today's morning report to each recipient, in their language, through the messages port — e-mail
 * text with a link to the PDF on the dashboard. A recipient already sent today's report is skipped.
 */
import { localDateAt } from '../../platform/local-time.js';
import type { MessagesPort } from '../../platform/messages/port.js';
import type { MorningReports } from './morning-report.js';
import type { RecipientsStore } from './recipients.js';
import { reportText, reportWords } from './wording.js';

export function createMorningReportJob(
  reports: MorningReports,
  recipients: RecipientsStore,
  messages: MessagesPort,
  options: { publicBaseUrl: string | null; clock?: () => Date },
) {
  const clock = options.clock ?? (() => new Date());
  return async (): Promise<Record<string, number>> => {
    const now = clock();
    const date = localDateAt(now);
    const { recipients: list } = await recipients.get();
    if (list.length === 0) return { sent: 0, skipped: 0 };
    const report = await reports.build(date);
    let sent = 0;
    let skipped = 0;
    for (const recipient of list) {
      if (!(await recipients.markSent(date, recipient.email, now))) {
        skipped += 1;
        continue;
      }
      const words = reportWords(report, recipient.language);
      const link = options.publicBaseUrl
        ? `${options.publicBaseUrl}/${recipient.language}/staff/dashboard/report.pdf?date=${date}`
        : null;
      try {
        await messages.send({
          kind: 'morning-report',
          to: { email: recipient.email },
          subject: `${words.title} · ${date}`,
          text: `${reportText(words)}${link ? `\n${recipient.language === 'vi' ? 'Bản PDF' : 'The PDF'}: ${link}\n` : ''}`,
          reference: `morning-report-${date}`,
        });
      } catch (error) {
        // Not sent: the next run (the scheduler's retry) tries this recipient again.
        await recipients.unmarkSent(date, recipient.email);
        throw error;
      }
      sent += 1;
    }
    return { sent, skipped };
  };
}
