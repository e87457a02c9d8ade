// The outlook's plain-words sentences, in both languages, with their numbers formatted.
import { describe, expect, it } from 'vitest';
import type { OutlookLine } from '../../../functions/site/forecast-desk';
import { t } from '../../../web/src/i18n';
import { outlookSentence } from '../../../web/src/lib/forecast-outlook';

const demand = { perDay: 6120, low80: 5100, high80: 7300, days: 2 };
const tuanChau: OutlookLine = {
  kind: 'boats',
  scope: 'port',
  name: { vi: 'Cảng tàu khách quốc tế Tuần Châu', en: 'Tuần Châu International Passenger Port' },
  demand,
  seatsPerDay: 346,
  percentOfSeats: 1769,
  load: { passengers: 41.5, measured: false },
  boats: 148,
};

describe('the outlook in plain words', () => {
  it('says a port’s passengers a day against its scheduled seats, and the boats at the average load', () => {
    expect(outlookSentence(tuanChau, t('en').forecasts, 'en')).toBe(
      'About 6,120 passengers a day at Tuần Châu International Passenger Port (a day likely between 5,100 and 7,300); ' +
        '1,769% of the 346 seats a day on the departures scheduled; about 148 boat trips if each is full (41.5 seats ' +
        'on average — assumed: too few departures recorded to measure the load).',
    );
  });

  it('says the load was measured when it was, and in Vietnamese with Vietnamese numbers', () => {
    const measured: OutlookLine = { ...tuanChau, load: { passengers: 30, measured: true }, boats: 204 };
    expect(outlookSentence(measured, t('en').forecasts, 'en')).toContain(
      'about 204 boat trips at the average load of 30 passengers',
    );
    expect(outlookSentence(measured, t('vi').forecasts, 'vi')).toBe(
      'Khoảng 6.120 khách một ngày tại Cảng tàu khách quốc tế Tuần Châu (mỗi ngày nhiều khả năng từ 5.100 đến 7.300); ' +
        'bằng 1.769% trong 346 chỗ một ngày của các chuyến đã lên lịch; cần khoảng 204 chuyến tàu với tải trung bình ' +
        '30 khách một chuyến (các chuyến hai tuần qua).',
    );
  });

  it('says when no departure is scheduled to compare with', () => {
    const empty: OutlookLine = {
      ...tuanChau,
      scope: 'bay',
      seatsPerDay: 0,
      percentOfSeats: null,
      load: null,
      boats: null,
    };
    expect(outlookSentence(empty, t('en').forecasts, 'en')).toBe(
      'About 6,120 passengers a day across the bay (a day likely between 5,100 and 7,300); no departure is scheduled ' +
        'yet; no boat is scheduled to estimate trips from.',
    );
  });

  it('gives the museum’s visitors per opening hour, and Wi-Fi sessions a day', () => {
    const museum: OutlookLine = {
      kind: 'museum',
      name: { vi: 'Lượt khách bảo tàng', en: 'Museum visits' },
      demand: { perDay: 540, low80: 420, high80: 690, days: 2 },
      opening: { vi: '8:00 – 17:00', en: '8:00 – 17:00' },
      openingHours: 9,
      perOpeningHour: 60,
    };
    expect(outlookSentence(museum, t('en').forecasts, 'en')).toBe(
      'About 540 visitors a day on the 2 days it opens (a day likely between 420 and 690), about 60 an opening hour ' +
        'over its 9 hours (8:00 – 17:00).',
    );
    const wifi: OutlookLine = { kind: 'sessions', name: { vi: 'Wi-Fi', en: 'Wi-Fi' }, demand };
    expect(outlookSentence(wifi, t('en').forecasts, 'en')).toBe(
      'About 6,120 Wi-Fi sessions a day (a day likely between 5,100 and 7,300).',
    );
  });
});
