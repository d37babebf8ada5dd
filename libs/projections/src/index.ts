export * from './db';
export * from './cursor';
export * from './projection';
export * from './articles/articles.projection';
export * from './articles/articles.queries';
export * from './feeds/feeds.projection';
export * from './feeds/feeds.queries';
