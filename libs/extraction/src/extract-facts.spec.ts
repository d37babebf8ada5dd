import type { Fact } from '@sitrep/events';
import { extractFacts } from './extract-facts';

type Expected = Omit<Fact, 'sentence'>;

const factsOf = (text: string, title = ''): Expected[] =>
  extractFacts({ title, text, publishedAt: '2024-12-02' }).map(({ sentence: _sentence, ...fact }) => fact);

const killed = (
  group: Fact['group'],
  value: number,
  qualifier: Fact['qualifier'],
  source: Fact['source'],
): Expected => ({
  kind: 'killed',
  group,
  value,
  qualifier,
  place: null,
  source,
});
const taken = (place: string, source: Fact['source']): Expected => ({
  kind: 'captured_place',
  group: null,
  value: null,
  qualifier: 'exact',
  place,
  source,
});

describe('extractFacts', () => {
  it.each<[string, Expected[]]>([
    [
      'The death toll from four days of fighting has risen to 327, including 44 civilians, according to the war monitor.',
      [killed('total', 327, 'exact', 'SOHR'), killed('civilians', 44, 'exact', 'SOHR')],
    ],
    [
      'The monitor said at least 70 HTS fighters, 23 allied gunmen and 51 soldiers had died.',
      [
        killed('insurgents', 70, 'at_least', 'SOHR'),
        killed('insurgents', 23, 'at_least', 'SOHR'),
        killed('government', 51, 'at_least', 'SOHR'),
      ],
    ],
    [
      'Thirty civilians were killed, nine of them in Russian air raids, while 41 others were hurt, rescuers from the White Helmets said.',
      [
        killed('civilians', 30, 'exact', 'WhiteHelmets'),
        killed('civilians', 9, 'exact', 'WhiteHelmets'),
        { kind: 'injured', group: 'civilians', value: 41, qualifier: 'exact', place: null, source: 'WhiteHelmets' },
      ],
    ],
    [
      'Shelling killed some 15 people and wounded nearly 60 in the old city, state television said.',
      [
        killed('total', 15, 'about', 'SANA'),
        { kind: 'injured', group: 'total', value: 60, qualifier: 'about', place: null, source: 'SANA' },
      ],
    ],
    [
      'Between 60,000 and 80,000 people have been displaced in Hama province alone, the U.N. humanitarian office said.',
      [
        { kind: 'displaced', group: null, value: 60000, qualifier: 'at_least', place: null, source: 'OCHA' },
        { kind: 'displaced', group: null, value: 80000, qualifier: 'up_to', place: null, source: 'OCHA' },
      ],
    ],
    [
      'Rebel fighters seized the town of Saraqib on Sunday, cutting the M5 highway, the Britain-based monitor said.',
      [taken('Saraqeb', 'SOHR')],
    ],
    [
      'Turkish-backed factions took control of Tel Refaat and the Menagh air base, the Observatory reported.',
      [taken('Tal Rifaat', 'SOHR'), taken('Menagh Military Airport', 'SOHR')],
    ],
    [
      'Insurgents captured Aleppo and its airport on Saturday.',
      [taken('Aleppo', null), taken('Aleppo International Airport', null)],
    ],
    [
      'Opposition groups said they had taken the villages of Deir Sunbul, Tell Hamkeh and Kafr Ruma in the countryside of Idlib.',
      [taken('Deir Sunbul', 'HTS'), taken('Tell Hamkeh', 'HTS'), taken('Kafr Ruma', 'HTS')],
    ],
    [
      'The army said it had driven the terrorists out of 14 villages near Morek.',
      [
        {
          kind: 'recaptured_localities',
          group: null,
          value: 14,
          qualifier: 'exact',
          place: null,
          source: 'SyrianArmy',
        },
      ],
    ],
    [
      'The insurgents now control 11 of the country’s 14 provincial capitals, Reuters reported.',
      [{ kind: 'captured_localities', group: null, value: 11, qualifier: 'exact', place: null, source: 'Reuters' }],
    ],
    [
      'Opposition fighters were within 3 miles of the city of Hama on Tuesday, residents said.',
      [{ kind: 'distance_km', group: null, value: 4.8, qualifier: 'up_to', place: 'Hama', source: 'Other' }],
    ],
    [
      'They now hold about 150 square miles (390 square kilometres) of territory.',
      [{ kind: 'territory_km2', group: null, value: 390, qualifier: 'about', place: null, source: null }],
    ],
    [
      'The Observatory said the toll rose to 418 on Sunday, among them 58 civilians.',
      [killed('total', 418, 'exact', 'SOHR'), killed('civilians', 58, 'exact', 'SOHR')],
    ],
    [
      'Medics said 17 people were killed, six of them children, when a missile hit a bakery.',
      [killed('total', 17, 'exact', 'Other'), killed('civilians', 6, 'exact', 'Other')],
    ],
    [
      'The monitor said 380 of the dead were rebels and 335 were soldiers or loyalist militiamen.',
      [killed('insurgents', 380, 'exact', 'SOHR'), killed('government', 335, 'exact', 'SOHR')],
    ],
    [
      'The agency said 280,000 people had been uprooted, a figure it warned could climb much higher.',
      [{ kind: 'displaced', group: null, value: 280000, qualifier: 'exact', place: null, source: null }],
    ],
    ['Rebels seized Aleppo’s Nairab airport on Saturday.', [taken('Nayrab Military Airport', null)]],
    [
      'Government troops pulled out of Daraa, and local fighters said they had taken over the city.',
      [taken('Daraa', 'HTS')],
    ],
    [
      'Syria’s armed opposition seized four towns, opposition activists said.',
      [{ kind: 'captured_localities', group: null, value: 4, qualifier: 'exact', place: null, source: 'Other' }],
    ],
    [
      'Rebels have overrun Maaret al-Numan and are now less than 13 miles (21 km) from Hama, a rebel commander said.',
      [
        taken('Maarat al-Numan', 'HTS'),
        { kind: 'distance_km', group: null, value: 21, qualifier: 'up_to', place: 'Hama', source: 'HTS' },
      ],
    ],
  ])('reads %j', (text, expected) => {
    expect(factsOf(text)).toEqual(expected);
  });

  it.each([
    'Since the war began in 2011, more than 500,000 people have been killed.',
    'In 2016, government forces retook eastern Aleppo after a long siege.',
    'On November 25, an airstrike on Atarib killed nine people, rescuers said.',
    'Israeli strikes on Lebanon killed 3,000 people over the past year.',
    'Up to 1.5 million people could be forced from their homes, the agency warned.',
    'Rebels reached the outskirts of Hama and besieged the town of Suran.',
    'The fighters are preparing to seize Maarat al-Numan.',
    'Dozens of soldiers were killed and thousands fled.',
    'Homs, a major crossroads, lies 45 km south of Hama.',
    'SANA said 1,200 families had been displaced, while 150 prisoners were freed.',
    'Kurdish-led forces said 12 of their fighters were killed near Manbij.',
    'Rebels control parts of Idlib province and several neighbourhoods of Aleppo.',
    'An SDF spokesman said 20 fighters had died in clashes near Manbij.',
    'Rebels entered Homs and reached the gates of the central prison.',
  ])('finds nothing in %j', (text) => {
    expect(factsOf(text)).toEqual([]);
  });

  it('lets the body’s qualifier win over the headline’s', () => {
    const facts = factsOf(
      'More than 14,000 people have fled their homes, OCHA said.',
      '14,000 displaced by the fighting',
    );
    expect(facts).toEqual([
      { kind: 'displaced', group: null, value: 14000, qualifier: 'more_than', place: null, source: 'OCHA' },
    ]);
  });

  it('carries the claimant and the toll into a breakdown in the next sentence', () => {
    const facts = factsOf(
      'Fighting has killed 260 people, the Observatory said. These are 150 rebels and 110 soldiers.',
    );
    expect(facts).toEqual([
      killed('total', 260, 'exact', 'SOHR'),
      killed('insurgents', 150, 'exact', 'SOHR'),
      killed('government', 110, 'exact', 'SOHR'),
    ]);
  });

  it('keeps the sentence each fact was read from', () => {
    const [fact] = extractFacts({
      title: '',
      text: 'Intro line here. Rebels took Saraqeb on Friday.',
      publishedAt: null,
    });
    expect(fact?.sentence).toBe('Rebels took Saraqeb on Friday.');
  });
});
