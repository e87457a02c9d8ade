// The curators' forms read into the museum's schemas: what a text area, a box left unticked, a blank row and a
// position number become, and refusals named by the form's own fields.
import { describe, expect, it } from 'vitest';
import type { MuseumService } from '../../../functions/museum/index';
import type { Principal } from '../../../functions/platform/auth/principal';
import { createMuseumDesk } from '../../../functions/site/museum-desk';

// Reading a form never touches the museum; saving is tested against DynamoDB Local (staff-museum-pages.test.ts).
const desk = createMuseumDesk({} as MuseumService);
const staff = (roles: Principal['roles']): Principal => ({
  subject: 's',
  email: null,
  roles,
  companyId: null,
});
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const bilingual = (name: string, vi: string, en: string) => ({ [`${name}.vi`]: vi, [`${name}.en`]: en });

const exhibitFields = {
  roomId: 'lobby',
  ...bilingual('title', 'Bình', 'Jar'),
  ...bilingual('period', 'Thế kỷ 13', '13th century'),
  ...bilingual('material', 'Gốm', 'Pottery'),
  ...bilingual('origin', 'Vân Đồn', 'Vân Đồn'),
  ...bilingual('description', 'Đoạn một.\n\n  Đoạn hai.  \n\n\n', 'First.\r\n\r\nSecond.'),
  highlight: 'yes',
  'model.kind': 'jar',
  'model.size.width': '0.3',
  'model.size.height': '0.5',
  'model.size.depth': '0.3',
};

describe('who may curate', () => {
  it('is curators and admins, not operators or managers', async () => {
    const { mayCurate } = await desk.pageTools();
    expect(mayCurate(staff(['curator']))).toBe(true);
    expect(mayCurate(staff(['admin']))).toBe(true);
    expect(mayCurate(staff(['operator']))).toBe(false);
    expect(mayCurate(staff(['manager']))).toBe(false);
  });
});

describe('an exhibit’s form', () => {
  it('splits the description at blank lines, reads ticked boxes, and leaves a blank demo note out', async () => {
    const read = await desk.exhibitFromForm(form({ ...exhibitFields, ...bilingual('demoNote', '', '') }));
    expect(read).toMatchObject({
      kind: 'valid',
      value: {
        description: { vi: ['Đoạn một.', 'Đoạn hai.'], en: ['First.', 'Second.'] },
        highlight: true,
        nationalTreasure: false,
        demo: false,
        model: { kind: 'jar', size: { width: 0.3, height: 0.5, depth: 0.3 } },
      },
    });
    expect(read.kind === 'valid' && 'demoNote' in read.value).toBe(false);
  });

  it('comes back as it was read, through the values that fill the form', async () => {
    const read = await desk.exhibitFromForm(form(exhibitFields));
    if (read.kind !== 'valid') throw new Error('valid form refused');
    const { exhibitFormValues } = await desk.pageTools();
    expect(await desk.exhibitFromForm(form(exhibitFormValues(read.value)))).toEqual(read);
  });

  it('names each refused field by its input, with the schema’s message, as the API does', async () => {
    const read = await desk.exhibitFromForm(
      form({ ...exhibitFields, 'title.en': ' ', 'model.size.width': '' }),
    );
    expect(read.kind === 'invalid' && read.problems.map((problem) => problem.field)).toEqual([
      'title.en',
      'model.size.width',
    ]);
    // The rule across fields, as in the API, once the fields themselves are right.
    const withoutNote = await desk.exhibitFromForm(form({ ...exhibitFields, demo: 'yes' }));
    expect(withoutNote).toEqual({
      kind: 'invalid',
      problems: [{ field: 'demoNote', message: 'an exhibit with demo details says which in demoNote' }],
    });
  });

  it('needs a slug for the id of an exhibit added', async () => {
    const read = await desk.newExhibitFromForm(form({ ...exhibitFields, id: 'Not A Slug' }));
    expect(read.kind === 'invalid' && read.problems.map((problem) => problem.field)).toEqual(['id']);
  });
});

describe('a tour’s form', () => {
  const stop = (index: number, position: string, exhibitId: string) => ({
    [`stops.${index}.position`]: position,
    [`stops.${index}.exhibitId`]: exhibitId,
    ...bilingual(`stops.${index}.narration`, `Dừng ${exhibitId}`, `Stop ${exhibitId}`),
  });
  const tour = {
    ...bilingual('title', 'Tuyến', 'Tour'),
    ...bilingual('summary', 'Tóm tắt', 'Summary'),
    minutes: '20',
  };

  it('orders the stops by their positions and drops a stop without an exhibit', async () => {
    const read = await desk.tourFromForm(
      form({
        ...tour,
        ...stop(0, '3', 'jar'),
        ...stop(1, '1', 'drum'),
        ...stop(2, '2', ''),
        ...stop(3, '2', 'boat'),
      }),
    );
    expect(read.kind === 'valid' && read.value.stops.map((one) => one.exhibitId)).toEqual([
      'drum',
      'boat',
      'jar',
    ]);
  });

  it('names a refused stop by the row it was typed in, not by its place in the order', async () => {
    const read = await desk.tourFromForm(
      form({ ...tour, ...stop(0, '2', 'jar'), ...stop(1, '1', 'drum'), 'stops.0.narration.en': '' }),
    );
    expect(read.kind === 'invalid' && read.problems.map((problem) => problem.field)).toEqual([
      'stops.0.narration.en',
    ]);
  });
});

describe('the visiting information’s form', () => {
  it('leaves blank rows out and names a refused row by its place in the form', async () => {
    const fields = {
      ...bilingual('openingHours.0.days', 'Thứ Ba', 'Tuesday'),
      ...bilingual('openingHours.0.hours', '8–17', '8–5'),
      ...bilingual('openingHours.1.days', '', ''),
      ...bilingual('openingHours.1.hours', '', ''),
      ...bilingual('closed', 'Thứ Hai', 'Monday'),
      'tickets.0.id': '',
      ...bilingual('tickets.0.label', '', ''),
      'tickets.0.priceVnd': '',
      'tickets.1.id': 'adult',
      ...bilingual('tickets.1.label', 'Người lớn', 'Adult'),
      'tickets.1.priceVnd': '40000',
      ...bilingual('note', 'Ghi chú', 'Note'),
    };
    const read = await desk.visitingFromForm(form(fields));
    expect(read).toMatchObject({
      kind: 'valid',
      value: { openingHours: [{ days: { en: 'Tuesday' } }], tickets: [{ id: 'adult', priceVnd: 40000 }] },
    });
    const refused = await desk.visitingFromForm(form({ ...fields, 'tickets.1.priceVnd': '-5' }));
    expect(refused.kind === 'invalid' && refused.problems.map((problem) => problem.field)).toEqual([
      'tickets.1.priceVnd',
    ]);
  });
});
