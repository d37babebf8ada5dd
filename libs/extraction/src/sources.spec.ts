import { claimantAt, claimantOf } from './sources';

describe('claimantOf', () => {
  it.each([
    ['Twelve people were killed, the Britain-based monitor said.', 'SOHR'],
    ['According to the Syrian Observatory for Human Rights, 30 died.', 'SOHR'],
    ['Rami Abdel Rahman told AFP that the rebels were 3 km away.', 'SOHR'],
    ['State television said the army had retaken two villages.', 'SANA'],
    ['The Syrian army said 20 soldiers had died.', 'SyrianArmy'],
    ['Rebel commanders said they had seized the base.', 'HTS'],
    ['The rebel operations room announced the capture of the town.', 'HTS'],
    ['A senior U.N. official said 50,000 had fled.', 'UN'],
    ['UNICEF said eight children were among the dead.', 'UN'],
    ['The UN humanitarian office (OCHA) said 20,000 were displaced.', 'OCHA'],
    ['Rescuers from the White Helmets said nine civilians died.', 'WhiteHelmets'],
    ['The Russian Reconciliation Centre said 200 militants were killed.', 'RussianMoD'],
    ['Local activists said the town had fallen.', 'Other'],
    ['The village was captured, Al Mayadeen reported.', 'AlMayadeen'],
    ['Clashes have been reported near the town.', null],
    ['The rebels reportedly seized the town.', null],
    ['According to media reports, the airport was taken.', null],
  ])('%j is claimed by %s', (sentence, expected) => {
    expect(claimantOf(sentence, null)).toBe(expected);
  });

  it.each([
    ['It added that six soldiers were killed.'],
    ['Among them were four children.'],
    ['The same source said the front had moved.'],
  ])('carries the previous claimant into %j', (sentence) => {
    expect(claimantOf(sentence, 'SOHR')).toBe('SOHR');
  });

  it('credits each clause to its own speaker', () => {
    const sentence = 'The Kremlin voiced concern, while the Syrian army said 40 fighters were killed.';
    expect(claimantAt(sentence, sentence.indexOf('40'), null)).toBe('SyrianArmy');
  });
});
