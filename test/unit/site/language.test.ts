import { describe, expect, it } from 'vitest';
import { preferredLanguage } from '../../../functions/site/language.js';
import { languageCases } from '../../support/language-cases.js';

describe('preferredLanguage', () => {
  it.each(languageCases)('picks $expected for Accept-Language "$header"', ({ header, expected }) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
