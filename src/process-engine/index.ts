/** The process-engine context's only door. */
export { ProcessEngineModule } from './process-engine.module.js';
