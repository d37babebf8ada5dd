import type { Fact } from '@sitrep/events';

/** The figures of the offensive that the state and history follow (ARCHITECTURE.md, read models). */
export const METRICS = [
  'killed.total',
  'killed.civilians',
  'killed.insurgents',
  'killed.government',
  'injured.total',
  'displaced',
  'captured_localities',
  'recaptured_localities',
  'territory_km2',
] as const;

export type MetricName = (typeof METRICS)[number];

export const isMetricName = (value: string): value is MetricName => (METRICS as readonly string[]).includes(value);

/** The metric a fact reports, or null: a toll is named by kind and group, every other count by its kind. */
export const metricOf = (fact: Pick<Fact, 'kind' | 'group'>): MetricName | null => {
  const name = fact.kind === 'killed' || fact.kind === 'injured' ? `${fact.kind}.${fact.group}` : fact.kind;
  return isMetricName(name) ? name : null;
};

/** The same rule in SQL, over a row with `kind` and `grp`. */
export const METRIC_SQL = `case when kind in ('killed', 'injured') then kind || '.' || grp else kind end`;
