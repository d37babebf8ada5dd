export type ActorSide = 'insurgents' | 'government' | 'other';

export interface Actor {
  id: string;
  name: string;
  side: ActorSide;
  aliases: RegExp;
}

export const ACTORS: readonly Actor[] = [
  {
    id: 'HTS',
    name: 'Hayat Tahrir al-Sham',
    side: 'insurgents',
    aliases:
      /\b(?:HTS|Hay'?[ae]t Tahrir al-Sham|Hayat Tahrir al-Sham|Tahrir al-Sham|Jabhat al-Nusra|(?:al-)?Nusra Front|Jabhat Fateh al-Sham)\b/i,
  },
  {
    id: 'AlliedFactions',
    name: 'Allied rebel factions (Fatah al-Mubin operations room)',
    side: 'insurgents',
    aliases:
      /\b(?:al-Fatah al-Mubin|Fateh al-Mubin|allied factions|allied groups|Deterr(?:ence of|ing) Aggression|Military Operations Command|National Front for Liberation|Ahrar al-Sham|Jaysh al-Izza|Southern Operations Room)\b/i,
  },
  {
    id: 'SNA',
    name: 'Syrian National Army',
    side: 'insurgents',
    aliases:
      /\b(?:Syrian National Army|SNA|Turk(?:ish|ey|iye|iye)-backed (?:factions|groups|fighters|rebels|opposition)|Türkiye-backed (?:factions|groups|fighters|opposition))\b/i,
  },
  {
    id: 'SyrianArmy',
    name: 'Syrian Arab Army',
    side: 'government',
    aliases:
      /\b(?:Syrian (?:Arab )?(?:army|armed forces|military|government forces|regime forces)|regime forces|government forces|pro-(?:government|regime) forces|Assad(?:'s)? forces|Republican Guard|Fourth Division|Tiger Forces|25th Division)\b/i,
  },
  {
    id: 'Russia',
    name: 'Russian armed forces',
    side: 'government',
    aliases: /\b(?:Russia|Russian (?:forces|air force|warplanes|aircraft|military|troops|jets)|Moscow)\b/i,
  },
  {
    id: 'Iran',
    name: 'Iran and allied militias',
    side: 'government',
    aliases:
      /\b(?:Iran|Iranian|IRGC|Revolutionary Guards?|Quds Force|Iran-backed|Iranian-backed|Fatemiyoun|Zainabiyoun|Tehran)\b/i,
  },
  { id: 'Hezbollah', name: 'Hezbollah', side: 'government', aliases: /\b(?:Hezbollah|Hizbollah|Hizballah)\b/i },
  {
    id: 'Turkey',
    name: 'Turkey',
    side: 'other',
    aliases: /\b(?:Turkey|Türkiye|Turkiye|Turkish (?:army|military|forces|government)|Ankara)\b/i,
  },
  {
    id: 'SDF',
    name: 'Syrian Democratic Forces',
    side: 'other',
    aliases: /\b(?:SDF|Syrian Democratic Forces|YPG|YPJ|Asayish|Kurdish-led forces|Kurdish forces)\b/i,
  },
  { id: 'IS', name: 'Islamic State', side: 'other', aliases: /\b(?:Islamic State|ISIS|ISIL|Daesh)\b/i },
  {
    id: 'US',
    name: 'United States forces',
    side: 'other',
    aliases: /\b(?:US forces|U\.S\. forces|American forces|US-led coalition|Pentagon|CENTCOM)\b/i,
  },
  {
    id: 'Israel',
    name: 'Israel Defense Forces',
    side: 'other',
    aliases: /\b(?:Israel|Israeli (?:army|military|forces|jets|strikes)|IDF)\b/i,
  },
];

/** The armed actors an article names, each once, in the table's order. */
export function mentionedActors(article: { title: string; text: string }): Actor[] {
  const text = `${article.title}\n${article.text}`;
  return ACTORS.filter((actor) => actor.aliases.test(text));
}
