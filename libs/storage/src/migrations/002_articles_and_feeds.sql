-- Read model: the articles, as of their latest revision.
create table articles (
  id               text primary key,
  feed_url         text not null,
  outlet           text,
  title            text not null,
  link             text,
  published_at     timestamptz,
  text             text not null,
  content_hash     text not null,
  revision         integer not null,
  ingested_at      timestamptz not null,
  revised_at       timestamptz,
  -- What "newest first" orders by: the publication time, else the ingestion time.
  sort_at          timestamptz not null,
  event_position   bigint not null
);
create index articles_newest_first on articles (sort_at desc, id desc);

-- Read model: the feeds being polled, from FeedSubscribed / FeedUnsubscribed.
create table feeds (
  id               text primary key,
  url              text not null unique,
  active           boolean not null,
  subscribed_at    timestamptz not null,
  unsubscribed_at  timestamptz,
  event_position   bigint not null
);

-- The poller's own state, advanced only after the events of a poll were acknowledged.
create table feed_poll_state (
  feed_id              text primary key,
  url                  text not null,
  etag                 text,
  last_modified        text,
  last_polled_at       timestamptz,
  last_success_at      timestamptz,
  last_error           text,
  consecutive_failures integer not null default 0
);
create table seen_articles (
  article_id    text primary key,
  content_hash  text not null,
  feed_id       text not null,
  seen_at       timestamptz not null default now()
);
