import { describe, expect, it } from 'vitest';
import { en } from '../../../../web/src/i18n/en';
import { vi } from '../../../../web/src/i18n/vi';
import { cancellationPolicyLines } from '../../../../web/src/lib/cancellation-policy';

const percent = (value: number) => `${value} %`;

describe('the cancellation policy as people write it', () => {
  it('reads each tier as a window, and says what is left after the last', () => {
    const policy = {
      tiers: [
        { hoursBeforeDeparture: 48, refundPercent: 100 },
        { hoursBeforeDeparture: 24, refundPercent: 50 },
      ],
    };
    expect(cancellationPolicyLines(policy, en.booking.page.policy, percent)).toEqual([
      'Up to 48 hours before departure: 100 % refunded.',
      'Less than 48 hours and up to 24 hours before departure: 50 % refunded.',
      'Less than 24 hours before departure: nothing refunded.',
    ]);
    expect(cancellationPolicyLines(policy, vi.booking.page.policy, percent)).toEqual([
      'Huỷ từ 48 giờ trở lên trước giờ khởi hành: hoàn 100 %.',
      'Huỷ khi còn dưới 48 giờ và từ 24 giờ trở lên trước giờ khởi hành: hoàn 50 %.',
      'Huỷ khi còn dưới 24 giờ trước giờ khởi hành: không hoàn tiền.',
    ]);
  });

  it('never says "at least 0 hours": a last tier reaching departure is "less than" the one before', () => {
    const policy = {
      tiers: [
        { hoursBeforeDeparture: 24, refundPercent: 100 },
        { hoursBeforeDeparture: 0, refundPercent: 50 },
      ],
    };
    const lines = cancellationPolicyLines(policy, en.booking.page.policy, percent);
    expect(lines).toEqual([
      'Up to 24 hours before departure: 100 % refunded.',
      'Less than 24 hours before departure: 50 % refunded.',
    ]);
    expect(lines.join(' ')).not.toMatch(/\b0 hours/);
    expect(
      cancellationPolicyLines(
        { tiers: [{ hoursBeforeDeparture: 0, refundPercent: 80 }] },
        en.booking.page.policy,
        percent,
      ),
    ).toEqual(['Until departure: 80 % refunded.']);
    expect(
      cancellationPolicyLines(
        { tiers: [{ hoursBeforeDeparture: 1, refundPercent: 80 }] },
        en.booking.page.policy,
        percent,
      ),
    ).toEqual([
      'Up to 1 hour before departure: 80 % refunded.',
      'Less than 1 hour before departure: nothing refunded.',
    ]);
  });
});
