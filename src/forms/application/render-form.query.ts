import { Injectable } from '@nestjs/common';
import type { RenderedForm, ResolvedForm } from '../forms.api.types.js';
import { renderFields } from '../domain/render-form.js';
import { LoadForm } from './load-form.query.js';

/** The form with values filled in, in the aps form JSON shape (seed 004 "Start Form"). */
@Injectable()
export class RenderForm {
  constructor(private readonly load: LoadForm) {}

  async execute(form: ResolvedForm, values: Readonly<Record<string, unknown>>, options: { readOnly?: boolean } = {}): Promise<RenderedForm> {
    const { row, form: definition } = await this.load.execute(form);
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      fields: renderFields(definition, values, options.readOnly === true),
      outcomes: definition.outcomes.map((o) => ({ id: o.id, name: o.name })),
    };
  }
}
