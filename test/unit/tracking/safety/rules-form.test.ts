import { describe, expect, it } from 'vitest';
import features from '../../../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import { rulesFromFeatures, unsavedRules } from '../../../../functions/tracking/safety/default-rules.js';
import type { SafetyRules } from '../../../../functions/tracking/safety/model.js';
import { rulesInputOfForm } from '../../../../functions/tracking/safety/rules-form.js';

const current: SafetyRules = {
  ...unsavedRules(rulesFromFeatures(features), new Date('2026-07-19T01:00:00Z')),
  version: 4,
  dutyContacts: [
    { name: 'Trực ban Cảng vụ', email: 'duty@halong.test', phone: '+84 203 384 6000' },
    { name: 'Đội cứu hộ', email: null, phone: '+84 912 345 678' },
  ],
};

const saved = (fields: Record<string, string>) => {
  const outcome = rulesInputOfForm({ version: '4', language: 'vi', ...fields }, current);
  if (!outcome.ok) throw new Error(`refused: ${outcome.fields.join(', ')}`);
  return outcome;
};

describe('the rules page’s form, read into rules', () => {
  it('changes the numbers sent and keeps every geometry and every number not sent', () => {
    const { version, input } = saved({
      signalLostAfterSeconds: '90',
      movingAboveKnots: '1,5',
      'speedZones.2.limitKnots': '5',
      'corridors.0.widthMetres': '900',
      'stops.3.maxStopMinutes': '45',
      'stops.3.radiusMetres': '250',
      'ports.1.radiusMetres': '400',
    });
    expect(version).toBe(4);
    expect(input.signalLostAfterSeconds).toBe(90);
    expect(input.movingAboveKnots).toBe(1.5);
    expect(input.stoppedAfterMinutes).toBe(current.stoppedAfterMinutes);
    expect(input.speedZones[2]?.limitKnots).toBe(5);
    expect(input.speedZones[1]?.limitKnots).toBe(current.speedZones[1]?.limitKnots);
    expect(input.corridors[0]?.widthMetres).toBe(900);
    expect(input.stops[3]).toMatchObject({ maxStopMinutes: 45, radiusMetres: 250 });
    expect(input.ports[1]?.radiusMetres).toBe(400);
    expect(input.permittedZone).toEqual(current.permittedZone);
    expect(input.speedZones.map((zone) => zone.polygon)).toEqual(
      current.speedZones.map((zone) => zone.polygon),
    );
    expect(input.corridors.map((corridor) => corridor.line)).toEqual(current.corridors.map((c) => c.line));
    expect(input.dutyContacts).toEqual(current.dutyContacts);
    expect(input).not.toHaveProperty('version');
  });

  it('drops removed and blank contact rows and adds a filled new one', () => {
    const { input } = saved({
      'dutyContacts.0.name': 'Trực ban Cảng vụ',
      'dutyContacts.0.email': 'duty@halong.test',
      'dutyContacts.0.phone': '',
      'dutyContacts.1.name': 'Đội cứu hộ',
      'dutyContacts.1.phone': '+84 912 345 678',
      'dutyContacts.1.remove': 'yes',
      'dutyContacts.2.name': '  Biên phòng  ',
      'dutyContacts.2.email': 'border@halong.test',
      'dutyContacts.3.name': '',
      'dutyContacts.3.email': '',
      'dutyContacts.3.phone': '',
    });
    expect(input.dutyContacts).toEqual([
      { name: 'Trực ban Cảng vụ', email: 'duty@halong.test', phone: null },
      { name: 'Biên phòng', email: 'border@halong.test', phone: null },
    ]);
  });

  it('names the refused fields by the row they were typed in, past a removed row', () => {
    const outcome = rulesInputOfForm(
      {
        version: '4',
        signalLostAfterSeconds: '5',
        'speedZones.0.limitKnots': 'fast',
        'stops.2.radiusMetres': '',
        'dutyContacts.0.name': 'A',
        'dutyContacts.0.email': 'a@halong.test',
        'dutyContacts.0.remove': 'yes',
        'dutyContacts.1.name': 'B',
        'dutyContacts.1.email': 'not an address',
        'dutyContacts.2.name': 'C',
      },
      current,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : [...outcome.fields].sort()).toEqual(
      [
        'signalLostAfterSeconds',
        'speedZones.0.limitKnots',
        'stops.2.radiusMetres',
        'dutyContacts.1.email',
        // Neither an e-mail address nor a phone number.
        'dutyContacts.2.email',
      ].sort(),
    );
  });

  it('refuses a form without the version it was read at', () => {
    expect(rulesInputOfForm({ signalLostAfterSeconds: '120' }, current)).toEqual({
      ok: false,
      fields: ['version'],
    });
    expect(rulesInputOfForm({ version: '-1' }, current)).toEqual({ ok: false, fields: ['version'] });
  });

  it('keeps the contacts as they are when the form sends no contact row', () => {
    expect(saved({}).input.dutyContacts).toEqual(current.dutyContacts);
  });

  it('refuses a whole number of seconds given with a fraction', () => {
    const outcome = rulesInputOfForm({ version: '4', signalLostAfterSeconds: '120.5' }, current);
    expect(outcome).toEqual({ ok: false, fields: ['signalLostAfterSeconds'] });
  });
});
