import { describe, expect, it } from 'vitest';
import {
  auditKey,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
} from '../../../../functions/platform/audit/keys.js';

const key = auditKey('2026-11-24T01:02:03.456Z', '6f1c2b1e-4d1a-4b7e-9a51-0c7d3f1e2a90');

describe('where audit entries are kept', () => {
  it('keeps an entry in the partition of its UTC day, sorted by its instant', () => {
    expect(key).toEqual({
      PK: 'AUDIT#2026-11-24',
      SK: '2026-11-24T01:02:03.456Z#6f1c2b1e-4d1a-4b7e-9a51-0c7d3f1e2a90',
    });
  });
});

describe('the page cursor', () => {
  it('gives back the key it was made from, as URL-safe text', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '2026-11-24')).toEqual(key);
  });

  it('refuses a cursor of another day, which would name another partition', () => {
    expect(() => decodeCursor(encodeCursor(key), '2026-11-25')).toThrow(InvalidCursorError);
  });

  it('refuses text that is not a cursor it made', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = [
      '',
      'not a cursor!',
      'bm90IGpzb24',
      encode(null),
      encode({ PK: 'AUDIT#2026-11-24' }),
      encode({ PK: 'BOOKING#HL12345678', SK: 'BOOKING' }),
      encode({ PK: 'AUDIT#2026-11-24', SK: 'anything' }),
      encode({ ...key, SK: key.SK.replace('2026-11-24', '2026-11-23') }),
      encode({ ...key, extra: true }),
      `${encodeCursor(key)}*`,
      'A'.repeat(401),
    ];
    for (const cursor of forged)
      expect(() => decodeCursor(cursor, '2026-11-24'), cursor).toThrow(InvalidCursorError);
  });
});
