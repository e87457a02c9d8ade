import { describe, expect, it } from 'vitest';
import { focusOf } from '../../../../web/src/map/map-focus';

describe('a map link’s focus', () => {
  it('reads the boat and the place from the alerts console’s link', () => {
    expect(focusOf('?boat=bay-pearl-01&lat=20.91&lon=107')).toEqual({
      latitude: 20.91,
      longitude: 107,
      boatId: 'bay-pearl-01',
    });
    expect(focusOf('?lat=-20.5&lon=106.9')).toEqual({ latitude: -20.5, longitude: 106.9, boatId: null });
  });

  it('opens the whole bay when the place is missing or not a place', () => {
    for (const search of [
      '',
      '?boat=bay-pearl-01',
      '?lat=20.9',
      '?lat=91&lon=107',
      '?lat=20.9&lon=1e3',
      '?lat=x&lon=107',
    ]) {
      expect(focusOf(search)).toBeNull();
    }
  });
});
