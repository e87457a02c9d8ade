// The audio guide: reads an exhibit's panel aloud in the visitor's language with the browser's own speech
// synthesis (the Web Speech API), with play and pause. Absent where the browser has no speech synthesis.

import { useEffect, useState } from 'react';
import type { Language } from '../../../../functions/platform/language';

export interface AudioGuideText {
  listen: string;
  pause: string;
  resume: string;
}

type State = 'idle' | 'speaking' | 'paused';

export function AudioGuide({
  text,
  language,
  labels,
}: {
  text: string;
  language: Language;
  labels: AudioGuideText;
}) {
  const [state, setState] = useState<State>('idle');
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;

  // Closing the panel (or moving to another exhibit, which mounts a new guide) stops what was being read.
  useEffect(() => {
    if (!supported) return;
    return () => speechSynthesis.cancel();
  }, [supported]);

  if (!supported) return null;

  const toggle = () => {
    if (state === 'speaking') {
      speechSynthesis.pause();
      setState('paused');
    } else if (state === 'paused') {
      speechSynthesis.resume();
      setState('speaking');
    } else {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language === 'vi' ? 'vi-VN' : 'en-GB';
      utterance.onend = () => setState('idle');
      utterance.onerror = () => setState('idle');
      speechSynthesis.speak(utterance);
      setState('speaking');
    }
  };

  return (
    <button
      type="button"
      className="button"
      aria-pressed={state === 'speaking'}
      onClick={toggle}
      data-testid="audio-guide"
    >
      {state === 'speaking' ? labels.pause : state === 'paused' ? labels.resume : labels.listen}
    </button>
  );
}
