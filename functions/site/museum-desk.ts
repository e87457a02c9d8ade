/**
 * The curators' museum pages, read and written in-process: the exhibits by room, floor and words, and an
 * exhibit's, a tour's or the visiting information's form read into the museum's own write schemas — the API's —
 * then checked against the catalogue and stored by the same museum service. Always the table, never the page data
 * cache: a curator sees what they just saved.
 */
import type * as z from 'zod';
import {
  Exhibit,
  ExhibitExistsError,
  ExhibitFields,
  InvalidReferenceError,
  MuseumNotFoundError,
  type MuseumService,
  modelKinds,
  TourFields,
  Visiting,
} from '../museum/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';

/** A field the schema or the catalogue refused, by its form name (`title.en`), with the API's message. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What a posted form became: the value to save or preview, or the fields refused. */
export type ReadForm<T> = { kind: 'valid'; value: T } | { kind: 'invalid'; problems: FieldProblem[] };

export type SaveOutcome<T> =
  | { kind: 'saved'; value: T }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'not-found' }
  | { kind: 'exists' };

export interface ExhibitFilter {
  room: string;
  floor: string;
  words: string;
}

/** Blank lines separate an exhibit's paragraphs in its description's text area. */
export const PARAGRAPH_BREAK = /\n\s*\n/;

const BOOLEAN_FIELDS = ['highlight', 'nationalTreasure', 'demo'] as const;
const BILINGUAL_FIELDS = ['title', 'period', 'material', 'origin'] as const;

export function createMuseumDesk(museum: MuseumService) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** Curators (and admins) edit the museum's content, as the API's PUT /api/museum/… allow. */
    mayCurate: (principal: Principal) => hasAnyRole(principal, ['curator']),
    modelKinds,
    exhibitFormValues,
    tourFormValues,
    visitingFormValues,
  };

  /** Runs a write, turning the museum's refusals into outcomes the page explains. */
  async function saving<T>(write: () => Promise<T>): Promise<SaveOutcome<T>> {
    try {
      return { kind: 'saved', value: await write() };
    } catch (error) {
      if (error instanceof InvalidReferenceError) {
        return { kind: 'invalid', problems: [{ field: error.field, message: error.message }] };
      }
      if (error instanceof MuseumNotFoundError) return { kind: 'not-found' };
      if (error instanceof ExhibitExistsError) return { kind: 'exists' };
      throw error;
    }
  }

  return {
    // Async so that the module loads with the first curator's page (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /** Exhibits in visiting order, of one room and/or floor, whose texts in either language hold `words`. */
    async findExhibits(filter: ExhibitFilter) {
      const { rooms, exhibits } = await museum.readCatalog();
      const roomsOnFloor = new Set(
        rooms
          .filter((room) => filter.floor === '' || String(room.floor) === filter.floor)
          .map((room) => room.id),
      );
      const words = filter.words.trim().toLocaleLowerCase();
      const listed = await museum.listExhibits(filter.room || undefined);
      return {
        rooms,
        exhibits: listed.filter(
          (exhibit) =>
            roomsOnFloor.has(exhibit.roomId) &&
            (words === '' ||
              [exhibit.id, exhibit.title.vi, exhibit.title.en].some((text) =>
                text.toLocaleLowerCase().includes(words),
              )),
        ),
        total: exhibits.length,
      };
    },

    rooms: () => museum.listRooms(),

    tours: () => museum.listTours(),

    /** The exhibit, or null when there is none of that id. */
    async exhibit(id: string) {
      return museum.getExhibit(id).catch((error: unknown) => {
        if (error instanceof MuseumNotFoundError) return null;
        throw error;
      });
    },

    async tour(id: string) {
      return museum.getTour(id).catch((error: unknown) => {
        if (error instanceof MuseumNotFoundError) return null;
        throw error;
      });
    },

    /** The visiting information, or null before it is first set. */
    async visiting() {
      return museum.getVisiting().catch((error: unknown) => {
        if (error instanceof MuseumNotFoundError) return null;
        throw error;
      });
    },

    // Async like every method here: the module loads with the first page that calls one (site/services.ts).
    exhibitFromForm: async (form: FormData): Promise<ReadForm<ExhibitFields>> =>
      parsed(ExhibitFields, exhibitCandidate(form)),

    newExhibitFromForm: async (form: FormData): Promise<ReadForm<Exhibit>> =>
      parsed(Exhibit, { id: text(form, 'id'), ...exhibitCandidate(form) }),

    async tourFromForm(form: FormData): Promise<ReadForm<TourFields>> {
      const { candidate, formRows } = tourCandidate(form);
      return onFormRows(parsed(TourFields, candidate), formRows);
    },

    async visitingFromForm(form: FormData): Promise<ReadForm<Visiting>> {
      const { candidate, formRows } = visitingCandidate(form);
      return onFormRows(parsed(Visiting, candidate), formRows);
    },

    saveExhibit: (id: string, fields: ExhibitFields) => saving(() => museum.updateExhibit(id, fields)),

    createExhibit: (exhibit: Exhibit) => saving(() => museum.createExhibit(exhibit)),

    deleteExhibit: (id: string) => saving(() => museum.deleteExhibit(id)),

    /** Reads and saves a tour's form; a stop the catalogue refuses is named by its row of the form. */
    async saveTourForm(id: string, form: FormData): Promise<SaveOutcome<TourFields>> {
      const { candidate, formRows } = tourCandidate(form);
      const read = onFormRows(parsed(TourFields, candidate), formRows);
      if (read.kind === 'invalid') return read;
      const outcome = await saving(() => museum.putTour({ id, ...read.value }));
      return outcome.kind === 'invalid' ? onFormRows(outcome, formRows) : outcome;
    },

    saveVisiting: (visiting: Visiting) => saving(() => museum.putVisiting(visiting)),
  };
}

