import { sentencesOf } from './sentences';

describe('sentencesOf', () => {
  it('splits at full stops but not after abbreviations, initials or inside numbers', () => {
    const text =
      'The U.N. said 1.5 million could flee. Gen. Smith agreed on Nov. 30. "They fled," he said. Talks resume today.';
    expect(sentencesOf('', text).map((s) => s.text)).toEqual([
      'The U.N. said 1.5 million could flee.',
      'Gen. Smith agreed on Nov. 30.',
      '"They fled," he said.',
      'Talks resume today.',
    ]);
  });

  it('treats the title and unpunctuated short lines as headlines', () => {
    const sentences = sentencesOf('Rebels take town', 'Fighting rages\nRebels took the town on Monday.');
    expect(sentences.map((s) => s.headline)).toEqual([true, true, false]);
  });
});
