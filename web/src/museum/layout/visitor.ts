// The visitor's body as the plans see it: the height of their eyes and how close they may come to a wall or
// an object.

/** How high above the floor the visitor's eyes are (metres). */
export const EYE_HEIGHT = 1.6;
/** How close to a wall or an object the visitor may come (the camera's radius). */
export const BODY_RADIUS = 0.35;
