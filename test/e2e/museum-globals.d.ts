// The 3D page's instrumentation, as the browser tests read it.
declare global {
  interface Window {
    __museum: {
      ready: boolean;
      drawCalls: number;
      triangles: number;
      textures: number;
      currentExhibit: string | null;
      position: [number, number, number];
    };
  }
}

export {};
