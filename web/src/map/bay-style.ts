// The live map's MapLibre style, entirely local: no tile server, no glyphs or sprites. The sea is the background,
// the land and the bay's features (zones, routes, stops) are the committed GeoJSON files served with the site,
// and every label is an HTML marker, so no text needs a font from anywhere.
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { bayMapColours } from '../lib/bay-map';

export const routeColour = '#0b6168';
export const trailColour = '#0b5e8c';

export interface BayStyleSources {
  /** URL of assets/map/halong-bay-land.geo.json as the site serves it. */
  landUrl: string;
  /** URL of assets/map/halong-bay-features.geo.json as the site serves it. */
  featuresUrl: string;
}

export function bayStyle({ landUrl, featuresUrl }: BayStyleSources): StyleSpecification {
  const emptyCollection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
  const kind = (name: string) => ['==', ['get', 'kind'], name] as ['==', ['get', string], string];
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: landUrl },
      bay: { type: 'geojson', data: featuresUrl },
      trails: { type: 'geojson', data: emptyCollection() },
      replay: { type: 'geojson', data: emptyCollection() },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': bayMapColours.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': bayMapColours.land } },
      {
        id: 'coast',
        type: 'line',
        source: 'land',
        paint: { 'line-color': bayMapColours.coast, 'line-width': 0.8 },
      },
      {
        id: 'speed-zones',
        type: 'fill',
        source: 'bay',
        filter: kind('speed-zone'),
        paint: { 'fill-color': '#f2c14e', 'fill-opacity': 0.25 },
      },
      {
        id: 'speed-zone-edges',
        type: 'line',
        source: 'bay',
        filter: kind('speed-zone'),
        paint: { 'line-color': '#8a6110', 'line-width': 1, 'line-dasharray': [2, 2] },
      },
      {
        id: 'permitted-zone',
        type: 'line',
        source: 'bay',
        filter: kind('permitted-zone'),
        paint: { 'line-color': '#1c2a2e', 'line-width': 1.5, 'line-dasharray': [4, 3] },
      },
      {
        id: 'routes',
        type: 'line',
        source: 'bay',
        filter: kind('route'),
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': routeColour, 'line-width': 1.5, 'line-opacity': 0.55 },
      },
      {
        id: 'stops',
        type: 'circle',
        source: 'bay',
        filter: kind('stop'),
        paint: {
          'circle-radius': 3,
          'circle-color': '#ffffff',
          'circle-stroke-color': routeColour,
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'trails',
        type: 'line',
        source: 'trails',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': trailColour, 'line-width': 2, 'line-opacity': 0.7 },
      },
      {
        id: 'replay-track',
        type: 'line',
        source: 'replay',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#b3121f', 'line-width': 2.5, 'line-dasharray': [1, 1.5] },
      },
    ],
  };
}
