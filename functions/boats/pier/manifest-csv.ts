/**
 * A manifest as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese names
 * right), one row per passenger. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) is prefixed with an apostrophe (OWASP's CSV-injection rule).
 */
import type { Manifest } from './model.js';

const HEADER = [
  'booking',
  'channel',
  'passenger',
  'full_name',
  'document_type',
  'document_number',
  'nationality',
  'category',
  'guardian_name',
  'guardian_document',
  'guardian_phone',
  'state',
  'checked_in_at',
];

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function manifestCsv(manifest: Manifest): string {
  const rows = manifest.passengers.map((row) => [
    row.bookingId,
    row.channel === 'counter' ? 'walk-up' : 'booked',
    row.index + 1,
    row.fullName,
    row.documentType,
    row.documentNumber,
    row.nationality,
    row.category,
    row.guardian?.fullName ?? '',
    row.guardian?.documentNumber ?? '',
    row.guardian?.phone ?? '',
    row.state,
    row.checkedInAt ?? '',
  ]);
  return `\uFEFF${[HEADER, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
