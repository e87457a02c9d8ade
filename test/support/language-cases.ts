/**
 * The language rule for `/`, as cases shared by the local server's test and the CloudFront function's
 * test, so the two implementations cannot disagree.
 */
export const languageCases: { header: string | null; expected: 'vi' | 'en' }[] = [
  { header: null, expected: 'vi' },
  { header: '', expected: 'vi' },
  { header: 'vi-VN,vi;q=0.9,en;q=0.8', expected: 'vi' },
  { header: 'en-GB,en;q=0.9', expected: 'en' },
  { header: 'fr-FR,fr;q=0.9', expected: 'en' },
  { header: 'fr, vi;q=0.5, en;q=0.4', expected: 'vi' },
  { header: 'vi;q=0, en', expected: 'en' },
  { header: 'VI-vn', expected: 'vi' },
  { header: 'ko-KR,ko;q=0.9,en-US;q=0.8', expected: 'en' },
  { header: 'zh-CN, vi;q=0.9, en;q=0.9', expected: 'vi' },
  { header: '*', expected: 'en' },
];
