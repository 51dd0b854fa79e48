/** Journey planning: ladders per persona, the legal gates (14-day letter, costs, CCD2 forbearance), pauses and stops, the municipality signal. */
export * from './forbearance';
export * from './history';
export * from './ladders';
export * from './municipality';
export * from './nextReview';
export * from './plan';
export * from './reasons';
