import type { Fact } from '@sitrep/events';
import { extractFacts } from './extract-facts';

/**
 * Sentences written in the styles of wire copy, state media, monitors and UN updates about the
 * offensive, none taken from the corpus: the rules must read language they were not written from.
 * Gold facts follow shared/spec/facts.md.
 */
type Expected = Omit<Fact, 'sentence'>;

interface Case {
  text: string;
  title?: string;
  publishedAt?: string;
  facts: Expected[];
}

const toll =
  (kind: 'killed' | 'injured') =>
  (group: Fact['group'], value: number, qualifier: Fact['qualifier'], source: Fact['source']): Expected => ({
    kind,
    group,
    value,
    qualifier,
    place: null,
    source,
  });
const killed = toll('killed');
const injured = toll('injured');
const displaced = (value: number, qualifier: Fact['qualifier'], source: Fact['source']): Expected => ({
  kind: 'displaced',
  group: null,
  value,
  qualifier,
  place: null,
  source,
});
const measure = (
  kind: 'captured_localities' | 'recaptured_localities' | 'territory_km2',
  value: number,
  qualifier: Fact['qualifier'],
  source: Fact['source'],
): Expected => ({ kind, group: null, value, qualifier, place: null, source });
const distance = (value: number, qualifier: Fact['qualifier'], place: string, source: Fact['source']): Expected => ({
  kind: 'distance_km',
  group: null,
  value,
  qualifier,
  place,
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

const CASES: Case[] = [
  // Tolls: groups, breakdowns, qualifiers.
  {
    text: 'At least 37 fighters were killed on the first day of the insurgent offensive west of Aleppo, among them 25 HTS fighters and 12 soldiers, the Syrian Observatory for Human Rights said.',
    facts: [
      killed('total', 37, 'at_least', 'SOHR'),
      killed('insurgents', 25, 'at_least', 'SOHR'),
      killed('government', 12, 'at_least', 'SOHR'),
    ],
  },
  {
    text: 'Some 80 combatants died in the battle for the town, including 50 rebels and 30 members of the army and allied militias, the monitor said.',
    facts: [
      killed('total', 80, 'about', 'SOHR'),
      killed('insurgents', 50, 'exact', 'SOHR'),
      killed('government', 30, 'exact', 'SOHR'),
    ],
  },
  {
    text: 'Fighting in Idlib and Aleppo has killed 412 fighters since Wednesday: 214 from HTS and allied factions and 198 regime troops, the war monitor said.',
    facts: [
      killed('total', 412, 'exact', 'SOHR'),
      killed('insurgents', 214, 'exact', 'SOHR'),
      killed('government', 198, 'exact', 'SOHR'),
    ],
  },
  {
    text: 'The death toll rose to 704, including 110 civilians, the Britain-based monitor said on Sunday.',
    facts: [killed('total', 704, 'exact', 'SOHR'), killed('civilians', 110, 'exact', 'SOHR')],
  },
  {
    text: 'Air strikes on a crowded roundabout in Idlib killed nine civilians and wounded 23 others, the White Helmets said.',
    facts: [killed('civilians', 9, 'exact', 'WhiteHelmets'), injured('civilians', 23, 'exact', 'WhiteHelmets')],
  },
  {
    text: 'Forty soldiers were wounded and a further 12 killed when insurgents overran their positions near Morek, a military source told state media.',
    facts: [injured('government', 40, 'exact', 'SyrianArmy'), killed('government', 12, 'exact', 'SyrianArmy')],
  },
  {
    text: 'Xinhua reported that 17 Syrian soldiers died and 31 were injured in drone strikes on army posts in northern Hama.',
    facts: [killed('government', 17, 'exact', 'Xinhua'), injured('government', 31, 'exact', 'Xinhua')],
  },
  {
    text: 'The army said it had killed more than 1,000 terrorists in counter-attacks in the Hama and Idlib countryside over the past two days.',
    facts: [killed('insurgents', 1000, 'more_than', 'SyrianArmy')],
  },
  {
    text: 'Russian and Syrian aircraft have eliminated at least 400 militants, TASS reported, citing the Russian Defence Ministry.',
    facts: [killed('insurgents', 400, 'at_least', 'RussianMoD')],
  },
  {
    text: 'Some 300 rebels were killed in Russian and Syrian strikes overnight, Russia’s defence ministry said.',
    facts: [killed('insurgents', 300, 'about', 'RussianMoD')],
  },
  {
    text: 'The death toll from the offensive has exceeded 900, the monitor said.',
    facts: [killed('total', 900, 'more_than', 'SOHR')],
  },
  {
    text: 'UNICEF said at least 16 children were among those killed.',
    facts: [killed('civilians', 16, 'at_least', 'UN')],
  },
  {
    text: 'The shelling killed four students at the university dormitories in Aleppo, the state news agency SANA said.',
    facts: [killed('civilians', 4, 'exact', 'SANA')],
  },
  {
    text: 'The Observatory said 60 rebels and 35 pro-government fighters were killed in the clashes, bringing the toll since Wednesday to 1,245.',
    facts: [
      killed('insurgents', 60, 'exact', 'SOHR'),
      killed('government', 35, 'exact', 'SOHR'),
      killed('total', 1245, 'exact', 'SOHR'),
    ],
  },
  {
    text: 'Nearly 900 people have been killed in the first week of the offensive, including 215 civilians, the Observatory said.',
    facts: [killed('total', 900, 'about', 'SOHR'), killed('civilians', 215, 'exact', 'SOHR')],
  },
  {
    text: 'At least 20 people, among them eight children, were killed in strikes on Idlib city on Monday, the civil defence said.',
    facts: [killed('total', 20, 'at_least', 'WhiteHelmets'), killed('civilians', 8, 'at_least', 'WhiteHelmets')],
  },
  {
    text: 'Killing 24 and wounding 57, the strike on the market was the deadliest of the week, local health authorities said.',
    facts: [killed('total', 24, 'exact', 'Other'), injured('total', 57, 'exact', 'Other')],
  },
  {
    text: 'Dozens of people were killed and hundreds wounded as the rebels stormed the city, residents said.',
    facts: [],
  },
  {
    text: 'Twelve fighters from Iran-backed militias were among the dead, according to the Observatory.',
    facts: [killed('government', 12, 'exact', 'SOHR')],
  },
  {
    text: 'The Observatory said 26 people were killed in the strikes. Of those, 14 were civilians.',
    facts: [killed('total', 26, 'exact', 'SOHR'), killed('civilians', 14, 'exact', 'SOHR')],
  },
  {
    title: 'Syria rebels’ push kills over 200',
    text: 'The fighting in Aleppo and Idlib has killed 242 people, including 24 civilians, according to the Syrian Observatory for Human Rights.',
    facts: [killed('total', 242, 'exact', 'SOHR'), killed('civilians', 24, 'exact', 'SOHR')],
  },
  {
    title: 'Death toll in Syria fighting passes 300',
    text: 'The Observatory put the death toll at 311 on Saturday.',
    facts: [killed('total', 311, 'exact', 'SOHR')],
  },

  // Displacement.
  {
    text: 'More than 370,000 people have been displaced since the start of the offensive, OCHA said on Thursday.',
    facts: [displaced(370000, 'more_than', 'OCHA')],
  },
  {
    text: 'Nearly 50,000 people have fled their homes in northern Hama, the United Nations said.',
    facts: [displaced(50000, 'about', 'UN')],
  },
  {
    text: 'The fighting has forced about 280,000 people from their homes, the World Food Programme said.',
    facts: [displaced(280000, 'about', 'UN')],
  },
  {
    text: 'UN humanitarian chief Tom Fletcher said the offensive had uprooted some 1.1 million people in the northwest.',
    facts: [displaced(1100000, 'about', 'UN')],
  },

  // Not facts: background, other wars, other counts, vague amounts.
  {
    text: 'Syria’s war has killed more than 500,000 people since 2011 and displaced half the pre-war population.',
    facts: [],
  },
  {
    text: 'Israeli strikes in Lebanon have killed more than 3,800 people since October last year, the Lebanese health ministry said.',
    facts: [],
  },
  {
    text: 'Sixteen SDF fighters were killed in clashes with Turkish-backed factions near Manbij, the Kurdish-led force said.',
    facts: [],
  },
  {
    text: 'Some 1,200 refugees returned from Turkey through the Bab al-Hawa crossing on Monday, Turkish officials said.',
    facts: [],
  },
  {
    text: 'Rebels freed hundreds of prisoners from a jail in the city, where some 2,000 detainees had been held.',
    facts: [],
  },
  {
    text: 'In 2020, a Russian-backed government offensive displaced nearly a million people.',
    facts: [],
  },
  {
    text: 'On Tuesday, government shelling killed four civilians in Atarib, the White Helmets said.',
    publishedAt: '2024-11-28',
    facts: [],
  },
  {
    text: 'Rebels captured dozens of villages in the Aleppo countryside.',
    facts: [],
  },
  {
    text: 'Between 400 and 500 regime soldiers were taken prisoner, the opposition claimed.',
    facts: [],
  },
  {
    text: 'The UN warned that the number of displaced could reach 1.5 million if the fighting reaches Homs.',
    facts: [],
  },

  // Distances and areas.
  {
    text: 'Opposition fighters came within 10 km of Hama on Tuesday, a rebel commander told Reuters.',
    facts: [distance(10, 'up_to', 'Hama', 'HTS')],
  },
  {
    text: 'The insurgents were about six miles from the city of Homs, according to the Syrian Observatory.',
    facts: [distance(9.7, 'about', 'Homs', 'SOHR')],
  },
  {
    text: 'The insurgents advanced to within 20 miles (32 km) of Damascus, a war monitor said.',
    facts: [distance(32, 'up_to', 'Damascus', 'SOHR')],
  },
  {
    text: 'Rebels said they had seized 250 square kilometres of territory in the first 48 hours.',
    facts: [measure('territory_km2', 250, 'exact', 'HTS')],
  },
  {
    text: 'The fighters now control an area of some 400 square miles, the monitor said.',
    facts: [measure('territory_km2', 1036, 'about', 'SOHR')],
  },

  // Counts of places.
  {
    text: 'In a statement, the Military Operations Command said its forces had liberated 8 towns and 20 villages in the eastern Hama countryside.',
    facts: [measure('captured_localities', 8, 'exact', 'HTS'), measure('captured_localities', 20, 'exact', 'HTS')],
  },
  {
    text: 'Anadolu said SNA fighters had liberated Tal Rifaat and 17 surrounding villages from the YPG.',
    facts: [taken('Tal Rifaat', 'Anadolu'), measure('captured_localities', 17, 'exact', 'Anadolu')],
  },
  {
    text: 'The Syrian army said it had recaptured 12 villages and towns in northern Hama, including Kafr Nabuda and Suran.',
    facts: [
      measure('recaptured_localities', 12, 'exact', 'SyrianArmy'),
      taken('Kafr Nabuda', 'SyrianArmy'),
      taken('Suran', 'SyrianArmy'),
    ],
  },

  // Captures.
  {
    text: 'Insurgents took control of the towns of Rastan and Talbiseh overnight, the Observatory said.',
    facts: [taken('Rastan', 'SOHR'), taken('Talbiseh', 'SOHR')],
  },
  {
    text: 'Tahrir al-Sham fighters seized Aleppo’s international airport and the nearby Kuweires military airport, Al Jazeera reported.',
    facts: [taken('Aleppo International Airport', 'AlJazeera'), taken('Kuweires Military Airport', 'AlJazeera')],
  },
  {
    text: 'The Syrian army said on Thursday it had redeployed outside Hama, while rebels said they had taken full control of the city.',
    facts: [taken('Hama', 'HTS')],
  },
  {
    text: 'Rebels now control Daraa city and most of the province, the war monitor said.',
    facts: [taken('Daraa', 'SOHR')],
  },
  {
    text: 'Hama fell to the rebels on Thursday after days of fighting, Reuters reported.',
    facts: [taken('Hama', 'Reuters')],
  },
  {
    text: 'Insurgents entered Homs and besieged the military academy, state TV said.',
    facts: [],
  },
  {
    text: 'Rebels reached the outskirts of Hama on Monday, their operations room said.',
    facts: [],
  },
  {
    text: 'Government forces retook the town of Suran and several nearby hills, the defence ministry said, adding that dozens of militants had been killed.',
    facts: [taken('Suran', 'SyrianArmy')],
  },
  {
    text: 'Rebels said they had captured the strategic town of Khan Shaykhun.',
    facts: [taken('Khan Shaykhun', 'HTS')],
  },
  {
    text: 'Local armed factions declared Suwayda free of regime forces on Friday night, according to activists.',
    facts: [taken('Suwayda', 'Other')],
  },
  {
    text: 'Fighters from the south entered Daraa on Friday. By the evening they had taken control of the city, SOHR said.',
    facts: [taken('Daraa', 'SOHR')],
  },
  {
    text: 'Opposition factions are now in control of Homs, the Observatory said.',
    facts: [taken('Homs', 'SOHR')],
  },
  // A second batch, written after the rules above were fixed, to see them generalise.
  {
    text: 'Syrian government forces pushed the militants back from several positions in northern Hama, the defence ministry said.',
    facts: [],
  },
  {
    text: "The Syrian Ministry of Defense said its forces had killed 'hundreds of terrorists' and destroyed 24 drones.",
    facts: [],
  },
  {
    text: 'Over 115,000 people had been newly displaced in Idlib and northern Aleppo as of 1 December, according to OCHA.',
    facts: [displaced(115000, 'more_than', 'OCHA')],
  },
  {
    title: "Syrian Observatory: 'Deterrence of Aggression' factions take full control of Hama city",
    text: '',
    facts: [taken('Hama', 'SOHR')],
  },
  {
    text: 'The rebels also captured Maarat al-Numan, a town on the M5 highway, and Khan Shaykhun further south, a rebel source told AFP.',
    facts: [taken('Maarat al-Numan', 'HTS'), taken('Khan Shaykhun', 'HTS')],
  },
  {
    text: 'Kurdish-led forces withdrew from Tal Rifaat after Turkish-backed factions advanced on the town.',
    facts: [],
  },
  {
    text: 'At least 1,000 civilians have fled the town of Salamiyah, activists said.',
    facts: [displaced(1000, 'at_least', 'Other')],
  },
  {
    text: 'A Russian air strike on a displacement camp near Idlib killed seven people, including five children, and wounded 12, rescuers said.',
    facts: [
      killed('total', 7, 'exact', 'Other'),
      killed('civilians', 5, 'exact', 'Other'),
      injured('total', 12, 'exact', 'Other'),
    ],
  },
  {
    text: 'According to the Observatory, HTS and its allies have taken control of more than 50 towns and villages in Aleppo and Idlib provinces.',
    facts: [measure('captured_localities', 50, 'more_than', 'SOHR')],
  },
  {
    text: 'The army lost 17 positions in the first hours of the assault, a Syrian military source admitted.',
    facts: [measure('captured_localities', 17, 'exact', 'SyrianArmy')],
  },
  {
    text: 'Rebels seized Jisr al-Shughur, about 45 km (28 miles) from the coastal city of Latakia.',
    facts: [taken('Jisr al-Shughur', null)],
  },
  {
    text: 'An AFP correspondent saw the bodies of at least 10 soldiers on the road to Hama.',
    facts: [killed('government', 10, 'at_least', 'AFP')],
  },
  {
    text: 'The offensive has so far displaced more than 280,000 people, OCHA said, up from 115,000 on Sunday.',
    facts: [displaced(280000, 'more_than', 'OCHA'), displaced(115000, 'exact', 'OCHA')],
  },
  {
    text: 'Hezbollah said it had sent 2,000 fighters to Qusayr.',
    facts: [],
  },
  {
    text: 'Opposition forces captured the Kuweires air base east of Aleppo and the town of Safira.',
    facts: [taken('Kuweires Military Airport', null), taken('Al-Safira', null)],
  },
  {
    text: 'Fighting that began on November 27 has killed 514 people, including 92 civilians, SOHR said on Sunday.',
    facts: [killed('total', 514, 'exact', 'SOHR'), killed('civilians', 92, 'exact', 'SOHR')],
  },
  {
    text: 'Eight members of one family, among them three children, died when a shell hit their house in Aleppo, state media said.',
    facts: [killed('civilians', 8, 'exact', 'SANA'), killed('civilians', 3, 'exact', 'SANA')],
  },
  {
    text: 'Rebels say they now control Damascus and that Assad has fled.',
    publishedAt: '2024-12-08',
    facts: [taken('Damascus', 'HTS')],
  },
  {
    text: "Syrian rebels captured the central city of Homs, the country's third largest, early on Sunday.",
    publishedAt: '2024-12-08',
    facts: [taken('Homs', null)],
  },
  {
    text: 'The observatory said the death toll had climbed to 826, most of them combatants.',
    facts: [killed('total', 826, 'exact', 'SOHR')],
  },
  {
    text: "At least 4 people were wounded when shells struck a hospital in Aleppo, the city's health directorate said.",
    facts: [injured('total', 4, 'at_least', 'Other')],
  },
  {
    text: 'More than 80% of Aleppo city is now under the control of HTS-led rebels, the monitor said.',
    facts: [taken('Aleppo', 'SOHR')],
  },
  {
    text: 'Nearly 2,000 Syrian soldiers fled into Iraq through the Al-Qaim crossing, Iraqi officials said.',
    facts: [],
  },
  {
    text: 'The Syrian Civil Defence said it had recovered 35 bodies from the rubble in Idlib since Thursday.',
    facts: [killed('total', 35, 'exact', 'WhiteHelmets')],
  },
  {
    text: 'Three journalists were among 11 people killed in a strike on Saraqeb, the Syrian Journalists Association said.',
    facts: [killed('civilians', 3, 'exact', 'Other'), killed('total', 11, 'exact', 'Other')],
  },
  {
    text: 'Since Assad’s fall, some 125,000 refugees have returned to Syria, UNHCR said.',
    facts: [],
  },
  {
    text: 'Two Russian servicemen were killed at the Hmeimim base in a drone attack claimed by rebels, RIA Novosti reported.',
    facts: [killed('government', 2, 'exact', 'RIA')],
  },
  {
    text: 'Insurgents pushed into Saraqeb on Saturday. They captured the town after brief clashes, the Observatory said.',
    facts: [taken('Saraqeb', 'SOHR')],
  },
  {
    text: 'The Observatory said 45 people were killed on Thursday. Among them were 20 soldiers and 17 rebels.',
    facts: [
      killed('total', 45, 'exact', 'SOHR'),
      killed('government', 20, 'exact', 'SOHR'),
      killed('insurgents', 17, 'exact', 'SOHR'),
    ],
  },
  {
    text: 'At least 44 people were killed, the monitor said. The dead included 20 civilians.',
    facts: [killed('total', 44, 'at_least', 'SOHR'), killed('civilians', 20, 'exact', 'SOHR')],
  },
  {
    text: 'Government forces killed 19 gunmen and wounded 40 others in the southern Idlib countryside, SANA reported.',
    facts: [killed('insurgents', 19, 'exact', 'SANA'), injured('insurgents', 40, 'exact', 'SANA')],
  },
  {
    text: 'The insurgents are now some 13 miles from the northern outskirts of Hama, a monitor said.',
    facts: [distance(20.9, 'about', 'Hama', 'SOHR')],
  },
  {
    text: 'A military statement said troops had "restored security and stability" to 10 villages near Hama.',
    facts: [measure('recaptured_localities', 10, 'exact', 'SyrianArmy')],
  },
  {
    text: 'The factions expelled regime forces from 14 villages in the Hama countryside, the operations room said.',
    facts: [measure('recaptured_localities', 14, 'exact', 'HTS')],
  },
  // A third batch: claimants per clause, references back, follow-on counts.
  {
    text: 'SANA said 41 terrorists had been killed near Hama, and the Observatory said 27 soldiers had died there.',
    facts: [killed('insurgents', 41, 'exact', 'SANA'), killed('government', 27, 'exact', 'SOHR')],
  },
  {
    text: 'The rebels reached Hama on Wednesday evening. By Thursday they had seized the city and its military airport, the opposition said.',
    facts: [taken('Hama', 'HTS'), taken('Hama Military Airport', 'HTS')],
  },
  {
    text: 'Fifty-five civilians were killed and 140 wounded in the first five days, according to OCHA.',
    facts: [killed('civilians', 55, 'exact', 'OCHA'), injured('civilians', 140, 'exact', 'OCHA')],
  },
  {
    text: 'The ministry said 1,400 militants had been killed since the start of the attack, a figure that could not be independently verified.',
    facts: [killed('insurgents', 1400, 'exact', null)],
  },
  {
    text: 'Government troops and allied militias lost 61 men in the fighting around Saraqeb, the Observatory said.',
    facts: [killed('government', 61, 'exact', 'SOHR')],
  },
  {
    text: 'A rebel spokesman said fighters were within 2 miles of the city of Homs.',
    facts: [distance(3.2, 'up_to', 'Homs', 'HTS')],
  },
  {
    text: 'The insurgents took over Aleppo’s citadel and raised their flag over the governor’s office, the monitor said.',
    facts: [taken('Aleppo Citadel', 'SOHR')],
  },
  {
    text: 'Some 20,000 people have been displaced from Tal Rifaat and the Shahba area, the Kurdish Red Crescent said.',
    facts: [displaced(20000, 'about', 'Other')],
  },
  {
    text: 'A total of 68 people were killed in the strikes on Idlib on Monday, among them 19 children and 11 women, according to the White Helmets.',
    facts: [
      killed('total', 68, 'exact', 'WhiteHelmets'),
      killed('civilians', 19, 'exact', 'WhiteHelmets'),
      killed('civilians', 11, 'exact', 'WhiteHelmets'),
    ],
  },
  {
    text: 'Twenty-two regime soldiers were killed and another 30 were captured during the assault on Hama airport, the operations room said.',
    facts: [killed('government', 22, 'exact', 'HTS')],
  },
  {
    text: 'The army said its forces were now fully in control of Suqaylabiyah and Mhardeh.',
    facts: [taken('Suqaylabiyah', 'SyrianArmy'), taken('Mhardeh', 'SyrianArmy')],
  },
  {
    text: 'Southern factions said they had taken control of more than 90 percent of Daraa province.',
    facts: [],
  },
];

describe('held-out-style sentences', () => {
  it.each(CASES.map((c) => [c.text.slice(0, 90), c] as const))('%s', (_name, c) => {
    const facts = extractFacts({ title: c.title ?? '', text: c.text, publishedAt: c.publishedAt ?? '2024-12-02' }).map(
      ({ sentence: _sentence, ...fact }) => fact,
    );
    expect(facts).toEqual(c.facts);
  });
});
