import { Injectable } from '@nestjs/common';
import { apsDate } from '../../../../libs/dialects/dates.js';
import { ContentApi, type ContentSummary } from '../../../content/index.js';
import type { FormFieldRepresentation, RenderedForm } from '../../../forms/index.js';
import { IdentityApi } from '../../../identity/index.js';

/** Whose form is shown: its content may be shown in it. */
export interface UploadViewer {
  readonly tenantId: string;
  readonly userId: string;
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
}

type Field = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function uploadIds(field: Field): string[] {
  if (field['type'] !== 'upload' || !Array.isArray(field['value'])) return [];
  return field['value'].flatMap((v) => (isRecord(v) && typeof v['id'] === 'string' ? [v['id']] : []));
}

function walk(fields: readonly Field[], visit: (f: Field) => void): void {
  for (const f of fields) {
    visit(f);
    if (isRecord(f['fields'])) for (const col of Object.values(f['fields'])) if (Array.isArray(col)) walk(col as Field[], visit);
  }
}

function mapFields(fields: readonly Field[], map: (f: Field) => Field): Field[] {
  return fields.map((f) => {
    const mapped = map(f);
    if (!isRecord(mapped['fields'])) return mapped;
    const cols = Object.fromEntries(Object.entries(mapped['fields']).map(([k, col]) => [k, Array.isArray(col) ? mapFields(col as Field[], map) : col]));
    return { ...mapped, fields: cols };
  });
}

/**
 * Upload fields show their content as Alfresco does (seed 004 "Content" objects: id, name, created,
 * createdBy, relatedContent, contentAvailable, link, mimeType, simpleType, previewStatus,
 * thumbnailStatus) instead of the bare ids forms stores. Only content the form may show: content of
 * the instance or task, and the viewer's own unowned uploads (a saved draft naming them); other ids
 * (deleted content, someone else's upload) are left out.
 */
@Injectable()
export class UploadFieldContent {
  constructor(
    private readonly content: ContentApi,
    private readonly identity: IdentityApi,
  ) {}

  async fill(form: RenderedForm, viewer: UploadViewer): Promise<RenderedForm> {
    const ids: string[] = [];
    walk(form.fields, (f) => ids.push(...uploadIds(f)));
    if (ids.length === 0) return form;
    const visible = (await this.content.summaries(viewer.tenantId, ids)).filter(
      (s) =>
        (viewer.processInstanceId !== null && s.processInstanceId === viewer.processInstanceId) ||
        (viewer.taskId !== null && s.taskId === viewer.taskId) ||
        (s.processInstanceId === null && s.taskId === null && s.createdBy === viewer.userId),
    );
    const byId = new Map(visible.map((s) => [s.id, s]));
    const users = await this.identity.userSummariesById(viewer.tenantId, visible.map((s) => s.createdBy));
    const show = (s: ContentSummary): Record<string, unknown> => {
      const u = users.get(s.createdBy);
      return {
        id: Number(s.id),
        name: s.name,
        created: apsDate(s.created),
        createdBy: { id: Number(s.createdBy), firstName: u?.firstName ?? null, lastName: u?.lastName ?? null, email: u?.email ?? null },
        relatedContent: s.relatedContent,
        contentAvailable: s.contentAvailable,
        link: s.link,
        mimeType: s.mimeType,
        simpleType: s.simpleType,
        previewStatus: s.previewStatus,
        thumbnailStatus: s.thumbnailStatus,
      };
    };
    const fields = mapFields(form.fields, (f) => {
      if (f['type'] !== 'upload' || !Array.isArray(f['value'])) return f;
      return { ...f, value: uploadIds(f).flatMap((id) => (byId.has(id) ? [show(byId.get(id)!)] : [])) };
    }) as FormFieldRepresentation[];
    return { ...form, fields };
  }
}
