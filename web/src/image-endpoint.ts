// Astro's /_image endpoint, which this site does not use: its images are served as files, never transformed.
import type { APIRoute } from 'astro';

export const prerender = false;

// An empty 404 makes Astro answer with the site's own not-found page.
export const GET: APIRoute = () => new Response(null, { status: 404 });
