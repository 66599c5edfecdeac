export * from './domain-error.js';
export * from './domain-event.js';
export * from './clock.js';
