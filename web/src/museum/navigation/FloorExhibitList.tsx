// The exhibits of the floor as buttons beside the view: the keyboard's and the screen reader's way to each one,
// the one faced marked as pressed.
import type { ViewerExhibit } from '../content';

export interface FloorExhibitListText {
  exhibitsHere: string;
}

export function FloorExhibitList({
  exhibits,
  focus,
  text,
  onChoose,
}: {
  exhibits: ViewerExhibit[];
  focus: string | null;
  text: FloorExhibitListText;
  onChoose: (id: string) => void;
}) {
  return (
    <nav className="museum-exhibit-buttons" aria-label={text.exhibitsHere}>
      <h2>{text.exhibitsHere}</h2>
      <ul>
        {exhibits.map((exhibit) => (
          <li key={exhibit.id}>
            <button
              type="button"
              className="museum-chip"
              aria-pressed={focus === exhibit.id}
              onClick={() => onChoose(exhibit.id)}
            >
              {exhibit.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
