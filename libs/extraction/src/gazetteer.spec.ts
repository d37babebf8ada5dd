import { GAZETTEER, placeMentionsIn, resolvePlace } from './gazetteer';

describe('gazetteer', () => {
  it('covers the theatre with unique names and coordinates inside Syria', () => {
    expect(GAZETTEER.length).toBeGreaterThanOrEqual(100);
    expect(new Set(GAZETTEER.map((p) => p.name)).size).toBe(GAZETTEER.length);
    for (const place of GAZETTEER) {
      expect(place.lat).toBeGreaterThan(32);
      expect(place.lat).toBeLessThan(37.5);
      expect(place.lon).toBeGreaterThan(35.5);
      expect(place.lon).toBeLessThan(42.5);
    }
  });

  it.each([
    ['Saraqib', 'Saraqeb'],
    ['Tel Rifaat', 'Tal Rifaat'],
    ['Khan Sheikhoun', 'Khan Shaykhun'],
    ["Maarrat al-Nu'man", 'Maarat al-Numan'],
    ['ar-Rastan', 'Rastan'],
    ['Hama’s military airport', 'Hama Military Airport'],
  ])('resolves %j to %j', (alias, name) => {
    expect(resolvePlace(alias)?.name).toBe(name);
  });

  it('finds the longest name and needs a capital letter', () => {
    const names = placeMentionsIn('Jets struck Aleppo International Airport, then hama and Hama.').map(
      (m) => m.place.name,
    );
    expect(names).toEqual(['Aleppo International Airport', 'Hama']);
    expect(placeMentionsIn('fighting in Idlib province').map((m) => m.place.kind)).toEqual(['governorate']);
  });
});
