/**
 * The passenger categories' names, as the fare tables, the booking form, the confirmation message and the
 * payment page all show them: one wording, so a visitor meets the same words from the page to the e-mail.
 * Plain data (no schema), so the site's dictionaries take it as it is.
 */
import type { Language } from '../../platform/language.js';
import type { PassengerCategory } from './model.js';

export const passengerCategoryNames: Record<Language, Record<PassengerCategory, string>> = {
  vi: {
    adult: 'Người lớn',
    'child-7-to-12': 'Trẻ em 7–12 tuổi',
    'child-under-7': 'Trẻ em dưới 7 tuổi hoặc dưới 1,2 m',
    'vietnamese-senior-60': 'Người Việt Nam từ 60 tuổi',
    'severe-disability': 'Người khuyết tật đặc biệt nặng',
  },
  en: {
    adult: 'Adult',
    'child-7-to-12': 'Child aged 7–12',
    'child-under-7': 'Child under 7 or under 1.2 m',
    'vietnamese-senior-60': 'Vietnamese citizen aged 60+',
    'severe-disability': 'Person with a severe disability',
  },
};
