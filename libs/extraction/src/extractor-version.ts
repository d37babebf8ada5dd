/** Bump when a rule, the gazetteer or the source table changes: facts read by another version may differ. */
export const EXTRACTOR_VERSION = '1.1.0';
