// The panel of the exhibit the visitor faces, beside the view (below it on a phone) so it never hides the
// exhibit: its title, period and room, the first paragraph, a link to its page, the audio guide, and the way to a
// closer look. Its text scrolls inside it; its buttons stay in sight below the text.
import type { Ref } from 'react';
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
  ref,
}: {
  exhibit: ViewerExhibit;
  roomName: string | undefined;
  language: Language;
  text: ExhibitPanelText;
  onCloserLook: () => void;
  onClose: () => void;
  ref?: Ref<HTMLElement>;
}) {
  return (
    <section
      ref={ref}
      className="museum-panel"
      aria-live="polite"
      aria-labelledby="museum-panel-title"
      data-testid="exhibit-panel"
    >
      <div className="museum-panel-text">
        <h2 id="museum-panel-title">{exhibit.title}</h2>
        <p className="field-hint">
          {exhibit.period} · {roomName}
        </p>
        <p>{exhibit.summary}</p>
        <p>
          <a href={exhibit.href}>{text.readMore}</a>
        </p>
      </div>
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
