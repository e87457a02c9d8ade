// The exhibits of the virtual museum, each made by code from simple three.js shapes: which builder makes each kind
// of object, and the one call the viewer makes. The builders live in exhibits/, a file per kind of object a
// curator would name (boats, ceramics, sea life, artillery…), on the shared parts in exhibits/shared/ (palette,
// primitive shapes, rocks, hulls, display cases). Every model stands on y = 0, centred on x and z, faces +z and
// fits the box its size gives (metres); the parts go through ModelBuilder, which merges them into one
// vertex-coloured mesh (and one of glass). Variety (where rocks sit, how stakes lean) comes from a small seeded
// generator, so a model is the same every time.
import { bronzeDrum, stakeField, stoneToolCase } from './exhibits/archaeology';
import { antiAircraftGun, cannon, missileLauncher } from './exhibits/artillery';
import { fishingBoat, sailingBoatModel } from './exhibits/boats';
import { lotusBox, pagodaModel, statue, stele } from './exhibits/buddhist-heritage';
import { ceramics } from './exhibits/ceramics';
import { helmet, mineCart, mineLamp } from './exhibits/coal-mining';
import { diorama } from './exhibits/dioramas';
import { anthraciteBlock, mineralCase, rockSpecimen } from './exhibits/geology';
import { mapTable, photoPanel } from './exhibits/maps-and-panels';
import { barrelDrum, costume, lute, textile } from './exhibits/peoples-cultures';
import { animalModel, plantCase } from './exhibits/plants-and-animals';
import { rack } from './exhibits/racks';
import { coralReef, fishCase, shellCase } from './exhibits/sea-life';
import type { ExhibitBuilder, ModelKind, ModelSize } from './exhibits/shared/exhibit-builder';
import { whaleSkeleton } from './exhibits/whale-skeleton';
import type { ModelBuilder } from './parts';

export type { ModelKind, ModelSize } from './exhibits/shared/exhibit-builder';

/** The builder of every kind of model the content may name: a kind without one does not compile. */
const exhibitBuilders: Record<ModelKind, ExhibitBuilder> = {
  'whale-skeleton': whaleSkeleton,
  'boat-model': sailingBoatModel,
  'stake-field': stakeField,
  jar: (builder, size) => ceramics(builder, 'jar', size),
  vase: (builder, size) => ceramics(builder, 'vase', size),
  bowl: (builder, size) => ceramics(builder, 'bowl', size),
  box: lotusBox,
  'stone-block': anthraciteBlock,
  'rock-specimen': rockSpecimen,
  'mineral-case': mineralCase,
  coral: coralReef,
  'shell-case': shellCase,
  'fish-case': fishCase,
  'plant-case': plantCase,
  'animal-model': animalModel,
  'stone-tool': stoneToolCase,
  'bronze-drum': bronzeDrum,
  'pagoda-model': pagodaModel,
  statue,
  stele,
  costume,
  textile,
  tool: (builder, size) => rack(builder, size, 'tools'),
  weapon: (builder, size) => rack(builder, size, 'weapons'),
  cannon,
  'anti-aircraft-gun': antiAircraftGun,
  'missile-launcher': missileLauncher,
  'mine-cart': mineCart,
  'mine-lamp': mineLamp,
  helmet,
  diorama,
  'map-table': mapTable,
  'photo-panel': photoPanel,
  boat: fishingBoat,
  drum: barrelDrum,
  instrument: lute,
};

/**
 * Builds an exhibit's model into `builder`: standing on y = 0, centred on x and z, facing +z, inside the box
 * `size` (metres). The whale skeleton, which the runtime hangs from the ceiling, is centred in its box.
 * `variant` tells apart objects of one kind and size (the costumes of different peoples); the same inputs
 * always build the same model.
 */
export function buildExhibitModel(
  kind: ModelKind,
  size: ModelSize,
  builder: ModelBuilder,
  variant = 0,
): void {
  if (!(size.width > 0 && size.height > 0 && size.depth > 0)) {
    throw new RangeError(`an exhibit model needs a positive size, not ${JSON.stringify(size)}`);
  }
  // The kind comes from stored content at run time: only the registry's own keys name a builder.
  if (!Object.hasOwn(exhibitBuilders, kind)) {
    throw new Error(`no model for the exhibit kind ${String(kind)}`);
  }
  exhibitBuilders[kind](builder, size, variant);
}
