// CSV files for download: quoting, formulas a spreadsheet would run, and numbers kept numbers.
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../../functions/platform/csv.js';

describe('a CSV cell', () => {
  it('quotes text holding a comma, a quote or a line break', () => {
    expect(csvCell('Tuần Châu, cảng')).toBe('"Tuần Châu, cảng"');
    expect(csvCell('the "Fin whale"')).toBe('"the ""Fin whale"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula, but keeps a negative number a number', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-12.5)).toBe('-12.5');
  });
});

describe('a CSV document', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(csvDocument(['Tuyến', 'Hành khách'], [['1. Thiên Cung', 12]])).toBe(
      '\uFEFFTuyến,Hành khách\r\n1. Thiên Cung,12\r\n',
    );
  });
});
