// Hand-written titles of a few demo films in the languages Marquee speaks, as TMDB serves them with `language`
// (tmdb-api.json, GET /3/movie/{movie_id} and GET /3/search/movie: `language`, "ISO 639-1 code"-"ISO 3166-1 code",
// default en-US). TMDB answers a language it has no translation for with the original/English title; so does the fake.
// Written for the fake from general knowledge of each country's release title, not taken from any dataset.

/** Film id → TMDB language code → title. */
export const TRANSLATED_TITLES: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  278: {
    'de-DE': 'Die Verurteilten',
    'fr-FR': 'Les Évadés',
    'es-ES': 'Cadena perpetua',
    'pt-BR': 'Um Sonho de Liberdade',
    'ja-JP': 'ショーシャンクの空に',
  },
  129: {
    'de-DE': 'Chihiros Reise ins Zauberland',
    'fr-FR': 'Le Voyage de Chihiro',
    'es-ES': 'El viaje de Chihiro',
    'pt-BR': 'A Viagem de Chihiro',
    'ja-JP': '千と千尋の神隠し',
  },
  238: {
    'de-DE': 'Der Pate',
    'fr-FR': 'Le Parrain',
    'es-ES': 'El padrino',
    'pt-BR': 'O Poderoso Chefão',
    'ja-JP': 'ゴッドファーザー',
  },
  550: { 'es-ES': 'El club de la lucha', 'pt-BR': 'Clube da Luta', 'ja-JP': 'ファイト・クラブ' },
  155: {
    'fr-FR': 'The Dark Knight : Le Chevalier noir',
    'es-ES': 'El caballero oscuro',
    'pt-BR': 'Batman: O Cavaleiro das Trevas',
    'ja-JP': 'ダークナイト',
  },
  27205: { 'es-ES': 'Origen', 'pt-BR': 'A Origem', 'ja-JP': 'インセプション' },
  680: { 'ja-JP': 'パルプ・フィクション' },
  949: { 'ja-JP': 'ヒート' },
};

/** The title TMDB shows for `language` (`de-DE`, or a bare `de`), or null when it has no translation. */
export function translatedTitle(id: number, language: string | null): string | null {
  if (!language) return null;
  const titles = TRANSLATED_TITLES[id];
  if (!titles) return null;
  const exact = titles[language];
  if (exact) return exact;
  const lang = language.split('-')[0]?.toLowerCase();
  const key = Object.keys(titles).find((k) => k.split('-')[0]?.toLowerCase() === lang);
  return key ? (titles[key] ?? null) : null;
}
