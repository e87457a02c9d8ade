// Drawing done aside from the view (a shadow baked, a sky's light prefiltered) must not show in the view's own
// counters: three's renderer.info counts each render() call and resets at the next, so a bake between two frames
// would report its one draw call as the view's. The view's counts are put back after it.
import type { WebGLRenderer } from 'three';

export function uncounted<T>(renderer: WebGLRenderer, draw: () => T): T {
  const { calls, triangles, points, lines, frame } = renderer.info.render;
  try {
    return draw();
  } finally {
    Object.assign(renderer.info.render, { calls, triangles, points, lines, frame });
  }
}
