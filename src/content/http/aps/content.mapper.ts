import { apsDate } from '../../../../libs/dialects/dates.js';
import type { ContentView } from '../../application/content.view.js';

export interface ApsContent {
  readonly id: number;
  readonly name: string;
  readonly created: string;
  readonly createdBy: { readonly id: number; readonly firstName: string | null; readonly lastName: string | null; readonly email: string | null; readonly pictureId: number | null };
  readonly relatedContent: boolean;
  readonly contentAvailable: boolean;
  readonly link: boolean;
  readonly mimeType: string;
  readonly simpleType: string;
  readonly previewStatus: string;
  readonly thumbnailStatus: string;
  readonly source?: string | null;
  readonly sourceId?: string | null;
  readonly linkUrl?: string | null;
  readonly processInstanceId?: string;
  readonly taskId?: string;
}

/** The aps content object (seed 004 "Content"); link fields for links, owner ids when there is an owner. */
export function toApsContent(v: ContentView): ApsContent {
  const i = v.item;
  return {
    id: Number(i.id),
    name: i.name,
    created: apsDate(i.createdAt)!,
    createdBy: {
      id: Number(v.createdBy.id),
      firstName: v.createdBy.firstName,
      lastName: v.createdBy.lastName,
      email: v.createdBy.email,
      pictureId: v.createdBy.pictureId === null ? null : Number(v.createdBy.pictureId),
    },
    relatedContent: i.relatedContent,
    contentAvailable: !i.link && i.storeKey !== null,
    link: i.link,
    mimeType: i.mimeType,
    simpleType: i.simpleType,
    previewStatus: i.previewStatus,
    thumbnailStatus: i.thumbnailStatus,
    ...(i.link ? { source: i.source, sourceId: i.sourceId, linkUrl: i.linkUrl } : {}),
    ...(i.processInstanceId !== null ? { processInstanceId: i.processInstanceId } : {}),
    ...(i.taskId !== null ? { taskId: i.taskId } : {}),
  };
}
