import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError } from '../../../../libs/kernel/domain-error.js';

/** What multer hands over for the `file` part (memory storage). */
export interface UploadedBpmnFile {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

/** BPMN uploads: one `file` part, at most 20 MiB (readBpmn refuses far smaller over-deep documents anyway). */
export const BPMN_UPLOAD_LIMIT = 20 * 1024 * 1024;
export const BpmnFileInterceptor = () => FileInterceptor('file', { limits: { fileSize: BPMN_UPLOAD_LIMIT, files: 1 } });

export function requireFile(file: UploadedBpmnFile | undefined): UploadedBpmnFile {
  if (!file) throw DomainError.validation('REQUEST.FILE_MISSING', 'A multipart file is required in the "file" part', { field: 'file' });
  return file;
}

/** `attachment` with the name as Alfresco gives it, safe for the header (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
