// The 3D museum: the floors of the Quảng Ninh Museum (their architecture fetched per floor as compressed glTF,
// the lobby first), every exhibit of the content API made by code and placed in its room, with labels. Visitors
// click the floor to walk, click an exhibit to face it and read its panel, drag to look, use the keys, take the
// lift, jump through the floor plan, search, or follow a guided tour; window.__museum reports what a frame costs.
// This component only lays the parts out and wires them: the scene (scene/), moving about (navigation/), the
// exhibit's panel and closer look (panels/) and the guided tours (tours/) each own their concern.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Language } from '../../../functions/platform/language';
import type { ViewerExhibit, ViewerRoom } from './content';
import { instrumentation } from './instrumentation';
import { floorPlans } from './layout/floor-plans';
import { placeAll } from './layout/placement';
import { FloorExhibitList, type FloorExhibitListText } from './navigation/FloorExhibitList';
import { LiftPanel, type LiftPanelText } from './navigation/LiftPanel';
import { Minimap, type MinimapHandle, type MinimapText } from './navigation/Minimap';
import { MuseumSearch, type SearchText } from './navigation/MuseumSearch';
import { useSteering } from './navigation/steering';
import { useVisitorTravel } from './navigation/travel';
import { ExhibitPanel, type ExhibitPanelText } from './panels/ExhibitPanel';
import { ObjectViewer, type ObjectViewerText } from './panels/ObjectViewer';
import { variantsOf } from './scene/exhibit-display';
import { MuseumScene } from './scene/MuseumScene';
import { TourControls, type TourListItem, type TourText } from './tours/TourControls';

export interface ViewerText
  extends ExhibitPanelText,
    MinimapText,
    SearchText,
    TourText,
    ObjectViewerText,
    LiftPanelText,
    FloorExhibitListText {
  /** What the 3D view says of itself to a screen reader, with its keys. */
  viewLabel: string;
  loading: string;
  lift: string;
}

export interface MuseumViewerProps {
  exhibits: ViewerExhibit[];
  rooms: ViewerRoom[];
  tours: TourListItem[];
  text: ViewerText;
  language: Language;
  initial: string | null;
  /** Told every time the visitor faces another exhibit (or none): the address bar, the visit statistics. */
  onFocusChange?: (exhibitId: string | null) => void;
  onTourEvent: (event: 'tour-started' | 'tour-completed', tourId: string) => void;
}

export function MuseumViewer({
  exhibits,
  rooms,
  tours,
  text,
  language,
  initial,
  onFocusChange,
  onTourEvent,
}: MuseumViewerProps) {
  const placements = useMemo(() => placeAll(exhibits), [exhibits]);
  const visit = useVisitorTravel(exhibits, placements, initial);
  const { floor, loaded, focus, goToExhibit, goToFloor, closeLift, stopFacing } = visit;
  const [closerLook, setCloserLook] = useState(false);
  const minimap = useRef<MinimapHandle>(null);
  const steering = useSteering(visit.motion, () => {
    stopFacing();
    closeLift();
  });
  const selected = exhibits.find((exhibit) => exhibit.id === focus) ?? null;
  const roomNames = useMemo(() => new Map(rooms.map((room) => [room.id, room.name])), [rooms]);
  const exhibitRooms = useMemo(
    () => new Map(exhibits.map((exhibit) => [exhibit.id, exhibit.roomId])),
    [exhibits],
  );
  const exhibitIds = useMemo(() => new Set(exhibits.map((exhibit) => exhibit.id)), [exhibits]);
  const variants = useMemo(() => variantsOf(exhibits), [exhibits]);

  useEffect(() => {
    instrumentation().currentExhibit = focus;
    onFocusChange?.(focus);
  }, [focus, onFocusChange]);

  const onFloorExhibits = useMemo(
    () => (loaded ? exhibits.filter((exhibit) => placements.get(exhibit.id)?.floor === loaded.floor) : []),
    [exhibits, placements, loaded],
  );

  return (
    <div className="museum-viewer">
      <div className="museum-view-column">
        {/* The 3D view takes the keyboard when focused: arrows or WASD walk and turn, Escape closes the panel. */}
        <div
          className="museum-canvas"
          role="application"
          aria-label={text.viewLabel}
          aria-busy={!loaded}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: an ARIA application that takes the keyboard when focused (walking, turning, Escape).
          tabIndex={0}
          {...steering.handlers}
        >
          <MuseumScene
            visit={visit}
            exhibits={onFloorExhibits}
            placements={placements}
            variants={variants}
            rooms={rooms}
            roomNames={roomNames}
            language={language}
            heldKeys={steering.heldKeys}
            minimap={minimap}
          />
          {!loaded && (
            <p className="museum-loading" role="status">
              {visit.failed ? text.loading : `${text.loading} ${floorPlans[floor].name[language]}…`}
            </p>
          )}
          {visit.liftOpen && (
            <LiftPanel language={language} text={text} onFloor={goToFloor} onClose={closeLift} />
          )}
          {selected && (
            <ExhibitPanel
              exhibit={selected}
              roomName={roomNames.get(selected.roomId)}
              language={language}
              text={text}
              onCloserLook={() => setCloserLook(true)}
              onClose={stopFacing}
            />
          )}
        </div>
        {selected && closerLook && (
          <ObjectViewer
            variant={variants.get(selected.id) ?? 0}
            title={selected.title}
            kind={selected.kind}
            size={selected.size}
            text={text}
            onClose={() => setCloserLook(false)}
          />
        )}
      </div>
      <aside className="museum-sidebar">
        <MuseumSearch
          language={language}
          text={text}
          roomNames={roomNames}
          exhibitRooms={exhibitRooms}
          onChoose={goToExhibit}
        />
        <Minimap
          ref={minimap}
          floor={floor}
          language={language}
          roomNames={roomNames}
          text={text}
          onRoom={visit.goToRoom}
          onFloor={goToFloor}
        />
        <FloorExhibitList exhibits={onFloorExhibits} focus={focus} text={text} onChoose={goToExhibit} />
        <TourControls
          tours={tours}
          exhibitIds={exhibitIds}
          language={language}
          text={text}
          onStop={goToExhibit}
          onTourEvent={onTourEvent}
        />
      </aside>
    </div>
  );
}