export type MuseumDesk = ReturnType<typeof createMuseumDesk>;

/** A form's fields by name, as the pages fill their inputs: text as typed, a ticked box as `yes`. */
export type FormValues = Record<string, string>;

const flattenBilingual = (name: string, value: { vi: string; en: string } | undefined): FormValues =>
  value ? { [`${name}.vi`]: value.vi, [`${name}.en`]: value.en } : {};

/** An exhibit's fields as its form holds them; the description's paragraphs one blank line apart. */
function exhibitFormValues(exhibit: Exhibit | ExhibitFields): FormValues {
  return {
    ...('id' in exhibit && { id: exhibit.id }),
    roomId: exhibit.roomId,
    ...Object.assign({}, ...BILINGUAL_FIELDS.map((name) => flattenBilingual(name, exhibit[name]))),
    'description.vi': exhibit.description.vi.join('\n\n'),
    'description.en': exhibit.description.en.join('\n\n'),
    ...Object.fromEntries(BOOLEAN_FIELDS.filter((name) => exhibit[name]).map((name) => [name, 'yes'])),
    'model.kind': exhibit.model.kind,
    'model.size.width': String(exhibit.model.size.width),
    'model.size.height': String(exhibit.model.size.height),
    'model.size.depth': String(exhibit.model.size.depth),
    ...flattenBilingual('demoNote', exhibit.demoNote),
  };
}

function tourFormValues(tour: TourFields): FormValues {
  return {
    ...flattenBilingual('title', tour.title),
    ...flattenBilingual('summary', tour.summary),
    minutes: String(tour.minutes),
    ...Object.assign(
      {},
      ...tour.stops.map((stop, index) => ({
        [`stops.${index}.position`]: String(index + 1),
        [`stops.${index}.exhibitId`]: stop.exhibitId,
        ...flattenBilingual(`stops.${index}.narration`, stop.narration),
      })),
    ),
  };
}

function visitingFormValues(visiting: Visiting): FormValues {
  return {
    ...Object.assign(
      {},
      ...visiting.openingHours.map((entry, index) => ({
        ...flattenBilingual(`openingHours.${index}.days`, entry.days),
        ...flattenBilingual(`openingHours.${index}.hours`, entry.hours),
      })),
    ),
    ...flattenBilingual('closed', visiting.closed),
    ...Object.assign(
      {},
      ...visiting.tickets.map((ticket, index) => ({
        [`tickets.${index}.id`]: ticket.id,
        ...flattenBilingual(`tickets.${index}.label`, ticket.label),
        [`tickets.${index}.priceVnd`]: String(ticket.priceVnd),
      })),
    ),
    ...flattenBilingual('note', visiting.note),
  };
}

/** `candidate` through `schema`, its issues named as the API names them (the value's path, dotted). */
function parsed<S extends z.ZodType>(schema: S, candidate: unknown): ReadForm<z.infer<S>> {
  const result = schema.safeParse(candidate);
  if (result.success) return { kind: 'valid', value: result.data };
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (!problems.has(field)) problems.set(field, issue.message);
  }
  return { kind: 'invalid', problems: [...problems].map(([field, message]) => ({ field, message })) };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

