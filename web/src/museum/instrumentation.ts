// window.__museum: what automated checks read from the 3D page (is the first frame drawn, what it costs).
export interface MuseumInstrumentation {
  /** True once the first frame with the lobby has been drawn. */
  ready: boolean;
  drawCalls: number;
  triangles: number;
  textures: number;
  /** The exhibit in front of the visitor, or null. */
  currentExhibit: string | null;
}

declare global {
  interface Window {
    __museum: MuseumInstrumentation;
  }
}

export function instrumentation(): MuseumInstrumentation {
  window.__museum ??= { ready: false, drawCalls: 0, triangles: 0, textures: 0, currentExhibit: null };
  return window.__museum;
}
