// The museum's materials: one physically based material per finish, shared by every exhibit and every floor,
// so a program compiled for the entrance hall serves floor 3 too and nothing is compiled again on the way
// (the lift's wait late in a visit was programs and materials made anew). Each material's colour comes from
// the part's vertices; its texture, generated (finish-textures.ts), adds grain, patina, crackle or weave.
import {
  DataTexture,
  DoubleSide,
  LinearMipmapLinearFilter,
  type Material,
  MeshBasicMaterial,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  type MeshStandardMaterialParameters,
  RepeatWrapping,
  SRGBColorSpace,
  type Texture,
} from 'three';
import type { Finish } from '../geometry/finishes';
import { generatePattern, TEXTURE_SIZE, type TexturePattern } from './finish-textures';
import { quality } from './quality';

interface FinishLook {
  roughness: number;
  metalness: number;
  pattern?: TexturePattern;
  /** How strongly the pattern's height bumps the surface. */
  bump?: number;
  /** Glazed ceramic's clear coat, a cloth's sheen: drawn with MeshPhysicalMaterial. */
  physical?: { clearcoat?: number; clearcoatRoughness?: number; sheen?: number; sheenRoughness?: number };
  flatShading?: boolean;
}

const looks: Record<Exclude<Finish, 'light'>, FinishLook> = {
  matte: { roughness: 0.8, metalness: 0 },
  plaster: { roughness: 0.95, metalness: 0, pattern: 'plaster', bump: 0.05 },
  terrazzo: { roughness: 0.28, metalness: 0, pattern: 'terrazzo', bump: 0.1 },
  wood: { roughness: 0.7, metalness: 0, pattern: 'grain', bump: 0.6 },
  'weathered-wood': { roughness: 0.95, metalness: 0, pattern: 'weathered', bump: 2 },
  stone: { roughness: 0.9, metalness: 0, pattern: 'stone', bump: 1.2 },
  bronze: { roughness: 0.45, metalness: 1, pattern: 'patina', bump: 0.3 },
  gold: { roughness: 0.25, metalness: 1, pattern: 'hammered', bump: 0.08 },
  iron: { roughness: 0.65, metalness: 0.85, pattern: 'rust', bump: 1 },
  steel: { roughness: 0.4, metalness: 0.6, pattern: 'brushed', bump: 0.1 },
  'ceramic-glazed': {
    roughness: 0.25,
    metalness: 0,
    pattern: 'crackle',
    bump: 0.15,
    physical: { clearcoat: 1, clearcoatRoughness: 0.06 },
  },
  'ceramic-unglazed': { roughness: 0.92, metalness: 0, pattern: 'speckle', bump: 0.8 },
  bone: { roughness: 0.7, metalness: 0, pattern: 'pores', bump: 0.8 },
  coal: { roughness: 0.3, metalness: 0.35, pattern: 'sparkle', bump: 0.12, flatShading: true },
  cloth: {
    roughness: 0.95,
    metalness: 0,
    pattern: 'weave',
    bump: 0.5,
    physical: { sheen: 1, sheenRoughness: 0.7 },
  },
  paper: { roughness: 0.9, metalness: 0 },
  water: { roughness: 0.08, metalness: 0.1, pattern: 'ripples', bump: 0.6 },
  glazing: { roughness: 0.05, metalness: 0.9 },
};

const patternTextures = new Map<TexturePattern, { map: Texture; surface: Texture }>();

function texture(data: Uint8Array, colour: boolean): DataTexture {
  const made = new DataTexture(data, TEXTURE_SIZE, TEXTURE_SIZE);
  made.wrapS = RepeatWrapping;
  made.wrapT = RepeatWrapping;
  made.generateMipmaps = true;
  made.minFilter = LinearMipmapLinearFilter;
  made.anisotropy = 4;
  if (colour) made.colorSpace = SRGBColorSpace;
  made.needsUpdate = true;
  return made;
}

function texturesOf(pattern: TexturePattern): { map: Texture; surface: Texture } {
  let made = patternTextures.get(pattern);
  if (!made) {
    const { colour, surface } = generatePattern(pattern);
    made = { map: texture(colour, true), surface: texture(surface, false) };
    patternTextures.set(pattern, made);
  }
  return made;
}

const materials = new Map<Finish, Material>();

function make(finish: Finish): Material {
  // Lamps and light panels glow whatever the lighting: not lit, not tone mapped.
  if (finish === 'light')
    return new MeshBasicMaterial({ color: '#ffffff', vertexColors: true, toneMapped: false });
  const look = looks[finish];
  const parameters: MeshStandardMaterialParameters = {
    vertexColors: true,
    roughness: look.roughness,
    metalness: look.metalness,
    flatShading: look.flatShading ?? false,
    // Walls, tubes, plates and sails are single surfaces seen from both sides.
    side: DoubleSide,
  };
  const full = quality() === 'full';
  if (look.pattern) {
    const { map, surface } = texturesOf(look.pattern);
    parameters.map = map;
    parameters.roughnessMap = surface;
    // The light level keeps the pattern's colour and roughness, and leaves out the bumps.
    if (full) {
      parameters.bumpMap = surface;
      parameters.bumpScale = look.bump ?? 1;
    }
  }
  const material =
    full && look.physical
      ? new MeshPhysicalMaterial({ ...parameters, ...look.physical })
      : new MeshStandardMaterial(parameters);
  material.name = finish;
  return material;
}

/** The shared material of a finish, made on first use and kept for the page's life. */
export function finishMaterial(finish: Finish): Material {
  let material = materials.get(finish);
  if (!material) {
    material = make(finish);
    materials.set(finish, material);
  }
  return material;
}

/** Display cases' glass and windows: clear, reflecting the room, drawn after what stands behind it. */
export const glassMaterial = new MeshPhysicalMaterial({
  vertexColors: true,
  color: '#eef4f6',
  transparent: true,
  opacity: 0.16,
  roughness: 0.04,
  metalness: 0,
  envMapIntensity: 1.4,
  depthWrite: false,
  name: 'glass',
});
