import { quantitiesIn } from './numbers';

describe('quantitiesIn', () => {
  it.each([
    ['Officials counted 14,000 people.', [14000]],
    ['Officials counted 14 000 people.', [14000]],
    ['Up to 1.5 million could flee.', [1500000]],
    ['fifty towns changed hands', [50]],
    ['a dozen villages fell', [12]],
    ['two hundred and fifty fighters', [250]],
    ['twenty-five soldiers', [25]],
    ['half a million people', [500000]],
    ['the toll passed 200+ overnight', [200]],
  ])('reads %j', (sentence, values) => {
    expect(quantitiesIn(sentence).map((q) => q.value)).toEqual(values);
  });

  it.each([
    'dozens of fighters and tens of thousands of residents',
    'a 10-year-old boy was hurt',
    'clashes on 29 November and on Dec. 2, 2024',
    'the M5 highway and Base 46',
    'rations were cut by 80% after $4 billion was pledged',
    'the fourth-largest city, the 3rd brigade',
    'in 2016 and since 2011',
    'at 10:30 GMT',
  ])('finds no count in %j', (sentence) => {
    expect(quantitiesIn(sentence)).toEqual([]);
  });

  it('marks a trailing plus sign', () => {
    expect(quantitiesIn('200+ dead')[0]).toMatchObject({ value: 200, plus: true });
  });
});
