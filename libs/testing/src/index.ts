export * from './test-database';
export * from './mock-kafka';
export * from './wait-for';
export * from './feed-server';
export * from './article-events';
