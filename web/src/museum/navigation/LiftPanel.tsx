// The lift, once the visitor has clicked its doors: a button per floor, and one to close it.
import type { Language } from '../../../../functions/platform/language';
import { type FloorId, floorIds, floorPlans } from '../layout/floor-plans';

export interface LiftPanelText {
  liftChoose: string;
  close: string;
}

export function LiftPanel({
  language,
  text,
  onFloor,
  onClose,
}: {
  language: Language;
  text: LiftPanelText;
  onFloor: (floor: FloorId) => void;
  onClose: () => void;
}) {
  return (
    <fieldset className="museum-lift">
      <legend>{text.liftChoose}</legend>
      {floorIds.map((id) => (
        <button key={id} type="button" className="button button-secondary" onClick={() => onFloor(id)}>
          {floorPlans[id].name[language]}
        </button>
      ))}
      <button type="button" className="button" onClick={onClose}>
        {text.close}
      </button>
    </fieldset>
  );
}
