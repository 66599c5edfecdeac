import { describe, expect, it } from '@jest/globals';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { normalizePicture } from './picture-image.js';

const image = (width: number, height: number, format: 'png' | 'jpeg' | 'gif' | 'webp'): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })[format]().toBuffer();

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('normalizePicture', () => {
  it('resizes large images to fit 512×512, keeping the aspect ratio and the format', async () => {
    const png = await normalizePicture(await image(2000, 1000, 'png'));
    expect(png).toMatchObject({ mimeType: 'image/png', width: 512, height: 256 });
    expect((await sharp(png.bytes).metadata()).format).toBe('png');
    const jpeg = await normalizePicture(await image(600, 900, 'jpeg'));
    expect(jpeg).toMatchObject({ mimeType: 'image/jpeg', width: 341, height: 512 });
    const gif = await normalizePicture(await image(1024, 1024, 'gif'));
    expect(gif).toMatchObject({ mimeType: 'image/gif', width: 512, height: 512 });
    expect((await sharp(gif.bytes).metadata()).format).toBe('gif');
  });

  it('never enlarges small images', async () => {
    expect(await normalizePicture(await image(40, 30, 'png'))).toMatchObject({ width: 40, height: 30 });
  });

  it('refuses what is not a PNG, JPEG or GIF by its bytes, whatever the name or declared type', async () => {
    expect(await codeOf(normalizePicture(await image(10, 10, 'webp')))).toBe('CONTENT.NOT_AN_IMAGE');
    expect(await codeOf(normalizePicture(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')))).toBe('CONTENT.NOT_AN_IMAGE');
    expect(await codeOf(normalizePicture(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')))).toBe('CONTENT.NOT_AN_IMAGE');
    expect(await codeOf(normalizePicture(Buffer.from('just text')))).toBe('CONTENT.NOT_AN_IMAGE');
  });

  it('refuses a truncated image and a decompression bomb with 400, not a crash', async () => {
    const png = await image(300, 300, 'png');
    expect(await codeOf(normalizePicture(png.subarray(0, 60)))).toBe('CONTENT.UNREADABLE_IMAGE');
    // A small PNG whose header claims 20000 × 20000 = 400 megapixels, beyond the decoding limit.
    const bomb = Buffer.from(await image(8, 8, 'png'));
    bomb.writeUInt32BE(20_000, 16);
    bomb.writeUInt32BE(20_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    expect(await codeOf(normalizePicture(bomb))).toBe('CONTENT.UNREADABLE_IMAGE');
  });
});
