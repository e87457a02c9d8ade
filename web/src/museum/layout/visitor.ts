// The visitor's body as the plans see it: the height of their eyes and how close they may come to a wall or
// an object.

/** How high above the floor the visitor's eyes are (metres). */
export const EYE_HEIGHT = 1.6;
/** How close to a wall or an object the visitor may come (the camera's radius). */
export const BODY_RADIUS = 0.35;

/** The camera's vertical field of view on a landscape screen (degrees). */
export const VERTICAL_FIELD_OF_VIEW = 60;
/** The least the visitor sees from side to side, on any screen (degrees): a room's exhibits from its entrance. */
const LEAST_HORIZONTAL_FIELD_OF_VIEW = 70;
/** The most the vertical field of view may open to on a tall, narrow screen (degrees). */
const MOST_VERTICAL_FIELD_OF_VIEW = 90;

/**
 * The vertical field of view for a view `aspect` wide (width over height): 60° on a landscape screen; on a phone
 * held upright, wider, so the visitor still sees about 70° from side to side (at 60° a room's entrance showed one
 * or two of its exhibits), up to 90°.
 */
export function verticalFieldOfView(aspect: number): number {
  if (!(aspect > 0)) return VERTICAL_FIELD_OF_VIEW;
  const half = (degrees: number) => Math.tan((degrees * Math.PI) / 360);
  const needed = (2 * Math.atan(half(LEAST_HORIZONTAL_FIELD_OF_VIEW) / aspect) * 180) / Math.PI;
  return Math.min(MOST_VERTICAL_FIELD_OF_VIEW, Math.max(VERTICAL_FIELD_OF_VIEW, needed));
}
