import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreCorpus } from '@sitrep/extraction';
import { evalPairs } from './eval.command';

// The corpus lives beside the repository, never in it. A missing folder fails the test: a passing
// test that scored nothing would hide a broken checkout.
const corpusDir = resolve(process.cwd(), process.env['SITREP_CORPUS_DIR'] ?? '../shared/corpus/dev');

describe('eval on the development corpus', () => {
  it('finds the corpus', () => {
    if (!existsSync(corpusDir)) {
      throw new Error(
        `corpus folder ${corpusDir} is missing: set SITREP_CORPUS_DIR or check out shared/ beside the repository`,
      );
    }
  });

  it('reaches F1 0.90 with qualifier and source accuracy 0.90', async () => {
    const score = scoreCorpus(await evalPairs(corpusDir));
    expect(score.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(score.qualifierAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.sourceAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the figures the read models are tested on from the seed articles', async () => {
    const facts = (await evalPairs(corpusDir)).filter((p) => p.file.startsWith('seed-')).flatMap((p) => p.predicted);
    const has = (expected: object): void => expect(facts).toContainEqual(expect.objectContaining(expected));
    has({ kind: 'killed', group: 'total', value: 242, qualifier: 'at_least', source: 'SOHR' });
    has({ kind: 'displaced', value: 14000, source: 'OCHA' });
    has({ kind: 'killed', group: 'civilians', value: 24, source: 'SOHR' });
    has({ kind: 'captured_localities', value: 56, source: 'HTS' });
    has({ kind: 'captured_localities', value: 50, source: 'SOHR' });
    has({ kind: 'territory_km2', value: 400 });
  });
});
