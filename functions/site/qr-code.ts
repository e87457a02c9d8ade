/**
 * A QR code as an SVG document, drawn on the server. Uses the qrcode package's encoder and SVG renderer
 * directly: its main entry also loads the PNG and terminal renderers (pngjs), which the site never uses.
 */
import { create } from 'qrcode/lib/core/qrcode.js';
import { render } from 'qrcode/lib/renderer/svg-tag.js';

/** Error correction M (15 %): a phone screen with a crack or glare still scans. */
export function qrCodeSvg(text: string): string {
  return render(create(text, { errorCorrectionLevel: 'M' }), { margin: 2 });
}
