import { Injectable } from '@nestjs/common';
import type { FormOption, ResolvedForm } from '../forms.api.types.js';
import { allFields, OPTION_TYPES } from '../domain/form-definition.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { FieldOptionSource } from './field-option-source.js';
import { LoadForm } from './load-form.query.js';

/**
 * `form-values/{field}`: a dropdown's, radio group's or typeahead's options — written in the form,
 * else from its restUrl through the FieldOptionSource. Other fields answer an empty list; an
 * unknown field id is FORMS.FIELD_NOT_FOUND.
 * `form-values/{field}/{column}`: the same for a column of a dynamic-table field (its `options`,
 * else its restUrl; a column without either answers an empty list). A field that is not a dynamic
 * table, or has no such column: FORMS.COLUMN_NOT_FOUND.
 */
@Injectable()
export class FieldOptions {
  constructor(
    private readonly load: LoadForm,
    private readonly source: FieldOptionSource,
  ) {}

  async execute(form: ResolvedForm, fieldId: string, columnId?: string): Promise<FormOption[]> {
    const { form: definition } = await this.load.execute(form);
    const field = allFields(definition.fields).find((f) => f.id === fieldId);
    if (!field) throw FormsErrors.fieldNotFound(fieldId);
    const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
    if (columnId !== undefined) {
      const column = field.columnDefinitions?.find((c) => c.id === columnId);
      if (!column) throw FormsErrors.columnNotFound(fieldId, columnId);
      if (column.options && column.options.length > 0) return column.options.map((o) => ({ id: o.id, name: o.name }));
      const restUrl = text(column.raw['restUrl']);
      if (!restUrl) return [];
      return this.source.options(form, {
        id: `${field.id}.${column.id}`,
        restUrl,
        restIdProperty: text(column.raw['restIdProperty']),
        restLabelProperty: text(column.raw['restLabelProperty']),
      });
    }
    if (!OPTION_TYPES.has(field.type)) return [];
    if (field.options && field.options.length > 0) return field.options.map((o) => ({ id: o.id, name: o.name }));
    if (!field.restUrl) return [];
    return this.source.options(form, {
      id: field.id,
      restUrl: field.restUrl,
      restIdProperty: text(field.raw['restIdProperty']),
      restLabelProperty: text(field.raw['restLabelProperty']),
    });
  }
}
