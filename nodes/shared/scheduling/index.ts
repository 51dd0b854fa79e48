/** Public API of the Payday Scheduler's domain: contact moments, direct-debit dates, the 14-day letter. */
export * from './contact';
export * from './directDebit';
export * from './letter';
export * from './moments';
export * from './reasons';
export * from './settings';
