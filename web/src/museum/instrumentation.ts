// window.__museum: what automated checks read from the 3D page (is the first frame drawn, what it costs).
export interface MuseumInstrumentation {
  /** True once the first frame with the lobby has been drawn. */
  ready: boolean;
  drawCalls: number;
  triangles: number;
  textures: number;
  /** The exhibit in front of the visitor, or null. */
  currentExhibit: string | null;
  /** Where the visitor's eye is, in metres (x, y, z). */
  position: [number, number, number];
}

declare global {
  interface Window {
    __museum: MuseumInstrumentation;
  }
}

export function instrumentation(): MuseumInstrumentation {
  window.__museum ??= {
    ready: false,
    drawCalls: 0,
    triangles: 0,
    textures: 0,
    currentExhibit: null,
    position: [0, 0, 0],
  };
  return window.__museum;
}
