export * from './tokens';
export * from './json-logger';
export * from './database';
export * from './platform.module';
export * from './exit-on-startup-error';
export * from './close-on-signals';
