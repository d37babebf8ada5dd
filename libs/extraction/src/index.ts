import type { SourceId } from '@sitrep/events';
import { placeMentionsIn, type Place } from './gazetteer';
import { sentencesOf } from './sentences';
import { claimantOf } from './sources';

export { extractFacts, type ArticleText } from './extract-facts';
export { extractDevelopments, type Development, type DevelopmentKind } from './developments';
export { EXTRACTOR_VERSION } from './extractor-version';
export { ACTORS, mentionedActors, type Actor, type ActorSide } from './actors';
export { GAZETTEER, placeMentionsIn, resolvePlace, type Place, type PlaceKind, type PlaceMention } from './gazetteer';
export { scoreCorpus, type GoldFact, type CorpusScore, type KindScore } from './score';
export { normalisePlaceName, levenshteinSimilarity } from './place-name';

/** The gazetteer places an article names, each once, in order of first mention. */
export function mentionedPlaces(article: { title: string; text: string }): Place[] {
  const places: Place[] = [];
  for (const { place } of placeMentionsIn(`${article.title}\n${article.text}`)) {
    if (!places.includes(place)) places.push(place);
  }
  return places;
}

/** The ids of the claimants an article cites, each once, in order of first citation. */
export function citedSources(article: { title: string; text: string }): SourceId[] {
  const sources: SourceId[] = [];
  let previous: SourceId | null = null;
  for (const { text, headline } of sentencesOf(article.title, article.text)) {
    const source = claimantOf(text, headline ? null : previous);
    if (source !== null && !sources.includes(source)) sources.push(source);
    if (!headline) previous = source ?? previous;
  }
  return sources;
}
