export * from './pool';
export * from './migrate';
export * from './canonical-json';
export * from './event-log';
export * from './checkpoints';
export * from './dead-letters';
export * from './feed-poll-state';
export * from './embedded-postgres';
