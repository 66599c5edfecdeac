import { Injectable } from '@nestjs/common';
import type { FormOption, ResolvedForm } from '../../forms.api.types.js';
import { FieldOptionSource, type RestOptionField } from '../field-option-source.js';
import { DataTableOptions } from './data-table-options.query.js';

/**
 * Options of a form field whose `restUrl` names a data table of the form's tenant
 * (`pmtable:PMT_NAME` or `/api/1.0/{workspace}/pmtable/{pmt_uid}/data`): `restIdProperty` and
 * `restLabelProperty` name its columns (default: the table's first key field, else its first field,
 * and the id column). Any other restUrl answers no options — Meridian never requests a URL a form
 * author wrote (no server-side request forgery). A named table or column that does not exist is
 * a coded error, so that the form's author learns of it.
 */
@Injectable()
export class DataTableFieldOptionSource extends FieldOptionSource {
  constructor(private readonly tables: DataTableOptions) {
    super();
  }

  async options(form: ResolvedForm, field: RestOptionField): Promise<FormOption[]> {
    return (await this.knownOptions(form, field)) ?? [];
  }

  override knownOptions(form: ResolvedForm, field: RestOptionField): Promise<FormOption[] | null> {
    return this.tables.optionsForRestUrl(form.tenantId, field.restUrl, field.restIdProperty, field.restLabelProperty);
  }
}
