-- The log: every event exactly once, in the order it was appended. `position` is gapless because
-- appends are serialized (see event-log.ts); `hash` chains each event to the one before it.
create table event_log (
  position     bigint primary key,
  id           text not null unique,
  type         text not null,
  subject      text not null,
  time         timestamptz not null,
  envelope     jsonb not null,
  recorded_at  timestamptz not null default now(),
  hash         text not null
);
create index event_log_subject on event_log (subject, position);

-- Where each consumer has got to: a log position (stream 'event_log', partition 0) or a Kafka
-- offset (stream = topic). Written in the same transaction as the batch it acknowledges.
create table checkpoints (
  consumer    text not null,
  stream      text not null,
  partition   integer not null,
  position    bigint not null,
  updated_at  timestamptz not null default now(),
  primary key (consumer, stream, partition)
);

-- Events that could not be read or applied, with the error; the consumer moved on past them.
create table dead_letters (
  id          bigserial primary key,
  consumer    text not null,
  stream      text not null,
  partition   integer not null,
  position    bigint not null,
  event_id    text,
  payload     text not null,
  error       text not null,
  created_at  timestamptz not null default now()
);
