import { DomainError } from '../../../libs/kernel/domain-error.js';

/** Whose picture: a user's profile picture or a tenant's logo. */
export type PictureOwner = { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'tenant'; readonly tenantId: string };

/** The image types a picture may be (seed 003 image-upload: "JPEG, PNG or GIF"), detected from the bytes. */
export const PICTURE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** Pictures are stored resized to fit this square (never enlarged): enough for any avatar or logo, small to serve. */
export const PICTURE_MAX_SIDE = 512;

/** An uploaded picture beyond this many bytes is refused (413) before it is decoded; MAX_UPLOAD_BYTES still applies when smaller. */
export const PICTURE_MAX_BYTES = 10 * 1024 * 1024;

/** Decoding refuses images of more pixels than this (a small file can declare a huge canvas: a decompression bomb). */
export const PICTURE_MAX_INPUT_PIXELS = 40_000_000;

/** The multipart part names that carry the picture: aps sends `file`; ProcessMaker 3 documents `USR_PHOTO`. */
export const PICTURE_PARTS: readonly string[] = ['file', 'USR_PHOTO'];

export const PictureErrors = {
  notAnImage: (detected: string | null): DomainError =>
    DomainError.validation(
      'CONTENT.NOT_AN_IMAGE',
      `A picture must be a PNG, JPEG or GIF image${detected ? ` (the file is ${detected})` : ''}`,
      { field: 'file', value: detected },
    ),
  unreadableImage: (): DomainError => DomainError.validation('CONTENT.UNREADABLE_IMAGE', 'The picture could not be decoded (corrupt, truncated or too large an image)', { field: 'file' }),
  tooLarge: (maxBytes: number): DomainError =>
    new DomainError('payload_too_large', 'CONTENT.TOO_LARGE', `A picture is at most ${maxBytes} bytes`, { field: 'file' }),
  noPicture: (owner: PictureOwner): DomainError =>
    owner.kind === 'user'
      ? DomainError.notFound('CONTENT.NO_PICTURE', `User ${owner.userId} has no picture`, { field: 'userId', value: owner.userId })
      : DomainError.notFound('CONTENT.NO_LOGO', `Tenant ${owner.tenantId} has no logo`, { field: 'tenantId', value: owner.tenantId }),
  userNotFound: (userId: string): DomainError => DomainError.notFound('CONTENT.USER_NOT_FOUND', `User ${userId} does not exist`, { field: 'userId', value: userId }),
  tenantNotFound: (tenantId: string): DomainError =>
    DomainError.notFound('CONTENT.TENANT_NOT_FOUND', `Tenant ${tenantId} does not exist`, { field: 'tenantId', value: tenantId }),
};
