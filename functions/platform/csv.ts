/**
 * CSV files for download (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese right).
 * A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed
 * with an apostrophe (OWASP's CSV-injection rule); a negative number stays a number.
 */

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then the rows, each line ended by CRLF. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
