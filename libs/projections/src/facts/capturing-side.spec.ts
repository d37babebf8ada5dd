import { capturingSide } from './capturing-side';

describe('capturingSide', () => {
  it.each([
    ['HTS and allied factions captured Saraqeb on Friday.', 'insurgents'],
    ['Government forces retook the village of Khanaser.', 'government'],
    ['Saraqeb was seized by rebels after heavy fighting.', 'insurgents'],
    ['The town fell to the opposition fighters on Thursday.', 'insurgents'],
    ['The Syrian army said HTS captured Khan Shaykhun.', 'insurgents'],
    ['Syrian regime forces on Tuesday captured the village of Khanaser.', 'government'],
    ['Saraqeb was captured on Friday.', null],
  ])('reads who took the place in "%s"', (sentence, side) => {
    expect(capturingSide(sentence)).toBe(side);
  });
});
