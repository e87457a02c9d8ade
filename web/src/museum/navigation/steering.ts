// Steering by hand: the arrow keys or WASD walk and turn while held, Escape lets go of what is open, and dragging
// on the view looks around (the world follows the pointer); a short press is a click, not a drag.
import { type KeyboardEvent, type PointerEvent, type RefObject, useRef } from 'react';
import type { Steering, VisitorMotion } from './visitor-motion';

/** A pointer that moved this far between press and release was dragging the view, not clicking. */
export const CLICK_TOLERANCE = 8;

function keyAction(key: string): Steering | null {
  switch (key.toLowerCase()) {
    case 'arrowup':
    case 'w':
      return 'forward';
    case 'arrowdown':
    case 's':
      return 'back';
    case 'arrowleft':
    case 'a':
      return 'left';
    case 'arrowright':
    case 'd':
      return 'right';
    default:
      return null;
  }
}

/**
 * The keys held down (read by the render loop) and the handlers the focused 3D view takes them from, with the
 * pointer's drags. `onEscape` closes whatever the visitor has open.
 */
export function useSteering(motion: RefObject<VisitorMotion | null>, onEscape: () => void) {
  const heldKeys = useRef<Set<Steering>>(new Set());
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  const handlers = {
    onKeyDown: (event: KeyboardEvent) => {
      const action = keyAction(event.key);
      if (action) {
        event.preventDefault();
        heldKeys.current.add(action);
      } else if (event.key === 'Escape') {
        onEscape();
      }
    },
    onKeyUp: (event: KeyboardEvent) => {
      const action = keyAction(event.key);
      if (action) heldKeys.current.delete(action);
    },
    onBlur: () => heldKeys.current.clear(),
    onPointerDown: (event: PointerEvent) => {
      drag.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
    },
    onPointerMove: (event: PointerEvent) => {
      const start = drag.current;
      if (!start || start.id !== event.pointerId || !motion.current) return;
      if (event.buttons === 0 && event.pointerType === 'mouse') {
        drag.current = null;
        return;
      }
      motion.current.turnBy((event.clientX - start.x) * 0.005, (event.clientY - start.y) * 0.004);
      drag.current = { ...start, x: event.clientX, y: event.clientY };
    },
    onPointerUp: () => {
      drag.current = null;
    },
    onPointerCancel: () => {
      drag.current = null;
    },
  };
  return { heldKeys, handlers };
}
