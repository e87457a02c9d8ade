/**
 * The rules page's plain HTML form, read into the rules a manager means: the numbers the page lets them edit,
 * laid over the rules they read (the geometry of zones, corridors, stops and ports is the map features', shown
 * but not posted). A field's name is the path of its value in SafetyRulesInput (`speedZones.3.limitKnots`), so a
 * failing value is reported under the name of the field that holds it and the page marks that field. What the
 * form posts is model.ts's SafetyRulesForm; this is loaded by the first form posted.
 */
import { type SafetyRules, SafetyRulesInput } from './model.js';

export type RulesFormOutcome =
  | { ok: true; version: number; input: SafetyRulesInput }
  | { ok: false; fields: string[] };

/** At most this many contact rows are read (the rules hold 20; a page shows those and a few blank rows). */
const MAX_CONTACT_ROWS = 40;

/** A number as typed: blank is missing, a decimal comma (Vietnamese) reads as a point; anything else is NaN. */
function numberOf(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

/** The value of `name` when the form sent it (as a number), else `current`. */
function edited(fields: Record<string, string>, name: string, current: number): number | undefined {
  return Object.hasOwn(fields, name) ? numberOf(fields[name]) : current;
}

/** The contact rows the form sent, in row order: each kept row with the row number it came from. */
function contactRows(fields: Record<string, string>) {
  const rows = new Set<number>();
  for (const name of Object.keys(fields)) {
    const match = /^dutyContacts\.(\d{1,3})\.(name|email|phone|remove)$/.exec(name);
    if (match && Number(match[1]) < MAX_CONTACT_ROWS) rows.add(Number(match[1]));
  }
  const text = (row: number, part: string) => (fields[`dutyContacts.${row}.${part}`] ?? '').trim();
  const kept = [...rows]
    .sort((a, b) => a - b)
    .filter((row) => !text(row, 'remove') && (text(row, 'name') || text(row, 'email') || text(row, 'phone')))
    .map((row) => ({
      row,
      contact: {
        name: text(row, 'name'),
        email: text(row, 'email') || null,
        phone: text(row, 'phone') || null,
      },
    }));
  return { sent: rows.size > 0, kept };
}

/**
 * The rules the form asks for over `current` (the rules the page was rendered from, at the version it posts), or
 * the names of the fields whose values the rules refuse.
 */
export function rulesInputOfForm(fields: Record<string, string>, current: SafetyRules): RulesFormOutcome {
  const version = /^\d{1,9}$/.test(fields.version?.trim() ?? '') ? Number(fields.version) : null;
  const contacts = contactRows(fields);
  const candidate = {
    signalLostAfterSeconds: edited(fields, 'signalLostAfterSeconds', current.signalLostAfterSeconds),
    movingAboveKnots: edited(fields, 'movingAboveKnots', current.movingAboveKnots),
    stoppedAfterMinutes: edited(fields, 'stoppedAfterMinutes', current.stoppedAfterMinutes),
    defaultSpeedLimitKnots: edited(fields, 'defaultSpeedLimitKnots', current.defaultSpeedLimitKnots),
    permittedZone: current.permittedZone,
    speedZones: current.speedZones.map((zone, index) => ({
      ...zone,
      limitKnots: edited(fields, `speedZones.${index}.limitKnots`, zone.limitKnots),
    })),
    corridors: current.corridors.map((corridor, index) => ({
      ...corridor,
      widthMetres: edited(fields, `corridors.${index}.widthMetres`, corridor.widthMetres),
    })),
    stops: current.stops.map((stop, index) => ({
      ...stop,
      maxStopMinutes: edited(fields, `stops.${index}.maxStopMinutes`, stop.maxStopMinutes),
      radiusMetres: edited(fields, `stops.${index}.radiusMetres`, stop.radiusMetres),
    })),
    ports: current.ports.map((port, index) => ({
      ...port,
      radiusMetres: edited(fields, `ports.${index}.radiusMetres`, port.radiusMetres),
    })),
    dutyContacts: contacts.sent
      ? contacts.kept.map(({ contact }) => contact)
      : current.dutyContacts.map(({ name, email, phone }) => ({ name, email, phone })),
  };
  const parsed = SafetyRulesInput.safeParse(candidate);
  const failing = new Set<string>(version === null ? ['version'] : []);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      // A contact's failing value is named by the row it was typed in, which a removed row above shifts.
      if (path[0] === 'dutyContacts' && contacts.sent && path.length >= 2) {
        const row = contacts.kept[Number(path[1])]?.row;
        path[1] = String(row ?? path[1]);
        if (path.length === 2) path.push('name');
      }
      failing.add(path.join('.') || 'version');
    }
  }
  if (failing.size > 0 || !parsed.success || version === null) return { ok: false, fields: [...failing] };
  return { ok: true, version, input: parsed.data };
}
