import type { Qualifier } from '@sitrep/events';

// Read right to left from the number: the longest phrase first ("just over" before "just").
const BEFORE: readonly [RegExp, Qualifier][] = [
  [/\b(?:just|only|barely|merely)\s+(?:over|more than|above)\s*$/i, 'more_than'],
  [/\b(?:just|only|barely)\s+(?:under|below|less than|fewer than)\s*$/i, 'up_to'],
  [/\b(?:at least|no fewer than|no less than|not less than|a minimum of|at a minimum)\s*$/i, 'at_least'],
  [
    /\b(?:more than|over|upwards of|in excess of|exceeding|exceeded|exceeds|surpassed|surpasses|surpassing|passed|passes|passing|topped|tops|topping|crossed|crosses|above|beyond|well over|greater than)\s*$/i,
    'more_than',
  ],
  [
    /\b(?:up to|less than|fewer than|under|within|as many as|as much as|at most|no more than|a maximum of|below)\s*$/i,
    'up_to',
  ],
  [
    /\b(?:about|around|approximately|approx\.|roughly|some|nearly|almost|close to|an estimated|estimated|neared|nears|nearing|approached|approaches|approaching|circa|ca\.|just about|more or less|near|nigh on)\s*$/i,
    'about',
  ],
  [/\b(?:just|only|barely|exactly|precisely)\s*$/i, 'exact'],
];

/** The qualifier the words right before a number give it; `undefined` when there are none. */
export function qualifierBefore(textBefore: string): Qualifier | undefined {
  const tail = textBefore.slice(-40);
  for (const [pattern, qualifier] of BEFORE) if (pattern.test(tail)) return qualifier;
  return undefined;
}
