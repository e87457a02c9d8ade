// Guided tours step by step: playing on by itself after each narration, pausing, going back and forth,
// completing, and skipping stops whose exhibit a curator has removed.
import { describe, expect, it } from 'vitest';
import {
  currentStop,
  readingMilliseconds,
  startTour,
  tourStep,
} from '../../../../../web/src/museum/tours/tour-player';

const stop = (exhibitId: string) => ({
  exhibitId,
  narration: { vi: `Đây là ${exhibitId}.`, en: `This is ${exhibitId}.` },
});
const tour = { id: 'highlights', stops: [stop('whale'), stop('jar'), stop('stakes')] };
const everything = new Set(['whale', 'jar', 'stakes']);

describe('a guided tour', () => {
  it('starts playing at its first stop and moves on when each narration ends', () => {
    let state = startTour(tour, everything);
    expect(state).not.toBeNull();
    if (!state) return;
    expect(currentStop(state).exhibitId).toBe('whale');
    expect(state.status).toBe('playing');
    state = tourStep(state, { type: 'narration-ended' });
    expect(currentStop(state).exhibitId).toBe('jar');
    state = tourStep(state, { type: 'narration-ended' });
    expect(currentStop(state).exhibitId).toBe('stakes');
    state = tourStep(state, { type: 'narration-ended' });
    expect(state.status).toBe('completed');
    // Nothing moves a completed tour on.
    expect(tourStep(state, { type: 'narration-ended' })).toEqual(state);
    expect(tourStep(state, { type: 'next' })).toEqual(state);
  });

  it('waits while paused: a narration ending does not move it, next and previous still do', () => {
    let state = startTour(tour, everything);
    if (!state) throw new Error('tour did not start');
    state = tourStep(state, { type: 'pause' });
    expect(state.status).toBe('paused');
    expect(tourStep(state, { type: 'narration-ended' }).index).toBe(0);
    state = tourStep(state, { type: 'next' });
    expect(state.index).toBe(1);
    expect(state.status).toBe('paused');
    state = tourStep(state, { type: 'previous' });
    expect(state.index).toBe(0);
    // Previous at the first stop stays there.
    expect(tourStep(state, { type: 'previous' }).index).toBe(0);
    expect(tourStep(state, { type: 'play' }).status).toBe('playing');
  });

  it('goes back from the end to the last stop, and plays again from the start', () => {
    let state = startTour(tour, everything);
    if (!state) throw new Error('tour did not start');
    for (let step = 0; step < 3; step += 1) state = tourStep(state, { type: 'next' });
    expect(state.status).toBe('completed');
    const back = tourStep(state, { type: 'previous' });
    expect(back).toMatchObject({ index: 2, status: 'paused' });
    expect(tourStep(state, { type: 'play' })).toMatchObject({ index: 0, status: 'playing' });
  });

  it('leaves out stops whose exhibit is gone, and cannot start with none left', () => {
    const state = startTour(tour, new Set(['whale', 'stakes']));
    expect(state?.stops.map((kept) => kept.exhibitId)).toEqual(['whale', 'stakes']);
    expect(startTour(tour, new Set())).toBeNull();
  });

  it('shows a stop at least as long as it takes to read it', () => {
    expect(readingMilliseconds('Short.')).toBe(6_000);
    expect(readingMilliseconds(Array.from({ length: 60 }, () => 'word').join(' '))).toBe(20_000);
  });
});
