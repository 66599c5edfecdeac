/** The forms context's only door. */
export { FormsModule } from './forms.module.js';
