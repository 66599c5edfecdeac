import type { Response } from 'express';
import type { PictureBytes } from '../application/pictures/get-picture.query.js';

/** A picture's bytes: its type, inline (it is an image of a known safe type), nosniff, private and revalidated (it can change). */
export function sendPicture(res: Response, out: PictureBytes): void {
  res.status(200);
  res.setHeader('Content-Type', out.picture.mimeType);
  res.setHeader('Content-Length', String(out.picture.size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', `inline; filename="${out.picture.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', `"${out.picture.sha256}"`);
  out.body.on('error', () => res.destroy());
  out.body.pipe(res);
}
