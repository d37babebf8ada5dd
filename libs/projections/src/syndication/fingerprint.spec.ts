import { hammingDistance, simhashOf } from './fingerprint';

const WIRE =
  'Jihadists and their allies who launched a wide-scale offensive in northern Syria on Wednesday against regime troops ' +
  'were able to cut off a vital road linking Damascus with Aleppo, the Syrian Observatory for Human Rights said. ' +
  'The war monitor said more than 200 people had been killed since the start of the offensive, most of them fighters, ' +
  'and that the jihadists had reached the outskirts of the city after seizing dozens of villages in the countryside.';

const OTHER =
  'The United Nations said more than 14,000 people had fled their homes in Idlib and western Aleppo in two days, ' +
  'most of them women and children, as aid agencies warned that shelters in the north-west were already overcrowded ' +
  'and that winter rains had flooded several camps near the Turkish border where families were sleeping in the open.';

describe('simhashOf', () => {
  it('gives near fingerprints to copies of one story with another byline and a trimmed ending', () => {
    const copy = `By Staff Writer (AFP) - ${WIRE.split('. ').slice(0, 2).join('. ')}. Read more at wire.test.`;
    expect(hammingDistance(simhashOf(WIRE) ?? '', simhashOf(copy) ?? '')).toBeLessThanOrEqual(10);
  });

  it('gives distant fingerprints to different stories of the same day', () => {
    expect(hammingDistance(simhashOf(WIRE) ?? '', simhashOf(OTHER) ?? '')).toBeGreaterThan(15);
  });

  it('ignores case, accents and punctuation', () => {
    expect(simhashOf(WIRE.toUpperCase().replaceAll(',', ''))).toBe(simhashOf(WIRE));
  });

  it('does not fingerprint a text too short to tell copies from other stories', () => {
    expect(simhashOf('Fighting continued near the front line.')).toBeNull();
  });
});
