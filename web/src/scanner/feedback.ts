// What the crew hears and feels with a verdict, for when their eyes are on the passenger: a short high tone to
// board, a low double tone to stop, a middle one for accepted-offline; a vibration pattern where the phone has one.
export type Tone = 'board' | 'stop' | 'hold';

let audio: AudioContext | null = null;

function beep(context: AudioContext, frequency: number, startsIn: number, seconds: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = frequency;
  const start = context.currentTime + startsIn;
  gain.gain.setValueAtTime(0.2, start);
  gain.gain.setValueAtTime(0, start + seconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + seconds);
}

/** Sounds and vibrates `tone`; silently does neither where the browser cannot. */
export function signal(tone: Tone): void {
  try {
    // Created on the first verdict, which follows a tap or a scan the crew started: browsers allow sound then.
    audio ??= new AudioContext();
    if (tone === 'board') beep(audio, 1320, 0, 0.15);
    if (tone === 'hold') beep(audio, 660, 0, 0.25);
    if (tone === 'stop') {
      beep(audio, 220, 0, 0.2);
      beep(audio, 220, 0.3, 0.2);
    }
  } catch {
    // No Web Audio here: the verdict is still shown and vibrated.
  }
  navigator.vibrate?.(tone === 'board' ? 120 : tone === 'hold' ? [120, 80, 120] : [300, 100, 300]);
}
