/**
 * A fact read out of an article, exactly as shared/spec/facts.md defines it: the contract between
 * extraction, read models, the API and the evaluation corpus.
 */
export type FactKind =
  | 'killed'
  | 'injured'
  | 'displaced'
  | 'captured_localities'
  | 'recaptured_localities'
  | 'territory_km2'
  | 'distance_km'
  | 'captured_place';

export type FactGroup = 'total' | 'civilians' | 'insurgents' | 'government';

export type Qualifier = 'exact' | 'about' | 'at_least' | 'more_than' | 'up_to';

export type SourceId =
  | 'SOHR'
  | 'SANA'
  | 'SyrianArmy'
  | 'HTS'
  | 'OCHA'
  | 'UN'
  | 'Anadolu'
  | 'AlMayadeen'
  | 'RIA'
  | 'Tasnim'
  | 'Reuters'
  | 'AFP'
  | 'AP'
  | 'Xinhua'
  | 'AlJazeera'
  | 'RussianMoD'
  | 'WhiteHelmets'
  | 'Other';

export interface Fact {
  kind: FactKind;
  group: FactGroup | null; // killed and injured only
  value: number | null; // null for captured_place only
  qualifier: Qualifier;
  place: string | null; // distance_km and captured_place only: the gazetteer's canonical name when resolved
  source: SourceId | null;
  sentence: string;
}
