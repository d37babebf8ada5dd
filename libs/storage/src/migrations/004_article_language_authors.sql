-- ArticleIngested / ArticleRevised v2 (issue 4) carry the article's language and authors. Rows
-- projected from v1 events read them through the upcaster: language unknown (null), no authors.
alter table articles add column language text;
alter table articles add column authors text[] not null default '{}';
