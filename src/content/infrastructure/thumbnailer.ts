import type { Readable } from 'node:stream';
import sharp from 'sharp';

/** Images that sharp can read from this build (libvips): the ones that get a thumbnail. */
export const THUMBNAIL_INPUT_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/avif']);

export const THUMBNAIL_SIZE = 200;
/** Decompression bombs: an image of more pixels than this (e.g. 8,000 × 5,000) is refused, not decoded. */
export const THUMBNAIL_MAX_INPUT_PIXELS = 40_000_000;

/**
 * A PNG that fits in 200×200 (aspect kept, never enlarged, EXIF orientation applied), from the
 * image's bytes as a stream. Rejects on a corrupt image or one over the pixel limit.
 */
export async function makeThumbnail(image: Readable): Promise<Buffer> {
  const pipeline = sharp({ limitInputPixels: THUMBNAIL_MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .png();
  image.on('error', (error) => pipeline.destroy(error));
  image.pipe(pipeline);
  return pipeline.toBuffer();
}
