// window.__museum: what automated checks read from the 3D page (is the first frame drawn, what it costs).
export interface MuseumInstrumentation {
  /** True once the first frame with the lobby has been drawn. */
  ready: boolean;
  /**
   * True once the floor shown is complete: a floor arrives in stages after its first frame (its wall graphics,
   * labels and shadows), and a floor being fetched is not settled.
   */
  settled: boolean;
  drawCalls: number;
  triangles: number;
  textures: number;
  /** Shader programs compiled and kept (each new one stalls a frame while it compiles). */
  programs: number;
  /** The exhibit in front of the visitor, or null. */
  currentExhibit: string | null;
  /** Where the visitor's eye is, in metres (x, y, z). */
  position: [number, number, number];
  /** The floor the visitor is on (0 the entrance hall, −1 outdoors). */
  floor: number;
  /** Which way the visitor looks, in radians about the vertical (0: toward −z). */
  yaw: number;
  /** The exhibits whose middle is in the camera's view and within 30 m, nearest first. */
  inView: string[];
  /** The drawing's level: full, or light on weak GPUs. */
  quality: 'full' | 'light' | null;
  /** The object viewer, while it is open: the kind of model it shows, whether it is lit and its shadow baked. */
  viewer: { kind: string; lit: boolean; shadow: boolean } | null;
}

declare global {
  interface Window {
    __museum: MuseumInstrumentation;
  }
}

export function instrumentation(): MuseumInstrumentation {
  window.__museum ??= {
    ready: false,
    settled: false,
    drawCalls: 0,
    triangles: 0,
    textures: 0,
    programs: 0,
    currentExhibit: null,
    position: [0, 0, 0],
    floor: 0,
    yaw: 0,
    inView: [],
    quality: null,
    viewer: null,
  };
  return window.__museum;
}
