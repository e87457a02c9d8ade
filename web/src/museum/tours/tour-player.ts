// Guided tours, as a state machine the viewer drives: which stop the visitor is at, whether the tour plays on by
// itself (the narration of a stop ends, the next begins) or waits, and when it is completed. Pure, so the
// sequencing is tested without a browser.

export interface TourStopInput {
  exhibitId: string;
  narration: { vi: string; en: string };
}

export interface TourInput {
  id: string;
  stops: TourStopInput[];
}

export interface TourState {
  tourId: string;
  /** The stops that can be shown: those whose exhibit is in the museum now. */
  stops: TourStopInput[];
  index: number;
  status: 'playing' | 'paused' | 'completed';
}

export type TourAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'pause' }
  | { type: 'play' }
  /** The narration of the current stop has ended: a playing tour moves on. */
  | { type: 'narration-ended' };

/**
 * Starts a tour at its first stop, playing. Stops whose exhibit has been removed are left out (a curator's
 * edit must not break a tour); with none left the tour cannot start.
 */
export function startTour(tour: TourInput, exhibitIds: ReadonlySet<string>): TourState | null {
  const stops = tour.stops.filter((stop) => exhibitIds.has(stop.exhibitId));
  if (stops.length === 0) return null;
  return { tourId: tour.id, stops, index: 0, status: 'playing' };
}

export function tourStep(state: TourState, action: TourAction): TourState {
  const last = state.stops.length - 1;
  switch (action.type) {
    case 'next':
    case 'narration-ended':
      if (action.type === 'narration-ended' && state.status !== 'playing') return state;
      if (state.status === 'completed') return state;
      if (state.index >= last) return { ...state, status: 'completed' };
      return { ...state, index: state.index + 1 };
    case 'previous':
      if (state.status === 'completed') return { ...state, status: 'paused' };
      return { ...state, index: Math.max(0, state.index - 1) };
    case 'pause':
      return state.status === 'playing' ? { ...state, status: 'paused' } : state;
    case 'play':
      // Playing a completed tour starts it again from the first stop.
      if (state.status === 'completed') return { ...state, index: 0, status: 'playing' };
      return { ...state, status: 'playing' };
  }
}

export function currentStop(state: TourState): TourStopInput {
  return state.stops[Math.min(state.index, state.stops.length - 1)] as TourStopInput;
}

/** How long a stop is shown when the browser cannot speak its narration: reading time, at least 6 seconds. */
export function readingMilliseconds(text: string): number {
  const words = text.trim().split(/\s+/).length;
  return Math.max(6_000, Math.round((words / 3) * 1_000));
}
