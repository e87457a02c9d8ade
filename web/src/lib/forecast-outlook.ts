// "What to expect" in plain words: one sentence per line of a forecast's outlook (functions/site/forecast-desk.ts),
// in the page's language, with its numbers formatted for it.
import type { OutlookLine } from '../../../functions/site/forecast-desk';
import { type Dictionary, intlLocale, type Language } from '../i18n';
import { fillTemplate, formatPercent } from './format';

type Strings = Dictionary['forecasts'];

/** The sentence of one outlook line. */
export function outlookSentence(line: OutlookLine, strings: Strings, language: Language): string {
  const number = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 });
  const demand = {
    perDay: number.format(line.demand.perDay),
    low: number.format(line.demand.low80),
    high: number.format(line.demand.high80),
    days: number.format(line.demand.days),
  };
  if (line.kind === 'sessions') return fillTemplate(strings.sessionsLine, demand);
  if (line.kind === 'museum') {
    if (line.openingHours === null || line.perOpeningHour === null)
      return fillTemplate(strings.museumNoHours, demand);
    return fillTemplate(strings.museumLine, {
      ...demand,
      perHour: number.format(line.perOpeningHour),
      hours: number.format(line.openingHours),
      opening: line.opening?.[language] ?? '',
    });
  }
  const where =
    line.scope === 'bay'
      ? strings.whereBay
      : fillTemplate(line.scope === 'port' ? strings.wherePort : strings.whereRoute, {
          name: line.name[language],
        });
  const parts = [fillTemplate(strings.demandBoats, { ...demand, where })];
  parts.push(
    line.percentOfSeats === null
      ? strings.noSeats
      : fillTemplate(strings.seats, {
          percent: formatPercent(line.percentOfSeats, language),
          seats: number.format(line.seatsPerDay),
        }),
  );
  parts.push(
    line.load === null || line.boats === null
      ? strings.noBoats
      : fillTemplate(line.load.measured ? strings.boatsMeasured : strings.boatsFull, {
          boats: number.format(line.boats),
          load: number.format(line.load.passengers),
        }),
  );
  return `${parts.join('; ')}.`;
}
