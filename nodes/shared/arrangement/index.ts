/** Payment arrangements: proposals within capacity and the protected floor, and checks against payments. */
export * from './check';
export * from './floor';
export * from './propose';
