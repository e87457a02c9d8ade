// Where each plate of a floor is drawn in the floor's wall texture: plates packed on shelves into at most two
// square pages of 2048 pixels (each page one texture and one draw call), every plate drawn as finely as it asks
// if they fit, all a little coarser if not. Plain arithmetic, so the unit tests check the budget in Node.

export const PAGE_SIZE = 2048;
export const MAX_PAGES = 2;
/** Pixels of a plate's own ground around its slot, so a neighbour's colour never bleeds in when mipmapped. */
export const BLEED = 3;

export interface PlateSize {
  width: number;
  height: number;
  pixelsPerMetre: number;
}

export interface AtlasSlot {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AtlasLayout {
  slots: AtlasSlot[];
  /** Each page's height in pixels (its width is PAGE_SIZE): no taller than its plates need. */
  pageHeights: number[];
  /** The share of each plate's asked-for density it got. */
  scale: number;
}

function pack(plates: PlateSize[], scale: number): AtlasLayout {
  const sizes = plates.map((plate) => {
    const ideal = plate.pixelsPerMetre * scale;
    // A plate wider than a page is drawn more coarsely, to fit.
    const density = Math.min(ideal, (PAGE_SIZE - BLEED * 2) / plate.width);
    return { width: Math.round(plate.width * density), height: Math.round(plate.height * density) };
  });
  const order = sizes
    .map((_, index) => index)
    .sort((a, b) => (sizes[b]?.height ?? 0) - (sizes[a]?.height ?? 0) || a - b);
  const slots: AtlasSlot[] = new Array(plates.length);
  const pageHeights: number[] = [0];
  let x = 0;
  let shelfY = 0;
  let shelfHeight = 0;
  for (const index of order) {
    const size = sizes[index] ?? { width: 0, height: 0 };
    const outerWidth = size.width + BLEED * 2;
    const outerHeight = size.height + BLEED * 2;
    if (x + outerWidth > PAGE_SIZE) {
      shelfY += shelfHeight;
      x = 0;
      shelfHeight = 0;
    }
    if (shelfY + outerHeight > PAGE_SIZE) {
      pageHeights.push(0);
      shelfY = 0;
      x = 0;
      shelfHeight = 0;
    }
    const page = pageHeights.length - 1;
    slots[index] = { page, x: x + BLEED, y: shelfY + BLEED, width: size.width, height: size.height };
    x += outerWidth;
    shelfHeight = Math.max(shelfHeight, outerHeight);
    pageHeights[page] = Math.max(pageHeights[page] ?? 0, shelfY + outerHeight);
  }
  return { slots, pageHeights, scale };
}

/** Packs the plates, as finely as they ask if they fit in the pages, else each time a tenth more coarsely. */
export function packPlates(plates: PlateSize[]): AtlasLayout {
  let layout = pack(plates, 1);
  while (layout.pageHeights.length > MAX_PAGES) layout = pack(plates, layout.scale * 0.9);
  return layout;
}
