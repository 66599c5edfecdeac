/** Events published by the content context. Types only: this file imports nothing. */

export interface ContentPayload {
  readonly contentId: string;
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
  readonly name: string;
  readonly mimeType: string;
  readonly relatedContent: boolean;
  readonly link: boolean;
}

export interface ContentEvents {
  /** Bytes or a link were attached (after-commit: thumbnails; in-transaction: the engine's audit). */
  'content.content.attached': ContentPayload & { readonly createdBy: string };
  'content.content.deleted': ContentPayload & { readonly deletedBy: string };
}
