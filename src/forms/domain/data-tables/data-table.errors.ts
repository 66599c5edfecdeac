import { DomainError } from '../../../../libs/kernel/domain-error.js';

export type DataTableErrorCode =
  | 'FORMS.DATA_TABLE_INVALID'
  | 'FORMS.DATA_TABLE_SIZE_NOT_ALLOWED'
  | 'FORMS.DATA_TABLE_NOT_FOUND'
  | 'FORMS.DATA_TABLE_NAME_TAKEN'
  | 'FORMS.DATA_TABLE_STRUCTURE_LOCKED'
  | 'FORMS.DATA_TABLE_INVALID_VALUE'
  | 'FORMS.DATA_TABLE_UNKNOWN_FIELD'
  | 'FORMS.DATA_TABLE_INVALID_FILTER'
  | 'FORMS.DATA_TABLE_DUPLICATE_KEY'
  | 'FORMS.DATA_TABLE_ROW_NOT_FOUND'
  | 'FORMS.DATA_TABLE_NO_KEY';

/** Coded errors of data tables; `field` names the offending input as the request spelled it. */
export const DataTableErrors = {
  invalid: (field: string, message: string, value?: unknown) => DomainError.validation('FORMS.DATA_TABLE_INVALID', message, { field, value }),
  /**
   * A size on a type that takes none: ProcessMaker documents this one failure as "a 400 error with
   * no response object", and the pm3 dialect answers exactly that.
   */
  sizeNotAllowed: (field: string, type: string) =>
    DomainError.validation('FORMS.DATA_TABLE_SIZE_NOT_ALLOWED', `${field}: a ${type} field takes no fld_size`, { field, value: type }),
  notFound: (tableId: string) => DomainError.notFound('FORMS.DATA_TABLE_NOT_FOUND', `The data table ${tableId} does not exist`, { field: 'pmt_uid', value: tableId }),
  notFoundByName: (name: string) => DomainError.notFound('FORMS.DATA_TABLE_NOT_FOUND', `The data table ${name} does not exist`, { field: 'name', value: name }),
  nameTaken: (name: string) =>
    DomainError.conflict('FORMS.DATA_TABLE_NAME_TAKEN', `The PM Table with pmt_tab_name: '${name}' already exists.`, { field: 'pmt_tab_name', value: name }),
  structureLocked: (field: string, message: string) => DomainError.validation('FORMS.DATA_TABLE_STRUCTURE_LOCKED', message, { field }),
  invalidValue: (field: string, message: string, value?: unknown) => DomainError.validation('FORMS.DATA_TABLE_INVALID_VALUE', message, { field, value }),
  unknownField: (field: string) => DomainError.validation('FORMS.DATA_TABLE_UNKNOWN_FIELD', `The field '${field}' does not exist in the table`, { field, value: field }),
  invalidFilter: (message: string, value?: unknown) => DomainError.validation('FORMS.DATA_TABLE_INVALID_FILTER', message, { field: 'q', value }),
  duplicateKey: (description: string) =>
    DomainError.conflict('FORMS.DATA_TABLE_DUPLICATE_KEY', `A row with the primary key ${description} already exists`, { field: 'key', value: description }),
  rowNotFound: (description: string) =>
    DomainError.notFound('FORMS.DATA_TABLE_ROW_NOT_FOUND', `The row with the primary key ${description} does not exist`, { field: 'key', value: description }),
  noKey: () => DomainError.validation('FORMS.DATA_TABLE_NO_KEY', 'The table has no primary key: its rows cannot be addressed one by one', { field: 'key' }),
};
