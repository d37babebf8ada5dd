export * from './envelope';
export * from './article-ingested.v1';
export * from './article-revised.v1';
export * from './feed-subscribed.v1';
export * from './feed-unsubscribed.v1';
export * from './sitrep-event';
export * from './fact';
export * from './stored-event';
