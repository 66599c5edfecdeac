/** The content context's only door. */
export { ContentModule } from './content.module.js';
