/** A manifest as CSV (platform/csv.ts: RFC 4180, formulas neutralised), one row per passenger. */
import { csvDocument } from '../../platform/csv.js';
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
  return csvDocument(HEADER, rows);
}
