/**
 * Makes the bay map's land from OpenStreetMap's land polygons (as packaged by @geo-maps/earth-lands-10m): cut to
 * the map's box, simplified, without slivers, and writes
 *   assets/map/halong-bay-land.geo.json   the land as GeoJSON, with its source, licence, box and tolerance
 *   web/public/map/halong-bay-land.svg    the static land layer the site's <BayMap> draws its markers over
 * Deterministic: the same package writes the same bytes. `npm run map` then remakes the features drawn over the land
 * (ports, sights, routes, zones: scripts/make-bay-features.ts), since route lines must stay clear of this land.
 *
 *   npm run map                                   fetches the package with `npm pack` into a temporary folder
 *   npm run map -- /path/to/map.geo.json           uses a copy already on disk
 *
 * The package's map.geo.json is 134 MB of JSON for the whole world; parsing it takes about 1 GB of heap, so the
 * npm script starts Node with --max-old-space-size=4096 (set NODE_OPTIONS likewise when running this directly).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, GeometryCollection, MultiPolygon, Position } from 'geojson';
import { BAY_MAP } from '../web/src/lib/bay-map';
import { landInBox, positionCount } from './bay-map/land';
import { landSvg } from './bay-map/land-svg';

const landPackage = '@geo-maps/earth-lands-10m@0.6.0';
const repository = join(dirname(fileURLToPath(import.meta.url)), '..');
const geoJsonFile = join(repository, 'assets/map/halong-bay-land.geo.json');
const svgFile = join(repository, 'web/public/map/halong-bay-land.svg');
const landOptions = { toleranceMetres: 30, minimumAreaSquareMetres: 2_000, decimals: 5 } as const;

async function main(): Promise<void> {
  const sourcePath = process.argv[2];
  const world = sourcePath === undefined ? await worldFromPackage() : await worldFrom(sourcePath);
  const land = landInBox(world, BAY_MAP.box, landOptions);

  const geoJson = formattedJson(geoJsonFile, JSON.stringify(landCollection(land)));
  const svg = landSvg(land);
  await mkdir(dirname(geoJsonFile), { recursive: true });
  await mkdir(dirname(svgFile), { recursive: true });
  await writeFile(geoJsonFile, geoJson);
  await writeFile(svgFile, svg);

  const rings = land.reduce((sum, polygon) => sum + polygon.length, 0);
  console.log(`${land.length} polygons, ${rings} rings, ${positionCount(land)} positions`);
  for (const [file, text] of [
    [geoJsonFile, geoJson],
    [svgFile, svg],
  ] as const) {
    console.log(`${relative(repository, file)}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }
}

/** `json` as the repository's formatter writes it, so `npm run check` accepts the file as generated. */
function formattedJson(path: string, json: string): string {
  const biome = join(repository, 'node_modules/.bin/biome');
  return execFileSync(biome, ['format', `--stdin-file-path=${path}`], { input: json, encoding: 'utf8' });
}

/** The land's MultiPolygon from the package, fetched from the registry into a folder removed afterwards. */
async function worldFromPackage(): Promise<Position[][][]> {
  const folder = await mkdtemp(join(tmpdir(), 'bay-map-'));
  try {
    console.log(`npm pack ${landPackage} (33 MB) …`);
    const tarball = execFileSync('npm', ['pack', landPackage, '--silent', '--pack-destination', folder], {
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['-xzf', join(folder, tarball), '-C', folder, 'package/map.geo.json']);
    return await worldFrom(join(folder, 'package/map.geo.json'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The land's MultiPolygon from a map.geo.json: a GeometryCollection holding one MultiPolygon. */
async function worldFrom(path: string): Promise<Position[][][]> {
  const collection = JSON.parse(await readFile(path, 'utf8')) as GeometryCollection;
  const lands = collection.geometries.filter(
    (geometry): geometry is MultiPolygon => geometry.type === 'MultiPolygon',
  );
  if (lands.length === 0) throw new Error(`${path} holds no MultiPolygon of land`);
  return lands.flatMap((geometry) => geometry.coordinates);
}

function landCollection(land: Position[][][]): FeatureCollection<MultiPolygon> {
  const { west, south, east, north } = BAY_MAP.box;
  return {
    type: 'FeatureCollection',
    bbox: [west, south, east, north],
    features: [
      {
        type: 'Feature',
        properties: {
          name: 'Hạ Long Bay land',
          source: `${landPackage} (OpenStreetMap land polygons)`,
          license: 'ODbL-1.0',
          attribution: '© OpenStreetMap contributors',
          attributionUrl: 'https://www.openstreetmap.org/copyright',
          box: { west, south, east, north },
          toleranceMetres: landOptions.toleranceMetres,
          minimumAreaSquareMetres: landOptions.minimumAreaSquareMetres,
          generatedBy: 'scripts/make-bay-map.ts',
        },
        geometry: { type: 'MultiPolygon', coordinates: land },
      },
    ],
  };
}

await main();
