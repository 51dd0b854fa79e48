export * from './features';
export * from './personas';
export * from './reasons';
export * from './segment';
export * from './reviewDate';
export * from './settings';
