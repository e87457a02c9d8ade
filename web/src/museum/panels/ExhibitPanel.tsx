// The panel of the exhibit the visitor faces: its title, period and room, the first paragraph, a link to its
// page, the audio guide, and the way to a closer look.
import type { Language } from '../../../../functions/platform/language';
import type { ViewerExhibit } from '../content';
import { AudioGuide, type AudioGuideText } from './AudioGuide';

export interface ExhibitPanelText extends AudioGuideText {
  readMore: string;
  closer: string;
  close: string;
}

export function ExhibitPanel({
  exhibit,
  roomName,
  language,
  text,
  onCloserLook,
  onClose,
}: {
  exhibit: ViewerExhibit;
  roomName: string | undefined;
  language: Language;
  text: ExhibitPanelText;
  onCloserLook: () => void;
  onClose: () => void;
}) {
  return (
    <section className="museum-panel" aria-live="polite" data-testid="exhibit-panel">
      <h2>{exhibit.title}</h2>
      <p className="field-hint">
        {exhibit.period} · {roomName}
      </p>
      <p>{exhibit.summary}</p>
      <p>
        <a href={exhibit.href}>{text.readMore}</a>
      </p>
      <div className="museum-panel-buttons">
        <AudioGuide
          key={exhibit.id}
          text={`${exhibit.title}. ${exhibit.period}. ${exhibit.summary}`}
          language={language}
          labels={text}
        />
        <button type="button" className="button button-secondary" onClick={onCloserLook}>
          {text.closer}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {text.close}
        </button>
      </div>
    </section>
  );
}
