// What the pier scanner tells the crew after a check-in, in the page's language: the same answer for the page
// (HTML, without JavaScript) and for its island (JSON), so a refusal reads the same sentence either way.
import type { CheckInResult } from '../../../functions/boats/index';
import type { Refused } from '../../../functions/site/pier-desk';
import { type Language, t } from '../i18n';
import { fillTemplate, formatLocalTime } from './format';

/** The JSON the scanner page answers a check-in with when asked `Accept: application/json`. */
export type ScanAnswer =
  | { outcome: 'boarded'; result: CheckInResult }
  | { outcome: 'refused'; problem: string; message: string; details: Record<string, unknown> };

type RefusalSentences = ReturnType<typeof t>['scanner']['refusals'];

const isSentenceKind = (problem: string, sentences: RefusalSentences): problem is keyof RefusalSentences =>
  Object.hasOwn(sentences, problem);

/** One sentence per refusal, with when and by whom for a ticket already checked in. */
export function refusalSentence(refused: Pick<Refused, 'problem' | 'details'>, language: Language): string {
  const sentences = t(language).scanner.refusals;
  const { problem, details } = refused;
  const text = (name: string) => String(details[name] ?? '');
  if (problem === 'already-checked-in') {
    if (!details.checkedInAt) return sentences['already-seen'];
    return fillTemplate(sentences['already-checked-in'], {
      time: formatLocalTime(text('checkedInAt'), language),
      by: text('checkedInBy'),
    });
  }
  if (problem === 'wrong-departure') {
    return fillTemplate(sentences['wrong-departure'], { departure: text('ticketDepartureId') });
  }
  if (problem === 'boat-full') {
    return fillTemplate(sentences['boat-full'], { aboard: text('aboard'), capacity: text('capacity') });
  }
  if (isSentenceKind(problem, sentences)) return sentences[problem];
  return fillTemplate(sentences.other, { problem });
}

/** The answer to send for a check-in outcome, its message in `language`. */
export function scanAnswerOf(outcome: CheckInResult | Refused, language: Language): ScanAnswer {
  if ('kind' in outcome) {
    return {
      outcome: 'refused',
      problem: outcome.problem,
      message: refusalSentence(outcome, language),
      details: outcome.details,
    };
  }
  return { outcome: 'boarded', result: outcome };
}

/** The names of those a check-in put aboard now (the passengers whose boarding time is the latest). */
export function boardedNames(result: CheckInResult): string[] {
  const aboard = result.booking.passengers.filter((passenger) => passenger.state === 'aboard');
  const latest = aboard
    .map((passenger) => passenger.at ?? '')
    .sort()
    .at(-1);
  return aboard.filter((passenger) => passenger.at === latest).map((passenger) => passenger.fullName);
}
