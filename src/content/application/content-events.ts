import type { ContentEvents } from '../../../libs/contracts/index.js';
import type { ContentItem } from '../domain/content-item.js';

/** What every content event says about its item. */
function itemFields(item: ContentItem) {
  return {
    contentId: item.id,
    processInstanceId: item.processInstanceId,
    taskId: item.taskId,
    name: item.name,
    mimeType: item.mimeType,
    relatedContent: item.relatedContent,
    link: item.link,
  };
}

/** `content.content.attached` for an item just stored (upload or link): what the engine's audit and the renditions hear. */
export function attachedPayload(item: ContentItem): ContentEvents['content.content.attached'] {
  return { ...itemFields(item), createdBy: item.createdBy };
}

/** `content.content.deleted` for an item just deleted by `deletedBy`. */
export function deletedPayload(item: ContentItem, deletedBy: string): ContentEvents['content.content.deleted'] {
  return { ...itemFields(item), deletedBy };
}