const bilingual = (form: FormData, name: string) => ({
  vi: text(form, `${name}.vi`),
  en: text(form, `${name}.en`),
});

/** A number field as the schema sees it: a blank one is missing, not zero. */
const number = (form: FormData, name: string) => {
  const value = text(form, name);
  return value === '' ? undefined : Number(value);
};

/** How many rows of `prefix.N.…` the form posted (rows may be left blank). */
function rowCount(form: FormData, prefix: string): number {
  let count = 0;
  for (const name of form.keys()) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(name);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

function exhibitCandidate(form: FormData) {
  const paragraphs = (language: 'vi' | 'en') =>
    text(form, `description.${language}`)
      .split(PARAGRAPH_BREAK)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== '');
  const demoNote = bilingual(form, 'demoNote');
  return {
    roomId: text(form, 'roomId'),
    ...Object.fromEntries(BILINGUAL_FIELDS.map((name) => [name, bilingual(form, name)])),
    description: { vi: paragraphs('vi'), en: paragraphs('en') },
    ...Object.fromEntries(BOOLEAN_FIELDS.map((name) => [name, form.get(name) === 'yes'])),
    model: {
      kind: text(form, 'model.kind'),
      size: {
        width: number(form, 'model.size.width'),
        height: number(form, 'model.size.height'),
        depth: number(form, 'model.size.depth'),
      },
    },
    // A note left blank in both languages is no note.
    ...((demoNote.vi !== '' || demoNote.en !== '') && { demoNote }),
  };
}

/**
 * A tour's stops in the order of their position fields; a stop whose exhibit is left blank is removed. With the
 * form row of each stop kept, so that a refused stop is marked on the row the curator typed it in.
 */
function tourCandidate(form: FormData) {
  const stops = Array.from({ length: rowCount(form, 'stops') }, (_, index) => ({
    index,
    position: number(form, `stops.${index}.position`) ?? index + 1,
    exhibitId: text(form, `stops.${index}.exhibitId`),
    narration: bilingual(form, `stops.${index}.narration`),
  }))
    .filter((stop) => stop.exhibitId !== '')
    .sort((a, b) => a.position - b.position || a.index - b.index);
  return {
    candidate: {
      title: bilingual(form, 'title'),
      summary: bilingual(form, 'summary'),
      minutes: number(form, 'minutes'),
      stops: stops.map(({ exhibitId, narration }) => ({ exhibitId, narration })),
    },
    formRows: { stops: stops.map((stop) => stop.index) },
  };
}

/** Opening hours and tickets; a row left blank in every field is not part of them (its form row is kept too). */
function visitingCandidate(form: FormData) {
  const rows = <T>(prefix: string, read: (index: number) => T, blank: (row: T) => boolean) =>
    Array.from({ length: rowCount(form, prefix) }, (_, index) => ({ index, row: read(index) })).filter(
      ({ row }) => !blank(row),
    );
  const openingHours = rows(
    'openingHours',
    (index) => ({
      days: bilingual(form, `openingHours.${index}.days`),
      hours: bilingual(form, `openingHours.${index}.hours`),
    }),
    (row) => [row.days.vi, row.days.en, row.hours.vi, row.hours.en].every((value) => value === ''),
  );
  const tickets = rows(
    'tickets',
    (index) => ({
      id: text(form, `tickets.${index}.id`),
      label: bilingual(form, `tickets.${index}.label`),
      priceVnd: number(form, `tickets.${index}.priceVnd`),
    }),
    (row) => row.id === '' && row.label.vi === '' && row.label.en === '' && row.priceVnd === undefined,
  );
  return {
    candidate: {
      openingHours: openingHours.map(({ row }) => row),
      closed: bilingual(form, 'closed'),
      tickets: tickets.map(({ row }) => row),
      note: bilingual(form, 'note'),
    },
    formRows: {
      openingHours: openingHours.map(({ index }) => index),
      tickets: tickets.map(({ index }) => index),
    },
  };
}

/** Problems named by the form's rows rather than by the value's list (`stops.0` is the form's `stops.3`). */
function onFormRows<R extends { kind: string }>(read: R, formRows: Record<string, number[]>): R {
  if (read.kind !== 'invalid' || !('problems' in read)) return read;
  const problems = (read.problems as FieldProblem[]).map((problem) => {
    const [list, index, ...rest] = problem.field.split('.');
    const formRow = list === undefined ? undefined : formRows[list]?.[Number(index)];
    return formRow === undefined ? problem : { ...problem, field: [list, formRow, ...rest].join('.') };
  });
  return { ...read, problems };
}
