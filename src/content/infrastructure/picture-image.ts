import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { PICTURE_MAX_INPUT_PIXELS, PICTURE_MAX_SIDE, PICTURE_TYPES, PictureErrors } from '../domain/picture.js';

export interface PictureImage {
  readonly bytes: Buffer;
  readonly mimeType: 'image/png' | 'image/jpeg' | 'image/gif';
  readonly width: number;
  readonly height: number;
}

/**
 * An uploaded picture as it is stored: its type detected from the bytes (the client's claim is
 * ignored; anything but PNG, JPEG or GIF is a 400), decoded with a pixel limit, turned upright
 * (EXIF orientation), resized with sharp to fit PICTURE_MAX_SIDE × PICTURE_MAX_SIDE (never
 * enlarged) and re-encoded in its own format. Re-encoding also drops metadata (EXIF GPS position,
 * comments) and anything appended to the image. An animated GIF keeps its first frame.
 */
export async function normalizePicture(input: Buffer): Promise<PictureImage> {
  const detected = (await fileTypeFromBuffer(input))?.mime ?? null;
  if (detected === null || !PICTURE_TYPES.has(detected)) throw PictureErrors.notAnImage(detected);
  const mimeType = detected as PictureImage['mimeType'];
  try {
    const pipeline = sharp(input, { limitInputPixels: PICTURE_MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PICTURE_MAX_SIDE, PICTURE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true });
    const encoded = mimeType === 'image/png' ? pipeline.png() : mimeType === 'image/jpeg' ? pipeline.jpeg({ quality: 85 }) : pipeline.gif();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType, width: info.width, height: info.height };
  } catch {
    throw PictureErrors.unreadableImage();
  }
}
