// The ticket's QR code as a file to save, for the browser holding the booking's key.
import type { APIRoute } from 'astro';

export const prerender = false;

export const GET: APIRoute = async ({ params, cookies, locals }) => {
  const id = params.id ?? '';
  const { cookieName } = await locals.bookings.pageTools();
  const booking = /^HL[0-9A-Z]{8}$/.test(id)
    ? await locals.bookings.forHolder(id, cookies.get(cookieName(id))?.value)
    : null;
  if (!booking?.ticket || booking.status !== 'confirmed') {
    return new Response('Not found', { status: 404 });
  }
  return new Response(await locals.bookings.qrCodeSvg(booking.ticket.code), {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Content-Disposition': `attachment; filename="ticket-${booking.id}.svg"`,
    },
  });
};
