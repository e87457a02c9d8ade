// Guided tours in the 3D visit: choose a tour, then it moves from exhibit to exhibit with its narration read
// aloud (the Web Speech API) and shown as text; play, pause, next, previous, leave.

import { useEffect, useReducer, useRef } from 'react';
import type { Language } from '../../../../functions/platform/language';
import {
  currentStop,
  readingMilliseconds,
  startTour,
  type TourAction,
  type TourInput,
  type TourState,
  tourStep,
} from './tour-player';

export interface TourListItem extends TourInput {
  title: string;
  minutes: number;
}

export interface TourText {
  tours: string;
  startTour: string;
  minutes: string;
  stopOf: string;
  previous: string;
  next: string;
  pause: string;
  play: string;
  leave: string;
  completed: string;
}

type Action = TourAction | { type: 'start'; state: TourState } | { type: 'leave' };

function reducer(state: TourState | null, action: Action): TourState | null {
  if (action.type === 'start') return action.state;
  if (action.type === 'leave' || !state) return null;
  return tourStep(state, action);
}

const speechAvailable = () => typeof window !== 'undefined' && 'speechSynthesis' in window;

export function TourControls({
  tours,
  exhibitIds,
  language,
  text,
  onStop,
  onTourEvent,
}: {
  tours: TourListItem[];
  exhibitIds: ReadonlySet<string>;
  language: Language;
  text: TourText;
  /** The tour has reached a stop: the visitor goes to its exhibit. */
  onStop: (exhibitId: string) => void;
  onTourEvent: (event: 'tour-started' | 'tour-completed', tourId: string) => void;
}) {
  const [state, dispatch] = useReducer(reducer, null);
  const stop = state ? currentStop(state) : null;
  const narration = stop?.narration[language] ?? '';
  const onStopRef = useRef(onStop);
  onStopRef.current = onStop;

  const tourId = state?.tourId ?? null;
  const stopIndex = state?.index ?? 0;
  const status = state?.status ?? null;
  const stopExhibit = stop?.exhibitId ?? null;
  const completed = status === 'completed';

  // Each stop: go to its exhibit (once per stop, not again on pause or play).
  useEffect(() => {
    if (tourId && stopExhibit && !completed) onStopRef.current(stopExhibit);
  }, [tourId, stopExhibit, completed]);

  // A playing stop is narrated; when the narration ends (or, without speech, after the reading time) the tour
  // moves on. Pausing or leaving stops the voice.
  useEffect(() => {
    if (status !== 'playing' || !narration || stopIndex < 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moveOn = (after: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => dispatch({ type: 'narration-ended' }), after);
    };
    const startedAt = performance.now();
    if (speechAvailable()) {
      speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(narration);
      utterance.lang = language === 'vi' ? 'vi-VN' : 'en-GB';
      // Never less than the time to read the text: a browser without voices ends at once.
      utterance.onend = () =>
        moveOn(Math.max(1_500, readingMilliseconds(narration) - (performance.now() - startedAt)));
      speechSynthesis.speak(utterance);
      // Should the voice never report its end, the tour still goes on.
      timer = setTimeout(() => dispatch({ type: 'narration-ended' }), readingMilliseconds(narration) * 2.5);
    } else {
      moveOn(readingMilliseconds(narration));
    }
    return () => {
      clearTimeout(timer);
      if (speechAvailable()) speechSynthesis.cancel();
    };
  }, [status, stopIndex, narration, language]);

  const completedTour = completed ? tourId : null;
  useEffect(() => {
    if (completedTour) onTourEvent('tour-completed', completedTour);
  }, [completedTour, onTourEvent]);

  if (!state) {
    return (
      <section className="museum-tours" aria-label={text.tours}>
        <h2>{text.tours}</h2>
        <ul>
          {tours.map((tour) => (
            <li key={tour.id}>
              <button
                type="button"
                className="museum-chip"
                onClick={() => {
                  const started = startTour(tour, exhibitIds);
                  if (!started) return;
                  dispatch({ type: 'start', state: started });
                  onTourEvent('tour-started', tour.id);
                }}
              >
                {text.startTour.replace('{title}', tour.title)}{' '}
                <span className="field-hint">
                  ({text.minutes.replace('{minutes}', String(tour.minutes))})
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const tour = tours.find((candidate) => candidate.id === state.tourId);
  return (
    <section className="museum-tour-player" aria-label={tour?.title ?? text.tours} data-testid="tour-player">
      <h2>{tour?.title}</h2>
      <p className="field-hint" data-testid="tour-progress">
        {state.status === 'completed'
          ? text.completed
          : text.stopOf
              .replace('{stop}', String(state.index + 1))
              .replace('{stops}', String(state.stops.length))}
      </p>
      {state.status !== 'completed' && <p aria-live="polite">{narration}</p>}
      <div className="museum-tour-buttons">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => dispatch({ type: 'previous' })}
          disabled={state.index === 0 && state.status !== 'completed'}
        >
          {text.previous}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={state.status === 'playing'}
          onClick={() => dispatch({ type: state.status === 'playing' ? 'pause' : 'play' })}
        >
          {state.status === 'playing' ? text.pause : text.play}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => dispatch({ type: 'next' })}
          disabled={state.status === 'completed'}
        >
          {text.next}
        </button>
        <button type="button" className="button button-secondary" onClick={() => dispatch({ type: 'leave' })}>
          {text.leave}
        </button>
      </div>
    </section>
  );
}
