// Reads a QR code off the screen, as a provider's scanner would.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code shown by `locator`, or null when none can be read. */
export async function readQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return jsQR(pixels, png.width, png.height)?.data ?? null;
}
