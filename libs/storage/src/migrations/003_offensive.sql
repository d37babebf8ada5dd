-- Read models of the offensive (issue 3). Each model keeps one row per article naming the event that
-- its rows come from (`*_articles`): an ArticleRevised replaces what the article's previous version
-- contributed, and an event applied again, or older than what the model reflects, changes nothing.

-- Facts read out of the articles, with their provenance.
create table fact_articles (
  article_id         text primary key,
  event_id           text not null,
  event_position     bigint not null,
  reported_at        timestamptz not null,  -- the article's publication, else its ingestion
  known_at           timestamptz not null,  -- when Sitrep recorded the event
  extractor_version  text not null
);

create table facts (
  article_id         text not null,
  ordinal            integer not null,      -- the fact's place in the extractor's output
  kind               text not null,
  grp                text,
  value              double precision,
  qualifier          text not null,
  place              text,
  source             text,
  sentence           text not null,
  -- captured_place only: the side the sentence says took the place (insurgents, government, other).
  side               text,
  reported_at        timestamptz not null,
  known_at           timestamptz not null,
  extractor_version  text not null,
  event_id           text not null,
  event_position     bigint not null,
  primary key (article_id, ordinal)
);
create index facts_newest_first on facts (reported_at desc, article_id, ordinal);
create index facts_by_kind on facts (kind, grp, reported_at);

-- Syndication: a fingerprint per article; near-duplicates printed within a few days share a cluster,
-- named after the first copy the log recorded.
create table article_fingerprints (
  article_id       text primary key,
  event_position   bigint not null,
  simhash          bit(64),                -- null when the text is too short to fingerprint
  reported_at      timestamptz not null,
  cluster_id       text not null
);
create index article_fingerprints_cluster on article_fingerprints (cluster_id);
create index article_fingerprints_reported on article_fingerprints (reported_at);

-- Gazetteer places each article mentions, with how often and where the place is.
create table place_articles (
  article_id       text primary key,
  event_position   bigint not null
);

create table place_mentions (
  article_id       text not null,
  place            text not null,           -- the gazetteer's canonical name
  kind             text not null,
  province         text not null,
  lat              double precision not null,
  lon              double precision not null,
  mentions         integer not null,
  reported_at      timestamptz not null,
  event_position   bigint not null,
  primary key (article_id, place)
);
create index place_mentions_place on place_mentions (place);

-- Developments of the offensive (launched, places captured, roads cut, cities shelled…) per article.
create table timeline_articles (
  article_id       text primary key,
  event_position   bigint not null
);

create table developments (
  article_id       text not null,
  ordinal          integer not null,
  kind             text not null,
  place            text,
  sentence         text not null,
  title            text not null,
  outlet           text,
  reported_at      timestamptz not null,
  known_at         timestamptz not null,
  event_position   bigint not null,
  primary key (article_id, ordinal)
);
create index developments_by_time on developments (reported_at);
