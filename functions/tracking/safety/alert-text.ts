/** The words of a safety alert's SMS and e-mail, in both languages. */
import type { Alert, AlertKind } from '../live/model.js';

const KIND_WORDS: Record<AlertKind, { vi: string; en: string }> = {
  'signal-lost': { vi: 'MẤT TÍN HIỆU', en: 'SIGNAL LOST' },
  sos: { vi: 'SOS', en: 'SOS' },
  'out-of-area': { vi: 'RA NGOÀI VÙNG CHO PHÉP', en: 'OUT OF AREA' },
  'off-route': { vi: 'LỆCH TUYẾN', en: 'OFF ROUTE' },
  overspeed: { vi: 'QUÁ TỐC ĐỘ', en: 'OVERSPEED' },
  stopped: { vi: 'DỪNG BẤT THƯỜNG', en: 'STOPPED' },
  'departed-without-clearance': { vi: 'RỜI BẾN KHÔNG PHÉP', en: 'DEPARTED WITHOUT CLEARANCE' },
  overcapacity: { vi: 'QUÁ TẢI', en: 'OVERCAPACITY' },
};

/** The text of an alert's SMS and e-mail: both languages, where, when and how many aboard, in one screen. */
export function alertText(alert: Alert): { subject: string; text: string } {
  const words = KIND_WORDS[alert.kind];
  const where = alert.position
    ? `${alert.position.latitude.toFixed(5)},${alert.position.longitude.toFixed(5)} @ ${alert.position.fixTime}`
    : '—';
  const aboard = alert.aboard ? `${alert.aboard.count}/${alert.aboard.certifiedCapacity}` : '—';
  return {
    subject: `[Hạ Long] ${words.en}: ${alert.boatName}`,
    text:
      `${words.vi} · ${alert.boatName}: ${alert.reason.vi} Vị trí ${where}. Trên tàu ${aboard}.\n` +
      `${words.en} · ${alert.boatName}: ${alert.reason.en} Position ${where}. Aboard ${aboard}. Alert ${alert.id}.`,
  };
}
