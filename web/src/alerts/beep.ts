// The console's alert sound, made with the Web Audio API (no sound file to fetch): a short two-tone beep, three
// for an SOS. Browsers let a page make sound only after the person has interacted with it, so the audio context is
// made on their first click or key press; until then a beep is skipped and the page says why.

export interface Beeper {
  /** Made (or resumed) from within a click or key press. */
  unlock(): void;
  /** Plays the alert sound; false when the browser does not allow sound yet. */
  beep(urgent: boolean): boolean;
}

export function createBeeper(): Beeper {
  let context: AudioContext | null = null;
  return {
    unlock() {
      if (typeof AudioContext === 'undefined') return;
      context ??= new AudioContext();
      if (context.state === 'suspended') void context.resume();
    },
    beep(urgent) {
      if (context?.state !== 'running') return false;
      const start = context.currentTime + 0.02;
      const tones = urgent ? [880, 660, 880, 660, 880, 660] : [880, 660];
      tones.forEach((frequency, index) => {
        if (!context) return;
        const at = start + index * 0.18;
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'square';
        oscillator.frequency.setValueAtTime(frequency, at);
        // A short ramp in and out: a click-free tone at a level that is heard without startling.
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.17);
      });
      return true;
    },
  };
}
