export * from './event-sink';
export * from './event-log-sink';
export * from './kafka-client';
export * from './kafka-sink';
export * from './projection-runner';
export * from './apply-to-read-models';
export * from './event-log-runner';
export * from './kafka-runner';
