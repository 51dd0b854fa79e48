/** Public API of the provider layer (no n8n imports). */
export * from './types';
export * from './callbackAuth';
export * from './channels';
export * from './content';
export * from './engine';
export * from './idempotency';
export * from './ledger';
export * from './registry';
export * from './signatures';
export * from './throttle';
export { formDecode, formEncode, header, jsonBody, readCallbackBody, scrub } from './http';
