// The floor plan: the rooms of the floor the visitor is on, its exhibits and lift, where the visitor stands and
// which way they look, the floors to choose from; a room clicked (on the plan or in the list) is where they go.

import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { Language } from '../../../../functions/platform/language';
import { type FloorId, type FloorPlan, floorIds, floorPlans } from '../layout/floor-plans';

export interface MinimapHandle {
  /** Moves the visitor's marker: called from the render loop, without re-rendering the plan. */
  showVisitor(x: number, z: number, yaw: number): void;
}

export interface MinimapText {
  plan: string;
  floors: string;
  rooms: string;
}

/** An exhibit as the plan draws it: its footprint on the floor, turned as it stands. */
export interface PlanExhibit {
  id: string;
  x: number;
  z: number;
  width: number;
  depth: number;
  rotationY: number;
}

/** Small objects are drawn at least this wide (metres), so every exhibit shows as a mark on the plan. */
const SMALLEST_MARK = 0.9;

interface MinimapProps {
  floor: FloorId;
  /** The exhibits of the floor shown, drawn over its rooms. */
  exhibits: PlanExhibit[];
  language: Language;
  roomNames: Map<string, string>;
  text: MinimapText;
  onRoom: (roomId: string) => void;
  onFloor: (floor: FloorId) => void;
}

function AreaShape({ plan, index }: { plan: FloorPlan; index: number }) {
  const area = plan.areas[index];
  if (!area) return null;
  const className = `minimap-${area.kind}`;
  if ('rect' in area.shape) {
    const [x1, z1, x2, z2] = area.shape.rect;
    return <rect className={className} x={x1} y={z1} width={x2 - x1} height={z2 - z1} />;
  }
  const [cx, cz, radius] = area.shape.circle;
  return <circle className={className} cx={cx} cy={cz} r={radius} />;
}

export const Minimap = forwardRef<MinimapHandle, MinimapProps>(function Minimap(
  { floor, exhibits, language, roomNames, text, onRoom, onFloor },
  handle,
) {
  const marker = useRef<SVGGElement>(null);
  useImperativeHandle(handle, () => ({
    showVisitor(x, z, yaw) {
      // The plan's y axis is the floor's z axis; a yaw of 0 looks toward −z, up the plan.
      marker.current?.setAttribute(
        'transform',
        `translate(${x.toFixed(2)} ${z.toFixed(2)}) rotate(${((-yaw * 180) / Math.PI).toFixed(1)})`,
      );
    },
  }));
  const plan = floorPlans[floor];
  const [x1, z1, x2, z2] = plan.bounds;
  const rooms = plan.areas.filter((area) => area.room);
  const [liftX, liftZ] = plan.lift.at;
  return (
    <section className="museum-minimap" aria-label={text.plan}>
      <fieldset className="museum-floors">
        <legend className="visually-hidden">{text.floors}</legend>
        {floorIds.map((id) => (
          <button
            key={id}
            type="button"
            className="museum-chip"
            aria-pressed={id === floor}
            onClick={() => onFloor(id)}
          >
            {floorPlans[id].name[language]}
          </button>
        ))}
      </fieldset>
      {/* The drawn plan is for pointing; the list of rooms below says the same to keyboards and screen readers. */}
      <svg viewBox={`${x1} ${z1} ${x2 - x1} ${z2 - z1}`} aria-hidden="true" data-testid="minimap">
        {plan.areas.map((area, index) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the room buttons below are the accessible way.
          <g
            key={`${area.kind}-${area.room ?? index}`}
            onClick={() => area.room && onRoom(area.room)}
            className={area.room ? 'minimap-room' : undefined}
          >
            <AreaShape plan={plan} index={index} />
          </g>
        ))}
        {exhibits.map((exhibit) => {
          const width = Math.max(exhibit.width, SMALLEST_MARK);
          const depth = Math.max(exhibit.depth, SMALLEST_MARK);
          // Turning by rotationY about the vertical axis is turning by −rotationY on the plan, whose y axis is z.
          const degrees = (-exhibit.rotationY * 180) / Math.PI;
          return (
            <rect
              key={exhibit.id}
              className="minimap-exhibit"
              x={-width / 2}
              y={-depth / 2}
              width={width}
              height={depth}
              transform={`translate(${exhibit.x} ${exhibit.z}) rotate(${degrees.toFixed(1)})`}
            />
          );
        })}
        <rect className="minimap-lift" x={liftX - 1.25} y={liftZ - 1.25} width={2.5} height={2.5} />
        <g ref={marker} className="minimap-visitor">
          <path d="M0 -1.6 L1 0.9 L0 0.4 L-1 0.9 Z" />
        </g>
      </svg>
      <ul className="museum-rooms" aria-label={text.rooms}>
        {rooms.map((area) => (
          <li key={area.room}>
            <button type="button" className="museum-chip" onClick={() => area.room && onRoom(area.room)}>
              {roomNames.get(area.room ?? '') ?? area.room}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
