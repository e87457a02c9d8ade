// Reads QR codes from the phone's back camera: the browser's own BarcodeDetector where it has one, otherwise
// jsQR (pure JavaScript, loaded only then) on frames drawn to a canvas.

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** A function reading the QR code in the video's current frame, or null when there is none. */
type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

async function frameReader(): Promise<FrameReader> {
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (Detector) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

const FRAME_INTERVAL_MS = 200;
/** The same code seen again within this time is the same ticket still in front of the camera. */
const REPEAT_AFTER_MS = 4000;

/**
 * Starts the camera into `video` and calls `onCode` with each code read; resolves to a function that stops the
 * camera. Rejects when no camera can be used (none, or permission refused).
 */
export async function startQrScanning(
  video: HTMLVideoElement,
  onCode: (code: string) => void,
): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  const read = await frameReader();
  let stopped = false;
  let last = { code: '', at: 0 };
  const tick = async () => {
    if (stopped) return;
    try {
      const code = await read(video);
      const now = Date.now();
      if (code && (code !== last.code || now - last.at > REPEAT_AFTER_MS)) onCode(code);
      if (code) last = { code, at: now };
    } catch {
      // A frame that cannot be read (the video not ready yet): the next one is tried.
    }
    if (!stopped) setTimeout(tick, FRAME_INTERVAL_MS);
  };
  void tick();
  return () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}
