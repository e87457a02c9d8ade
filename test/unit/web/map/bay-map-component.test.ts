/**
 * <BayMap> rendered as a page would render it: compiled by Astro's Vite plugin (a Vite server in middleware mode,
 * without the site's integrations) and rendered through Astro's Container API.
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViteServer } from 'vitest/node';
import type { BayMapMarker } from '../../../../web/src/lib/bay-map';

type BayMapProps = { lang: 'vi' | 'en'; title: string; markers: BayMapMarker[] };

let vite: Awaited<ReturnType<typeof createViteServer>>;
let render: (props: BayMapProps) => Promise<string>;

beforeAll(async () => {
  const root = fileURLToPath(new URL('../../../../web/', import.meta.url));
  const config = await getViteConfig(
    {},
    { configFile: false, root, logLevel: 'error' },
  )({
    mode: 'test',
    command: 'serve',
  });
  vite = await createViteServer({
    ...config,
    configFile: false,
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  const { default: BayMap } = await vite.ssrLoadModule('/src/components/BayMap.astro');
  const container = await AstroContainer.create();
  render = (props) => container.renderToString(BayMap, { props });
}, 60_000);
afterAll(() => vite?.close());

const markers: BayMapMarker[] = [
  { id: 'hl-baichay-01', kind: 'hotspot', lat: 20.955, lon: 107.05, label: 'Bãi Cháy market' },
  { id: 'tuan-chau', kind: 'port', lat: 20.92, lon: 106.993, label: 'Tuần Châu', href: '/en/boats/' },
  { id: 'thien-cung', kind: 'sight', lat: 20.913, lon: 107.008, label: 'Thiên Cung Cave' },
  {
    id: 'museum',
    kind: 'museum',
    lat: 20.9515,
    lon: 107.087,
    label: 'Quảng Ninh Museum',
    href: '/en/museum/',
  },
  { id: 'here', kind: 'here', lat: 20.9497, lon: 107.1042, label: 'You are here' },
  { id: 'cai-rong', kind: 'port', lat: 21.06, lon: 107.42, label: 'Cái Rồng', href: '/en/boats/' },
];

describe('<BayMap>', () => {
  it('draws the static land layer first, then the markers, in the map viewBox', async () => {
    const html = await render({ lang: 'en', title: 'Hạ Long Bay', markers });
    const svg = html.match(/<svg class="bay-map-canvas"[^>]*>([\s\S]*?)<\/svg>\s*<figcaption/)?.[0] ?? '';
    expect(svg).toContain('viewBox="0 0 400 445"');
    expect(svg).toContain('aria-label="Hạ Long Bay"');
    expect(svg).toMatch(
      /^<svg[^>]*>\s*<image href="\/map\/halong-bay-land.svg" x="0" y="0" width="400" height="445"/,
    );
    expect(svg.match(/data-marker-id="/g)).toHaveLength(5);
  });

  it('makes markers with an address links named by their label and kind', async () => {
    const html = await render({ lang: 'en', title: 'Hạ Long Bay', markers });
    const links = [
      ...html.matchAll(/<a class="bay-map-marker[^"]*"[^>]*href="([^"]+)"[^>]*aria-label="([^"]+)"/g),
    ];
    expect(links.map(([, href, name]) => [href, name])).toEqual([
      ['/en/boats/', 'Tuần Châu (Boat port)'],
      ['/en/museum/', 'Quảng Ninh Museum (Museum)'],
    ]);
    expect(html).toMatch(/<text class="bay-map-label"[^>]*>Tuần Châu<\/text>/);
    expect(html).toMatch(
      /<g class="bay-map-marker bay-map-sight"[^>]*role="img" aria-label="Thiên Cung Cave \(Sight\)"/,
    );
  });

  it('draws hotspots as dots without a label, and leaves out markers beyond the map', async () => {
    const html = await render({ lang: 'en', title: 'Hạ Long Bay', markers });
    const start = html.indexOf('bay-map-hotspot');
    const hotspot = html.slice(start, html.indexOf('class="bay-map-marker', start));
    expect(hotspot).toContain('<circle r="3.5"');
    expect(hotspot).toContain('<title>Bãi Cháy market</title>');
    expect(hotspot).not.toContain('<text');
    expect(html).not.toContain('Cái Rồng');
  });

  it('credits OpenStreetMap and explains the symbols in the page language, without any script', async () => {
    const english = await render({ lang: 'en', title: 'Hạ Long Bay', markers });
    expect(english).toMatch(
      /<a href="https:\/\/www\.openstreetmap\.org\/copyright"[^>]*>© OpenStreetMap contributors<\/a>/,
    );
    const legend = [...english.matchAll(/<li[^>]*>[\s\S]*?<\/svg>\s*([^<]+?)\s*<\/li>/g)].map(
      ([, label]) => label,
    );
    expect(legend).toEqual(['You are here', 'Boat port', 'Sight', 'Museum', 'Free Wi-Fi hotspot']);
    expect(english).not.toContain('<script');

    const vietnamese = await render({ lang: 'vi', title: 'Vịnh Hạ Long', markers: markers.slice(0, 2) });
    expect(vietnamese).toContain('Dữ liệu bản đồ');
    expect(vietnamese).toContain('© OpenStreetMap contributors');
    expect(vietnamese).toContain('aria-label="Tuần Châu (Cảng tàu)"');
    expect(vietnamese).toContain('Điểm Wi-Fi miễn phí');
    expect(vietnamese).not.toContain('Bảo tàng');
  });
});
