/** Journey planning: ladders per persona, the legal gates, pauses and stops, the municipality signal. */
export * from './history';
export * from './ladders';
export * from './municipality';
export * from './plan';
export * from './reasons';
