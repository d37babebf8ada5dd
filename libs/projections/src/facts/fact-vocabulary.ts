import type { FactGroup, FactKind, Qualifier, SourceId } from '@sitrep/events';

/** The values shared/spec/facts.md allows, at run time: what the API checks its parameters against. */
export const FACT_KINDS = [
  'killed',
  'injured',
  'displaced',
  'captured_localities',
  'recaptured_localities',
  'territory_km2',
  'distance_km',
  'captured_place',
] as const satisfies readonly FactKind[];

export const FACT_GROUPS = ['total', 'civilians', 'insurgents', 'government'] as const satisfies readonly FactGroup[];

export const QUALIFIERS = ['exact', 'about', 'at_least', 'more_than', 'up_to'] as const satisfies readonly Qualifier[];

export const SOURCE_IDS = [
  'SOHR',
  'SANA',
  'SyrianArmy',
  'HTS',
  'OCHA',
  'UN',
  'Anadolu',
  'AlMayadeen',
  'RIA',
  'Tasnim',
  'Reuters',
  'AFP',
  'AP',
  'Xinhua',
  'AlJazeera',
  'RussianMoD',
  'WhiteHelmets',
  'Other',
] as const satisfies readonly SourceId[];
