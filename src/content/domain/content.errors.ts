import { DomainError } from '../../../libs/kernel/domain-error.js';

/** The coded errors of the content context. */
export const ContentErrors = {
  notFound: (id: string): DomainError => DomainError.notFound('CONTENT.NOT_FOUND', `Content with id ${id} does not exist`, { field: 'contentId', value: id }),
  forbidden: (id: string): DomainError => DomainError.forbidden('CONTENT.FORBIDDEN', `You may not access content ${id}`),
  ownerNotFound: (): DomainError => DomainError.notFound('CONTENT.OWNER_NOT_FOUND', 'The process instance or task does not exist'),
  ownerForbidden: (): DomainError => DomainError.forbidden('CONTENT.OWNER_FORBIDDEN', 'You may not add content to this process instance or task'),
  notMultipart: (): DomainError =>
    DomainError.validation('CONTENT.NOT_MULTIPART', 'The request must be multipart/form-data with the content in a file part named "file"', { field: 'file' }),
  fileMissing: (): DomainError => DomainError.validation('CONTENT.FILE_MISSING', 'A multipart file is required in the "file" part', { field: 'file' }),
  emptyFile: (): DomainError => DomainError.validation('CONTENT.EMPTY_FILE', 'The uploaded file is empty (0 bytes)', { field: 'file' }),
  badName: (): DomainError => DomainError.validation('CONTENT.BAD_NAME', 'The uploaded file has no usable name', { field: 'file' }),
  malformedUpload: (reason: string): DomainError => DomainError.validation('CONTENT.MALFORMED_UPLOAD', `The multipart body is malformed: ${reason}`, { field: 'file' }),
  tooLarge: (maxBytes: number): DomainError =>
    new DomainError('payload_too_large', 'CONTENT.TOO_LARGE', `The upload is larger than the limit of ${maxBytes} bytes (MAX_UPLOAD_BYTES)`, { field: 'file' }),
  noThumbnail: (id: string, status: string): DomainError =>
    DomainError.notFound('CONTENT.NO_THUMBNAIL', `Content ${id} has no thumbnail (thumbnailStatus ${status})`, { field: 'contentId', value: id }),
  noRendition: (type: string): DomainError =>
    DomainError.notFound('CONTENT.NO_RENDITION', `There is no rendition "${type.slice(0, 50)}": only thumbnail exists`, { field: 'renditionType' }),
  noBytes: (id: string): DomainError => DomainError.notFound('CONTENT.NO_BYTES', `Content ${id} is a link and holds no bytes`, { field: 'contentId', value: id }),
  fieldContent: (id: string): DomainError =>
    DomainError.validation('CONTENT.FIELD_CONTENT', `Content ${id} does not exist or cannot be used in this form (it must be your own upload or already belong here)`, {
      field: 'contentIds',
      value: id,
    }),
};
