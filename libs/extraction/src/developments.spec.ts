import type { Development } from './developments';
import { extractDevelopments } from './developments';

const developmentsOf = (text: string, publishedAt: string | null = '2024-11-29'): Omit<Development, 'sentence'>[] =>
  extractDevelopments({ title: '', text, publishedAt }).map(({ kind, place }) => ({ kind, place }));

describe('extractDevelopments', () => {
  it.each([
    [
      'a launch',
      'HTS and allied factions launched a major offensive against government forces on Wednesday.',
      [{ kind: 'offensive_launched', place: null }],
    ],
    [
      'a launch in the passive',
      'Fighting persists following a surprise offensive initiated by jihadist forces from Idlib province.',
      [{ kind: 'offensive_launched', place: null }],
    ],
    ['a capture', 'Rebels took control of Saraqeb on Friday.', [{ kind: 'place_captured', place: 'Saraqeb' }]],
    [
      'a road cut by name',
      'HTS members reportedly cut the Damascus-to-Aleppo highway during clashes.',
      [{ kind: 'road_cut', place: 'Damascus-Aleppo highway' }],
    ],
    [
      'a road cut by its ends',
      'The rebels cut off the highway linking the capital, Damascus, with Aleppo.',
      [{ kind: 'road_cut', place: 'Damascus-Aleppo highway' }],
    ],
    ['a motorway by number', 'Rebels severed the M5 highway on Saturday.', [{ kind: 'road_cut', place: 'M5 highway' }]],
    [
      'a city shelled',
      'The militants shelled Aleppo for the first time in four years.',
      [{ kind: 'city_shelled', place: 'Aleppo' }],
    ],
    [
      'a city struck from the air',
      'Russian warplanes carried out airstrikes on Idlib city.',
      [{ kind: 'air_strike', place: 'Idlib' }],
    ],
    [
      'a city reached',
      'Fighters from HTS reached the outskirts of Aleppo.',
      [{ kind: 'city_reached', place: 'Aleppo' }],
    ],
    ['a city entered', 'Syrian rebels entered Hama on Thursday.', [{ kind: 'city_entered', place: 'Hama' }]],
  ])('reads %s', (_, text, expected) => {
    expect(developmentsOf(text)).toEqual(expected);
  });

  it.each([
    ['an attempt', 'The militants are trying to cut the Damascus-Aleppo highway.'],
    ['a threat', 'The rebels could reach Homs within days.'],
    ['background of an earlier year', 'Government forces shelled Aleppo heavily in 2016.'],
    ['another war', 'Israeli jets struck Beirut on Friday.'],
    ['a sentence with no development', 'Residents of Aleppo said they were afraid.'],
  ])('reads nothing from %s', (_, text) => {
    expect(developmentsOf(text)).toEqual([]);
  });

  it('reports each development once per article, with the first sentence that gives it', () => {
    const developments = extractDevelopments({
      title: 'Rebels enter Aleppo',
      text: 'Rebels entered Aleppo on Friday. Witnesses said fighters entered Aleppo from the west.',
      publishedAt: '2024-11-30',
    });
    expect(developments).toEqual([{ kind: 'city_entered', place: 'Aleppo', sentence: 'Rebels enter Aleppo' }]);
  });
});
