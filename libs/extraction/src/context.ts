import { DAY_MONTH, MONTH_DAY } from './numbers';

/** The offensive began on 27 November 2024: figures of earlier days are background. */
const OFFENSIVE_START = Date.UTC(2024, 10, 27);

const CLAUSE_BREAK = /;|,\s*(?:which|who|where|when|while|whereas)\b|\s[–—]\s|\(|\)/g;

/** Start and end of the clause of the sentence that holds position `at`. */
export function clauseAt(sentence: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

// The war as a whole: "the conflict has killed more than half a million", "over the past 13 years".
const WAR_AS_A_WHOLE: readonly RegExp[] = [
  /\b(?:war|conflict|uprising|revolution)\b[^.;]{0,60}?\b(?:has|have|had)\s+(?:\w+\s+)?(?:killed|left|displaced|claimed|uprooted|forced|made)\b/i,
  /\b(?:war|conflict|uprising)\s*,?\s*(?:which|that)\s+(?:\w+\s+){0,3}(?:killed|left|displaced|claimed|uprooted)\b/i,
  /\b(?:past|last|previous)\s+(?:decade|\d+\s+years|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+years)\b/i,
  /\b(?:years|decades?) ago\b/i,
  /\bsince the (?:start of the )?(?:war|conflict|uprising|revolution)\b/i,
  /\bsince (?:the )?(?:war|conflict|uprising) (?:began|started|broke out|erupted)\b/i,
  /\b(?:civil war|the war|the conflict)\s+(?:in Syria\s+)?(?:began|started|broke out|erupted)\b/i,
];

const COMPARATIVE_SINCE =
  /\b(?:most|heaviest|fiercest|biggest|largest|worst|deadliest|first|strongest|bloodiest|major|significant|greatest|intense|violent|serious)\b[^.;]{0,80}\bsince\s+(?:early\s+|late\s+|mid-?)?$/i;

/**
 * Whether the figure at `at` is background: about the war as a whole, an earlier year, or a day
 * before the offensive. Years and dates count in the figure's own clause, so "..., which was the
 * focus of protests during the 2011 uprising" leaves the main clause alone.
 */
export function isBackgroundAt(sentence: string, at: number, publishedAt: string | null): boolean {
  if (WAR_AS_A_WHOLE.some((pattern) => pattern.test(sentence))) return true;
  const clause = clauseAt(sentence, at);
  const text = sentence.slice(clause.start, clause.end);
  for (const m of text.matchAll(/\b(19\d{2}|20[01]\d|202[0-3])\b/g)) {
    if (COMPARATIVE_SINCE.test(text.slice(0, m.index))) continue;
    return true;
  }
  const dates = datesIn(text, publishedAt);
  return dates.length > 0 && dates.every((date) => date < OFFENSIVE_START);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

function datesIn(text: string, publishedAt: string | null): number[] {
  const publishedYear = publishedAt !== null ? Number(publishedAt.slice(0, 4)) : NaN;
  const defaultYear = Number.isFinite(publishedYear) ? publishedYear : 2024;
  const dates: number[] = [];
  const add = (days: string, month: string, year: string | undefined): void => {
    const monthIndex = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
    const lastDay = Math.max(...[...days.matchAll(/\d{1,2}/g)].map((d) => Number(d[0])));
    if (monthIndex < 0 || !Number.isFinite(lastDay)) return;
    dates.push(Date.UTC(year !== undefined ? Number(year) : defaultYear, monthIndex, lastDay));
  };
  for (const m of text.matchAll(DAY_MONTH)) add(m[1] ?? '', m[2] ?? '', m[3]);
  for (const m of text.matchAll(MONTH_DAY)) add(m[2] ?? '', m[1] ?? '', m[3]);
  // "On Tuesday" in an article of Thursday 28 November: the latest Tuesday on or before the day of
  // publication, when no date is written. A day of slack for time zones: an article stamped late on
  // Monday in UTC may be Tuesday's where it was written.
  const published = publishedAt !== null ? Date.parse(publishedAt.slice(0, 10)) + 86_400_000 : NaN;
  if (dates.length === 0 && Number.isFinite(published)) {
    for (const m of text.matchAll(WEEKDAY)) {
      if (/\b(?:next|coming|following)\s+$/i.test(text.slice(0, m.index))) continue;
      const day = WEEKDAYS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase());
      const back = (new Date(published).getUTCDay() - day + 7) % 7;
      dates.push(published - back * 86_400_000);
    }
  }
  return dates;
}

/** Figures of other wars reported alongside the offensive. */
export function isAboutOtherWar(sentence: string): boolean {
  return /\b(?:Israel|Israeli|Israelis|Gaza|Hamas|Ukraine|Ukrainian|Sudan|Yemen|Lebanon|Lebanese)\b/.test(sentence);
}

/** A projection or a condition ("could reach 1.5 million", "expected to be displaced"), not a claim. */
export function isProjectionAt(sentence: string, at: number, end = at): boolean {
  const clause = clauseAt(sentence, at);
  // Only modals before the figure or close after it: "a figure it warned could double" later in
  // the clause is about another number.
  const text = sentence.slice(clause.start, Math.min(clause.end, end + 30));
  return /\b(?:could|would|might|will|may|expect(?:s|ed|ing)?|projected|projection|forecasts?|anticipat\w+|potentially|risk(?:s|ing)? of|fear(?:s|ed)? that|if)\b/.test(
    text,
  );
}
