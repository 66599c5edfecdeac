import { Injectable } from '@nestjs/common';
import type { FormOption, ResolvedForm } from '../forms.api.types.js';

/** A field whose options come from elsewhere (its `restUrl`). */
export interface RestOptionField {
  readonly id: string;
  readonly restUrl: string;
  readonly restIdProperty: string | null;
  readonly restLabelProperty: string | null;
}

/**
 * Where options of a dropdown, radio-buttons or typeahead field with a `restUrl` come from. Hook
 * for the data tables of this context (PM Tables / selection masters): bind a class that reads the
 * data table the restUrl names in FormsModule (`{ provide: FieldOptionSource, useClass: … }`).
 * The default knows no source and answers no options.
 */
export abstract class FieldOptionSource {
  abstract options(form: ResolvedForm, field: RestOptionField): Promise<FormOption[]>;

  /**
   * The options when this source knows the restUrl (it names a data table), else null: a submitted
   * value is then checked against them. The default knows none (the value is accepted as sent).
   */
  knownOptions(_form: ResolvedForm, _field: RestOptionField): Promise<FormOption[] | null> {
    return Promise.resolve(null);
  }
}

@Injectable()
export class NoFieldOptionSource extends FieldOptionSource {
  options(): Promise<FormOption[]> {
    return Promise.resolve([]);
  }
}
