import type { ContentEvents } from '../../../libs/contracts/index.js';
import type { ContentItem } from '../domain/content-item.js';

/** `content.content.attached` for an item just stored (upload or link): what the engine's audit and the renditions hear. */
export function attachedPayload(item: ContentItem): ContentEvents['content.content.attached'] {
  return {
    contentId: item.id,
    processInstanceId: item.processInstanceId,
    taskId: item.taskId,
    name: item.name,
    mimeType: item.mimeType,
    relatedContent: item.relatedContent,
    link: item.link,
    createdBy: item.createdBy,
  };
}
