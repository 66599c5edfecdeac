export * from './dialect.js';
export * from './error-body.js';
export * from './dialect-exception.filter.js';
export * from './request-validation.error.js';
export * from './validation.js';
export * from './ids.js';
export * from './dates.js';
export * from './aps-paging.js';
