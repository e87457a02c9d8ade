// How the visitor moves: their place on the floor and the way they look (yaw and pitch), walking a path
// around walls and objects to a clicked spot or an exhibit, turning toward what they came to see, steered by
// the keys and by dragging — or, for visitors who prefer reduced motion, cut straight to where they are going.
import type { Vector3 } from 'three';
import { EYE_HEIGHT } from '../layout/visitor';
import type { WalkableFloor } from '../layout/walkable-floor';

export type Steering = 'forward' | 'back' | 'left' | 'right';

const WALK_SPEED = 4; // metres a second, on the keys
const TURN_SPEED = 1.6; // radians a second, on the keys
const MAX_PITCH = 1.1;

/** The yaw that looks along (dx, dz): the camera looks down −z when its yaw is 0. */
export const yawToward = (dx: number, dz: number) => Math.atan2(-dx, -dz);

function angleBetween(from: number, to: number): number {
  return Math.atan2(Math.sin(to - from), Math.cos(to - from));
}

export class VisitorMotion {
  x = 0;
  z = 0;
  yaw = 0;
  pitch = 0;
  /** The turns still to walk, and what to look at on arriving. */
  private path: [number, number][] = [];
  private lookAt: { x: number; y: number; z: number } | null = null;

  constructor(private walkable: WalkableFloor) {}

  /** Another floor: the visitor arrives there at once. */
  enterFloor(
    walkable: WalkableFloor,
    at: readonly [number, number],
    look: { x: number; y: number; z: number },
  ): void {
    this.walkable = walkable;
    this.cutTo(at, look);
  }

  cutTo(at: readonly [number, number], look: { x: number; y: number; z: number } | null): void {
    const standing = this.walkable.nearestStanding(at[0], at[1]) ?? [at[0], at[1]];
    [this.x, this.z] = standing;
    this.path = [];
    this.lookAt = null;
    if (look) this.face(look, 1);
  }

  /** Walks to a place (around walls and objects), then turns to `look`; cuts when `glide` is false or no way leads there. */
  goTo(
    to: readonly [number, number],
    look: { x: number; y: number; z: number } | null,
    glide: boolean,
  ): void {
    const standing = this.walkable.nearestStanding(to[0], to[1]);
    if (!standing) return;
    const path = glide ? this.walkable.path([this.x, this.z], standing) : null;
    if (!path) {
      this.cutTo(standing, look);
      return;
    }
    this.path = path.slice(1);
    this.lookAt = look;
  }

  /** Dragging to look around: stops any turn toward an exhibit (the walk itself goes on). */
  turnBy(yaw: number, pitch: number): void {
    this.lookAt = null;
    this.yaw += yaw;
    this.pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, this.pitch + pitch));
  }

  update(delta: number, held: ReadonlySet<Steering>): void {
    // A slow frame (a weak phone, a software renderer) moves further, not slower; a stalled one not too far.
    const step = Math.min(delta, 0.25);
    if (held.size > 0) {
      // The keys take over from any walk under way.
      this.path = [];
      this.lookAt = null;
      this.yaw += ((held.has('left') ? 1 : 0) - (held.has('right') ? 1 : 0)) * TURN_SPEED * step;
      const move = ((held.has('forward') ? 1 : 0) - (held.has('back') ? 1 : 0)) * WALK_SPEED * step;
      const to: [number, number] = [this.x - Math.sin(this.yaw) * move, this.z - Math.cos(this.yaw) * move];
      [this.x, this.z] = this.walkable.step([this.x, this.z], to);
      this.pitch *= 1 - Math.min(1, step * 2);
      return;
    }
    const next = this.path[0];
    if (next) {
      const remaining = this.path.reduce((sum, point, index) => {
        const previous = index === 0 ? [this.x, this.z] : (this.path[index - 1] as [number, number]);
        return sum + Math.hypot(point[0] - (previous[0] as number), point[1] - (previous[1] as number));
      }, 0);
      // Short walks at a walking pace, long ones faster: no glide takes much more than two seconds.
      const speed = Math.max(WALK_SPEED, Math.min(14, remaining / 1.6));
      const dx = next[0] - this.x;
      const dz = next[1] - this.z;
      const distance = Math.hypot(dx, dz);
      if (distance <= speed * step) {
        [this.x, this.z] = next;
        this.path.shift();
      } else {
        this.x += (dx / distance) * speed * step;
        this.z += (dz / distance) * speed * step;
      }
      // Looking where one goes, until the last stretch, then at what one came for.
      if (distance > 0.3 && (this.path.length > 1 || !this.lookAt)) {
        this.yaw += angleBetween(this.yaw, yawToward(dx, dz)) * Math.min(1, step * 5);
        this.pitch *= 1 - Math.min(1, step * 3);
        return;
      }
    }
    if (this.lookAt) {
      const settled = this.face(this.lookAt, Math.min(1, step * 4));
      if (settled && this.path.length === 0) this.lookAt = null;
    }
  }

  /** Turns a share of the way toward a point; true once facing it. */
  private face(point: { x: number; y: number; z: number }, share: number): boolean {
    const dx = point.x - this.x;
    const dz = point.z - this.z;
    const yaw = Math.hypot(dx, dz) < 0.01 ? this.yaw : yawToward(dx, dz);
    const pitch = Math.atan2(point.y - EYE_HEIGHT, Math.max(0.01, Math.hypot(dx, dz)));
    const yawLeft = angleBetween(this.yaw, yaw);
    this.yaw += yawLeft * share;
    this.pitch += (pitch - this.pitch) * share;
    return Math.abs(yawLeft) < 0.01 && Math.abs(pitch - this.pitch) < 0.01;
  }

  /** Places the camera where the visitor stands, looking their way. */
  applyTo(camera: {
    position: Vector3;
    rotation: { set: (x: number, y: number, z: number, order: 'YXZ') => unknown };
  }): void {
    camera.position.set(this.x, EYE_HEIGHT, this.z);
    camera.rotation.set(this.pitch, this.yaw, 0, 'YXZ');
  }
}
