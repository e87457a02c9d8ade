// What every exhibit builder works with: the kinds of model the content names, and the box (metres) a model fills.
import type { modelKinds } from '../../../../../../functions/museum/model';
import type { ModelBuilder } from '../../parts';

export type ModelKind = (typeof modelKinds)[number];

export interface ModelSize {
  width: number;
  height: number;
  depth: number;
}

/**
 * Builds one kind of exhibit into `builder`, standing on y = 0, centred on x and z, facing +z, inside the box
 * `size`. `variant` tells apart objects of one kind and size (the costumes of different peoples).
 */
export type ExhibitBuilder = (builder: ModelBuilder, size: ModelSize, variant: number) => void;
