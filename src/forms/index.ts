/** The forms context's only door. */
export { FormsModule } from './forms.module.js';
export { FormsApi } from './forms.api.js';
export type * from './forms.api.types.js';
