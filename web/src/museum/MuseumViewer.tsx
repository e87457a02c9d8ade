// The 3D museum: the floors of the Quảng Ninh Museum (their architecture fetched per floor as compressed glTF,
// the lobby first), every exhibit of the content API made by code and placed in its room, with labels. Visitors
// click the floor to walk, click an exhibit to face it and read its panel, drag to look, use the keys, take the
// lift, jump through the floor plan, search, or follow a guided tour; window.__museum reports what a frame costs.
// The exhibit's panel heads the side bar, beside the view (below it on a phone), so it never hides the exhibit.
// This component only lays the parts out and wires them: the scene (scene/), moving about (navigation/), the
// exhibit's panel and closer look (panels/) and the guided tours (tours/) each own their concern.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Language } from '../../../functions/platform/language';
import type { ViewerExhibit, ViewerRoom } from './content';
import { instrumentation } from './instrumentation';
import { floorPlans } from './layout/floor-plans';
import { placeAll } from './layout/placement';
import { FloorExhibitList, type FloorExhibitListText } from './navigation/FloorExhibitList';
import { LiftPanel, type LiftPanelText } from './navigation/LiftPanel';
import { Minimap, type MinimapHandle, type MinimapText, type PlanExhibit } from './navigation/Minimap';
import { MuseumSearch, type SearchText } from './navigation/MuseumSearch';
import { useSteering } from './navigation/steering';
import { useVisitorTravel } from './navigation/travel';
import { ExhibitPanel, type ExhibitPanelText } from './panels/ExhibitPanel';
import { ObjectViewer, type ObjectViewerText } from './panels/ObjectViewer';
import { variantsOf } from './scene/exhibit-display';
import { MuseumScene } from './scene/MuseumScene';
import { chooseQuality, type Quality } from './scene/quality';
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

/**
 * Scrolls the page no more than it takes for the whole panel to show; the keyboard's focus stays on the button
 * that chose. At once: the page's smooth scrolling can stall while the 3D view keeps the browser busy.
 */
function scrollPanelIntoSight(panel: HTMLElement | null): void {
  panel?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
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
  const panel = useRef<HTMLElement>(null);
  // Set when the visitor chooses an exhibit beside the view: its panel is then scrolled into sight, where the
  // page may have been scrolled down to the list. Not on arriving through a link, nor as a tour moves on.
  const revealPanel = useRef(false);
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
  // The drawing's level is chosen once, before the first frame (while the first floor downloads).
  const [quality, setQuality] = useState<Quality | null>(null);
  useEffect(() => {
    void chooseQuality().then((chosen) => {
      instrumentation().quality = chosen;
      setQuality(chosen);
    });
  }, []);

  useEffect(() => {
    instrumentation().currentExhibit = focus;
    onFocusChange?.(focus);
  }, [focus, onFocusChange]);

  useEffect(() => {
    if (!focus || !revealPanel.current) return;
    revealPanel.current = false;
    scrollPanelIntoSight(panel.current);
  }, [focus]);

  const chooseExhibit = useCallback(
    (id: string) => {
      revealPanel.current = true;
      if (id === focus) scrollPanelIntoSight(panel.current);
      goToExhibit(id);
    },
    [focus, goToExhibit],
  );

  const onFloorExhibits = useMemo(
    () => (loaded ? exhibits.filter((exhibit) => placements.get(exhibit.id)?.floor === loaded.floor) : []),
    [exhibits, placements, loaded],
  );
  const planExhibits = useMemo<PlanExhibit[]>(
    () =>
      exhibits.flatMap((exhibit) => {
        const placement = placements.get(exhibit.id);
        if (placement?.floor !== floor) return [];
        const [x, , z] = placement.at;
        const { width, depth } = exhibit.size;
        return [{ id: exhibit.id, x, z, width, depth, rotationY: placement.rotationY }];
      }),
    [exhibits, placements, floor],
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
          {quality && (
            <MuseumScene
              quality={quality}
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
          )}
          {!loaded && (
            <p className="museum-loading" role="status">
              {visit.failed ? text.loading : `${text.loading} ${floorPlans[floor].name[language]}…`}
            </p>
          )}
          {visit.liftOpen && (
            <LiftPanel language={language} text={text} onFloor={goToFloor} onClose={closeLift} />
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
        {selected && (
          <ExhibitPanel
            ref={panel}
            exhibit={selected}
            roomName={roomNames.get(selected.roomId)}
            language={language}
            text={text}
            onCloserLook={() => setCloserLook(true)}
            onClose={stopFacing}
          />
        )}
        <MuseumSearch
          language={language}
          text={text}
          roomNames={roomNames}
          exhibitRooms={exhibitRooms}
          onChoose={chooseExhibit}
        />
        <Minimap
          ref={minimap}
          floor={floor}
          exhibits={planExhibits}
          language={language}
          roomNames={roomNames}
          text={text}
          onRoom={visit.goToRoom}
          onFloor={goToFloor}
        />
        <FloorExhibitList exhibits={onFloorExhibits} focus={focus} text={text} onChoose={chooseExhibit} />
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
