import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFacts, scoreCorpus, type CorpusScore, type GoldFact, type KindScore } from '@sitrep/extraction';
import type { Fact } from '@sitrep/events';
import { readArticle } from './read-article';

export interface EvalPair {
  file: string;
  predicted: Fact[];
  gold: GoldFact[];
}

/** Every *.json article of the folder, extracted, beside its gold facts. */
export async function evalPairs(dir: string): Promise<EvalPair[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const pairs: EvalPair[] = [];
  for (const name of files) {
    const article = await readArticle(join(dir, name));
    if (article.facts === undefined) throw new Error(`${name}: expected gold "facts", found none`);
    pairs.push({ file: name, predicted: extractFacts(article), gold: article.facts });
  }
  return pairs;
}

/** `eval DIR [--min-f1 X] [--json]`: scores the extractor on a gold corpus. */
export async function evalCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const minIndex = args.indexOf('--min-f1');
  const minF1 = minIndex >= 0 ? Number(args[minIndex + 1]) : undefined;
  const dir = args.find((arg, i) => !arg.startsWith('--') && !(minIndex >= 0 && i === minIndex + 1));
  if (dir === undefined || (minF1 !== undefined && !Number.isFinite(minF1))) {
    process.stderr.write('usage: eval DIR [--min-f1 X] [--json]\n');
    return 2;
  }
  let pairs: EvalPair[];
  try {
    pairs = await evalPairs(dir);
  } catch (error) {
    process.stderr.write(
      `eval: cannot read corpus ${dir}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  if (pairs.length === 0) {
    process.stderr.write(`eval: no *.json articles in ${dir}\n`);
    return 1;
  }
  const score = scoreCorpus(pairs);
  process.stdout.write(json ? `${JSON.stringify(score, null, 2)}\n` : scoreTable(score, pairs.length));
  if (minF1 !== undefined && score.overall.f1 < minF1) {
    process.stderr.write(`eval: F1 ${score.overall.f1.toFixed(3)} is below --min-f1 ${minF1}\n`);
    return 1;
  }
  return 0;
}

export function scoreTable(score: CorpusScore, articles: number): string {
  const row = (name: string, s: KindScore): string =>
    `${name.padEnd(24)}${s.precision.toFixed(3).padStart(10)}${s.recall.toFixed(3).padStart(10)}${s.f1.toFixed(3).padStart(8)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}\n`;
  let table = `${articles} articles, ${score.matched} matched facts\n\n`;
  table += `${'kind'.padEnd(24)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(8)}${'tp'.padStart(6)}${'fp'.padStart(6)}${'fn'.padStart(6)}\n`;
  for (const [kind, s] of Object.entries(score.byKind).sort(([a], [b]) => a.localeCompare(b))) table += row(kind, s);
  table += row('overall', score.overall);
  table += `\nqualifier accuracy ${score.qualifierAccuracy.toFixed(3)}\nsource accuracy    ${score.sourceAccuracy.toFixed(3)}\n\nF1 ${score.overall.f1.toFixed(3)}\n`;
  return table;
}
