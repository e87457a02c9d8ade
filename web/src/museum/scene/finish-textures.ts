// The finishes' textures, generated rather than downloaded: wood grain, stone, a bronze's patina, a glaze's
// crackle, a cloth's weave… Each is a small tileable RGBA image made from seeded periodic noise, the same every
// time, costing no byte on the wire. Each pattern gives two images: a colour that multiplies the part's own
// (kept near white, so the part's colour stays true), and a surface image whose red channel is the height for
// bump mapping and whose green channel scales the roughness (three's channel for it).

export type TexturePattern =
  | 'plaster'
  | 'terrazzo'
  | 'grain'
  | 'weathered'
  | 'stone'
  | 'patina'
  | 'hammered'
  | 'rust'
  | 'brushed'
  | 'crackle'
  | 'speckle'
  | 'pores'
  | 'sparkle'
  | 'weave'
  | 'ripples';

export const TEXTURE_SIZE = 128;

/** A hash of integer lattice coordinates to [0, 1). */
function hash(x: number, y: number, seed: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(seed, 2246822519);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Value noise with a lattice that wraps every `period` cells, so the image tiles. u and v run over [0, 1). */
function periodicNoise(u: number, v: number, period: number, seed: number): number {
  const x = u * period;
  const y = v * period;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const wrap = (value: number) => ((value % period) + period) % period;
  const corner = (dx: number, dy: number) => hash(wrap(x0 + dx), wrap(y0 + dy), seed);
  const top = corner(0, 0) + (corner(1, 0) - corner(0, 0)) * sx;
  const bottom = corner(0, 1) + (corner(1, 1) - corner(0, 1)) * sx;
  return top + (bottom - top) * sy;
}

/** Fractal noise in [0, 1): octaves of periodic noise, each twice as fine and half as strong. */
function fbm(u: number, v: number, period: number, octaves: number, seed: number): number {
  let sum = 0;
  let weight = 0.5;
  let total = 0;
  for (let octave = 0; octave < octaves; octave += 1) {
    sum += periodicNoise(u, v, period * 2 ** octave, seed + octave * 17) * weight;
    total += weight;
    weight /= 2;
  }
  return sum / total;
}

/** Distance to the nearest edge between cells of a wrapping Voronoi pattern: a glaze's crackle, a terrazzo. */
function cellEdge(u: number, v: number, period: number, seed: number): { edge: number; cell: number } {
  const x = u * period;
  const y = v * period;
  const cx = Math.floor(x);
  const cy = Math.floor(y);
  let first = Number.POSITIVE_INFINITY;
  let second = Number.POSITIVE_INFINITY;
  let cell = 0;
  for (let dy = -1; dy <= 1; dy += 1) {
    for (let dx = -1; dx <= 1; dx += 1) {
      const gx = (((cx + dx) % period) + period) % period;
      const gy = (((cy + dy) % period) + period) % period;
      const px = cx + dx + hash(gx, gy, seed);
      const py = cy + dy + hash(gx, gy, seed + 1);
      const distance = Math.hypot(px - x, py - y);
      if (distance < first) {
        second = first;
        first = distance;
        cell = hash(gx, gy, seed + 2);
      } else if (distance < second) second = distance;
    }
  }
  return { edge: second - first, cell };
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** One texel: colour multiplier (r, g, b in [0, 1]), roughness scale, height. */
type Texel = [number, number, number, number, number];

function texel(pattern: TexturePattern, u: number, v: number): Texel {
  switch (pattern) {
    case 'plaster': {
      const n = fbm(u, v, 8, 4, 1);
      const shade = 0.985 + n * 0.015;
      return [shade, shade, shade, 0.9 + n * 0.1, n];
    }
    case 'terrazzo': {
      const { edge, cell } = cellEdge(u, v, 24, 3);
      const chip = edge > 0.12 ? 0.82 + cell * 0.18 : 1;
      const ground = 0.9 + fbm(u, v, 8, 3, 4) * 0.1;
      const shade = Math.min(chip, ground);
      return [shade, shade, shade * 0.99, 0.7 + fbm(u, v, 16, 2, 5) * 0.3, 1 - chip];
    }
    case 'grain':
    case 'weathered': {
      // Rings along u, warped by noise; the weathered wood has deep cracks and grey bleaching.
      const warp = fbm(u, v, 4, 3, 7) * 3;
      const ring = Math.sin((v * 14 + warp) * Math.PI * 2) * 0.5 + 0.5;
      const streak = fbm(u * 0.25, v * 4, 4, 2, 8);
      if (pattern === 'grain') {
        const shade = 0.78 + ring * 0.16 + streak * 0.06;
        return [shade, shade * 0.97, shade * 0.93, 0.75 + ring * 0.25, ring * 0.6 + streak * 0.4];
      }
      const crack = Math.abs(periodicNoise(u, v * 0.5, 16, 9) - 0.5) < 0.03 ? 0.45 : 1;
      const bleach = fbm(u, v, 6, 4, 10);
      const shade = (0.7 + ring * 0.18 + bleach * 0.12) * crack;
      return [shade, shade * 0.98, shade * 0.95, 0.9 + bleach * 0.1, ring * 0.5 * crack + bleach * 0.3];
    }
    case 'stone': {
      const n = fbm(u, v, 6, 5, 11);
      const speck = hash(Math.floor(u * 512), Math.floor(v * 512), 12) > 0.92 ? 0.85 : 1;
      const shade = (0.78 + n * 0.22) * speck;
      return [shade, shade, shade, 0.85 + n * 0.15, n];
    }
    case 'patina': {
      // Bronze: warm metal with green-blue verdigris in the hollows.
      const n = fbm(u, v, 5, 5, 13);
      const green = clamp01((n - 0.5) * 3);
      return [1 - green * 0.45, 1 - green * 0.12, 1 - green * 0.2, 0.55 + green * 0.45, n];
    }
    case 'hammered': {
      const { edge } = cellEdge(u, v, 10, 14);
      const dent = clamp01(edge * 2.2);
      return [1, 1, 1, 0.8 + dent * 0.2, dent];
    }
    case 'rust': {
      const n = fbm(u, v, 6, 5, 15);
      const rust = clamp01((n - 0.55) * 4);
      return [1 + rust * 0.25, 1 - rust * 0.1, 1 - rust * 0.35, 0.75 + rust * 0.25, n];
    }
    case 'brushed': {
      const line = periodicNoise(u * 0.02, v, 256, 16);
      return [0.95 + line * 0.05, 0.95 + line * 0.05, 0.95 + line * 0.05, 0.8 + line * 0.2, line * 0.3];
    }
    case 'crackle': {
      const { edge } = cellEdge(u, v, 9, 17);
      const line = edge < 0.04 ? 0.9 : 1;
      const pool = fbm(u, v, 4, 3, 18);
      const shade = line * (0.95 + pool * 0.05);
      return [shade, shade, shade, 0.85 + pool * 0.15, 1 - (1 - line) * 5];
    }
    case 'speckle': {
      const n = fbm(u, v, 10, 4, 19);
      const speck = hash(Math.floor(u * 256), Math.floor(v * 256), 20) > 0.9 ? 0.82 : 1;
      const shade = (0.86 + n * 0.14) * speck;
      return [shade, shade * 0.98, shade * 0.96, 0.9 + n * 0.1, n];
    }
    case 'pores': {
      const n = fbm(u, v, 12, 4, 21);
      const pore = hash(Math.floor(u * 256), Math.floor(v * 256), 22) > 0.95 ? 0.8 : 1;
      const shade = (0.9 + n * 0.1) * pore;
      return [shade, shade * 0.98, shade * 0.94, 0.85 + n * 0.15, n * pore];
    }
    case 'sparkle': {
      // Anthracite: black with a metallic sheen; conchoidal ridges and glints where the roughness drops.
      const ridges = Math.abs(Math.sin(fbm(u, v, 4, 4, 23) * Math.PI * 6));
      const glint = hash(Math.floor(u * 128), Math.floor(v * 128), 24) > 0.93 ? 0.35 : 1;
      return [1, 1, 1, (0.55 + ridges * 0.45) * glint, ridges];
    }
    case 'weave': {
      const threads = 32;
      const x = u * threads;
      const y = v * threads;
      const over = (Math.floor(x) + Math.floor(y)) % 2 === 0;
      const across = over ? Math.sin((x % 1) * Math.PI) : Math.sin((y % 1) * Math.PI);
      const shade = 0.82 + across * 0.18;
      return [shade, shade, shade, 0.9 + across * 0.1, across];
    }
    case 'ripples': {
      const n = fbm(u, v, 4, 4, 25);
      return [1, 1, 1, 0.8 + n * 0.2, n];
    }
  }
}

export interface PatternImages {
  colour: Uint8Array;
  surface: Uint8Array;
}

/** The pattern as two RGBA images, `size` square, tiling seamlessly; the same every time. */
export function generatePattern(pattern: TexturePattern, size = TEXTURE_SIZE): PatternImages {
  const colour = new Uint8Array(size * size * 4);
  const surface = new Uint8Array(size * size * 4);
  const byte = (value: number) => Math.round(clamp01(value) * 255);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, roughness, height] = texel(pattern, x / size, y / size);
      const offset = (y * size + x) * 4;
      colour[offset] = byte(r);
      colour[offset + 1] = byte(g);
      colour[offset + 2] = byte(b);
      colour[offset + 3] = 255;
      surface[offset] = byte(height);
      surface[offset + 1] = byte(roughness);
      surface[offset + 2] = 255;
      surface[offset + 3] = 255;
    }
  }
  return { colour, surface };
}
