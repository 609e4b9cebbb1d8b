// The `commands` namespace: the slash commands in the five locales besides English, what Discord's command picker
// shows a German, French, Spanish, Brazilian or Japanese user (sent as `name_localizations` /
// `description_localizations` by ./localize-commands.ts). Kept apart from the message catalogue because its rules
// differ. Keyed by the English path (`rate`, `watched.add.movie`,
// `recommend.genre.choice.Comedy`: a choice by its value). Names are lowercase, 1–32 characters, no spaces; descriptions
// 1–100 characters (interactions/application-commands.mdx § Application Command Naming, § Localization). A choice whose
// name is the same in every language (a language's own name, "★★ 2", "IMDb") says so with `same()`: Discord ignores a
// localization equal to the default, and the entry shows it was not forgotten. test/unit/command-localizations.test.ts
// checks that every command, option and choice has every locale and that no entry is stale; the local Discord checks
// Discord's rules when the commands are registered. Words follow docs/i18n-glossary.md.

import { LOCALE_NAMES, LOCALES, type Locale } from './locales.ts';

/** The locales a command is translated into (English is the definitions' own text). */
export type CommandLocale = Exclude<Locale, 'en-US'>;

/** One string for each of them: a locale left out is a compile error. */
export type PerLocale = Readonly<Record<CommandLocale, string>>;

export interface CommandText {
  readonly name?: PerLocale;
  readonly description?: PerLocale;
}

const L = (de: string, fr: string, es: string, pt: string, ja: string): PerLocale => ({
  de,
  fr,
  'es-ES': es,
  'pt-BR': pt,
  ja,
});

/** A name that is the same in every language. */
const same = (name: string): CommandText => ({ name: L(name, name, name, name, name) });

const MOVIE: CommandText = {
  name: L('film', 'film', 'película', 'filme', '映画'),
  description: L(
    'Tipp einen Titel ein',
    'Commence à taper un titre',
    'Empieza a escribir un título',
    'Comece a digitar um título',
    'タイトルを入力してください',
  ),
};
const GENRE_NAME = L('genre', 'genre', 'género', 'gênero', 'ジャンル');
const MAX_RUNTIME_NAME = L('max-laufzeit', 'durée-max', 'duración-máx', 'duração-máx', '最大上映時間');
const SHOW = L('anzeigen', 'afficher', 'ver', 'ver', '表示');
const LANGUAGE = L('sprache', 'langue', 'idioma', 'idioma', '言語');
const USER = L('person', 'membre', 'persona', 'pessoa', 'ユーザー');
const WHEN = L('wann', 'quand', 'cuándo', 'quando', '日時');

/** TMDB's genres (src/services/tmdb/genres.ts), as each locale's TMDB names them. */
const GENRES: Readonly<Record<string, PerLocale>> = {
  Action: L('Action', 'Action', 'Acción', 'Ação', 'アクション'),
  Adventure: L('Abenteuer', 'Aventure', 'Aventura', 'Aventura', 'アドベンチャー'),
  Animation: L('Animation', 'Animation', 'Animación', 'Animação', 'アニメーション'),
  Comedy: L('Komödie', 'Comédie', 'Comedia', 'Comédia', 'コメディ'),
  Crime: L('Krimi', 'Crime', 'Crimen', 'Crime', '犯罪'),
  Documentary: L('Dokumentarfilm', 'Documentaire', 'Documental', 'Documentário', 'ドキュメンタリー'),
  Drama: L('Drama', 'Drame', 'Drama', 'Drama', 'ドラマ'),
  Family: L('Familie', 'Familial', 'Familia', 'Família', 'ファミリー'),
  Fantasy: L('Fantasy', 'Fantastique', 'Fantasía', 'Fantasia', 'ファンタジー'),
  History: L('Historie', 'Histoire', 'Historia', 'História', '歴史'),
  Horror: L('Horror', 'Horreur', 'Terror', 'Terror', 'ホラー'),
  Music: L('Musik', 'Musique', 'Música', 'Música', '音楽'),
  Mystery: L('Mystery', 'Mystère', 'Misterio', 'Mistério', 'ミステリー'),
  Romance: L('Liebesfilm', 'Romance', 'Romance', 'Romance', 'ロマンス'),
  'Science Fiction': L(
    'Science Fiction',
    'Science-Fiction',
    'Ciencia ficción',
    'Ficção científica',
    'サイエンスフィクション',
  ),
  Thriller: L('Thriller', 'Thriller', 'Suspense', 'Thriller', 'スリラー'),
  War: L('Kriegsfilm', 'Guerre', 'Bélica', 'Guerra', '戦争'),
  Western: L('Western', 'Western', 'Western', 'Faroeste', '西部劇'),
};

/** TV Movie is never a choice (src/services/tmdb/genres.ts CHOOSABLE_GENRES) but films carry it. */
const TV_MOVIE = L('TV-Film', 'Téléfilm', 'Película de TV', 'Cinema TV', 'テレビ映画');

/**
 * A TMDB genre (its English name, as films carry it) in `locale`: the one home of genre names for messages, the same
 * names the genre choices show. An unknown genre stays as it is.
 */
export function genreName(locale: Locale, english: string): string {
  if (locale === 'en-US') return english;
  const names = english === 'TV Movie' ? TV_MOVIE : GENRES[english];
  return names?.[locale] ?? english;
}

/** Sunday (0) to Saturday (6), as `/config schedule day` numbers them. */
const WEEKDAYS: readonly PerLocale[] = [
  L('Sonntag', 'dimanche', 'domingo', 'domingo', '日曜日'),
  L('Montag', 'lundi', 'lunes', 'segunda-feira', '月曜日'),
  L('Dienstag', 'mardi', 'martes', 'terça-feira', '火曜日'),
  L('Mittwoch', 'mercredi', 'miércoles', 'quarta-feira', '水曜日'),
  L('Donnerstag', 'jeudi', 'jueves', 'quinta-feira', '木曜日'),
  L('Freitag', 'vendredi', 'viernes', 'sexta-feira', '金曜日'),
  L('Samstag', 'samedi', 'sábado', 'sábado', '土曜日'),
];

/** `rate stars`: the same stars, with the decimal comma where the locale writes one. */
const STARS = ['½', '★', '★½', '★★', '★★½', '★★★', '★★★½', '★★★★', '★★★★½', '★★★★★'];
function starChoices(prefix: string): Record<string, CommandText> {
  const out: Record<string, CommandText> = {};
  STARS.forEach((row, i) => {
    const value = (i + 1) / 2;
    if (Number.isInteger(value)) {
      out[`${prefix}.choice.${value}`] = same(`${row} ${value}`);
      return;
    }
    const comma = `${row} ${String(value).replace('.', ',')}`;
    out[`${prefix}.choice.${value}`] = { name: L(comma, comma, comma, comma, `${row} ${value}`) };
  });
  return out;
}

const LANGUAGE_OPTION = (followDiscord: PerLocale, description: PerLocale): Record<string, CommandText> => ({
  '': { name: LANGUAGE, description },
  '.choice.auto': { name: followDiscord },
  // Each language by its own name, as language pickers do, so a person finds theirs whatever the interface shows.
  ...Object.fromEntries(LOCALES.map((l) => [`.choice.${l}`, same(LOCALE_NAMES[l])])),
});

function under(prefix: string, entries: Record<string, CommandText>): Record<string, CommandText> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [`${prefix}${k}`, v]));
}

export const COMMAND_LOCALIZATIONS: Readonly<Record<string, CommandText>> = {
  search: {
    name: L('suchen', 'rechercher', 'buscar', 'buscar', '検索'),
    description: L('Einen Film finden', 'Trouver un film', 'Buscar una película', 'Encontrar um filme', '映画を探す'),
  },
  'search.query': {
    name: L('suche', 'requête', 'consulta', 'consulta', 'キーワード'),
    description: L(
      'Titel oder ein Teil davon',
      'Le titre, ou une partie',
      'El título o parte de él',
      'O título ou parte dele',
      'タイトル（一部でも可）',
    ),
  },
  'search.year': {
    name: L('jahr', 'année', 'año', 'ano', '公開年'),
    description: L('Erscheinungsjahr', 'Année de sortie', 'Año de estreno', 'Ano de lançamento', '公開された年'),
  },

  rate: {
    name: L('bewerten', 'noter', 'valorar', 'avaliar', '評価'),
    description: L(
      'Einen Film mit 0,5 bis 5 Sternen bewerten',
      'Noter un film de 0,5 à 5 étoiles',
      'Valora una película de 0,5 a 5 estrellas',
      'Avalie um filme de 0,5 a 5 estrelas',
      '映画を0.5〜5つ星で評価',
    ),
  },
  'rate.movie': MOVIE,
  'rate.stars': {
    name: L('sterne', 'étoiles', 'estrellas', 'estrelas', '星'),
    description: L(
      '0,5 bis 5, in halben Schritten',
      'De 0,5 à 5, par demi-étoile',
      'De 0,5 a 5, en medias estrellas',
      'De 0,5 a 5, de meia em meia',
      '0.5〜5（0.5刻み）',
    ),
  },
  ...starChoices('rate.stars'),

  watched: {
    name: L('gesehen', 'vus', 'vistas', 'assistidos', '鑑賞記録'),
    description: L(
      'Dein Protokoll der Filme, die du gesehen hast',
      'Le journal des films que tu as vus',
      'Tu registro de películas vistas',
      'Seu registro de filmes assistidos',
      '見た映画の記録',
    ),
  },
  'watched.add': {
    name: L('eintragen', 'ajouter', 'añadir', 'adicionar', '追加'),
    description: L(
      'Einen gesehenen Film eintragen',
      'Ajouter un film que tu as vu',
      'Apunta una película que has visto',
      'Registre um filme que você assistiu',
      '見た映画を記録',
    ),
  },
  'watched.add.movie': MOVIE,
  'watched.add.date': {
    name: L('datum', 'date', 'fecha', 'data', '日付'),
    description: L(
      'Wann: 2024-05-31, today oder yesterday (Standard: heute)',
      'Quand : 2024-05-31, today ou yesterday (par défaut aujourd’hui)',
      'Cuándo: 2024-05-31, today o yesterday (por defecto, hoy)',
      'Quando: 2024-05-31, today ou yesterday (padrão: hoje)',
      'いつ：2024-05-31、today、yesterday（省略時は今日）',
    ),
  },
  'watched.add.stars': {
    name: L('sterne', 'étoiles', 'estrellas', 'estrelas', '星'),
    description: L(
      'Gleich mitbewerten: 0,5 bis 5',
      'Le noter en même temps : de 0,5 à 5',
      'Valórala a la vez: de 0,5 a 5',
      'Avalie junto: de 0,5 a 5',
      'あわせて評価：0.5〜5',
    ),
  },
  'watched.list': {
    name: L('liste', 'liste', 'lista', 'lista', '一覧'),
    description: L(
      'Ein Filmprotokoll anzeigen',
      'Afficher un journal de films',
      'Ver un registro de películas',
      'Ver um registro de filmes',
      '鑑賞記録を表示',
    ),
  },
  'watched.list.user': {
    name: USER,
    description: L(
      'Wessen Protokoll (Standard: deins)',
      'Le journal de qui (par défaut le tien)',
      'De quién (por defecto, el tuyo)',
      'De quem (padrão: o seu)',
      '誰の記録か（省略時は自分）',
    ),
  },
  'watched.remove': {
    name: L('entfernen', 'retirer', 'quitar', 'remover', '削除'),
    description: L(
      'Einen Film aus deinem Protokoll nehmen',
      'Retirer un film de ton journal',
      'Quita una película de tu registro',
      'Tire um filme do seu registro',
      '記録から映画を削除',
    ),
  },
  'watched.remove.movie': MOVIE,

  watchlist: {
    name: L('merkliste', 'à-voir', 'pendientes', 'quero-ver', '見たいリスト'),
    description: L(
      'Filme, die du sehen willst',
      'Les films que tu veux voir',
      'Películas que quieres ver',
      'Filmes que você quer ver',
      '見たい映画のリスト',
    ),
  },
  'watchlist.add': {
    name: L('hinzufügen', 'ajouter', 'añadir', 'adicionar', '追加'),
    description: L(
      'Einen Film auf deine Merkliste setzen',
      'Ajouter un film à ta liste à voir',
      'Añade una película a tus pendientes',
      'Adicione um filme à sua lista',
      '見たいリストに映画を追加',
    ),
  },
  'watchlist.add.movie': MOVIE,
  'watchlist.list': {
    name: L('liste', 'liste', 'lista', 'lista', '一覧'),
    description: L(
      'Deine Merkliste anzeigen',
      'Afficher ta liste à voir',
      'Ver tus pendientes',
      'Ver sua lista',
      '見たいリストを表示',
    ),
  },
  'watchlist.remove': {
    name: L('entfernen', 'retirer', 'quitar', 'remover', '削除'),
    description: L(
      'Einen Film von deiner Merkliste nehmen',
      'Retirer un film de ta liste à voir',
      'Quita una película de tus pendientes',
      'Tire um filme da sua lista',
      '見たいリストから映画を削除',
    ),
  },
  'watchlist.remove.movie': MOVIE,

  recommend: {
    name: L('empfehlen', 'suggestions', 'recomendar', 'recomendar', 'おすすめ'),
    description: L(
      'Filmtipps für dich, jeder mit Begründung',
      'Des films choisis pour toi, chacun avec sa raison',
      'Películas elegidas para ti, cada una con su motivo',
      'Filmes escolhidos para você, cada um com o motivo',
      'あなたへのおすすめ映画（理由つき）',
    ),
  },
  'recommend.count': {
    name: L('anzahl', 'nombre', 'cantidad', 'quantidade', '件数'),
    description: L(
      'Wie viele Tipps (1–5, Standard 5)',
      'Combien de suggestions (1 à 5, 5 par défaut)',
      'Cuántas recomendaciones (1–5, por defecto 5)',
      'Quantas indicações (1–5, padrão 5)',
      'おすすめの数（1〜5、省略時は5）',
    ),
  },
  'recommend.genre': {
    name: GENRE_NAME,
    description: L('Nur dieses Genre', 'Ce genre seulement', 'Solo este género', 'Só este gênero', 'このジャンルだけ'),
  },
  ...Object.fromEntries(Object.entries(GENRES).map(([g, names]) => [`recommend.genre.choice.${g}`, { name: names }])),
  'recommend.from-year': {
    name: L('ab-jahr', 'depuis', 'desde', 'a-partir-de', '開始年'),
    description: L(
      'Erschienen in oder nach diesem Jahr',
      'Sorti cette année-là ou après',
      'Estrenada ese año o después',
      'Lançado nesse ano ou depois',
      'この年以降の公開',
    ),
  },
  'recommend.to-year': {
    name: L('bis-jahr', "jusqu'à", 'hasta', 'até', '終了年'),
    description: L(
      'Erschienen in oder vor diesem Jahr',
      'Sorti cette année-là ou avant',
      'Estrenada ese año o antes',
      'Lançado nesse ano ou antes',
      'この年までの公開',
    ),
  },
  'recommend.max-runtime': {
    name: MAX_RUNTIME_NAME,
    description: L(
      'Höchstlänge in Minuten',
      'Durée maximale, en minutes',
      'Duración máxima en minutos',
      'Duração máxima em minutos',
      '上映時間の上限（分）',
    ),
  },
  'recommend.available': {
    name: L('verfügbar', 'disponible', 'disponible', 'disponível', '配信'),
    description: L(
      'Nur Filme, die in deiner Region bei deinen Streamingdiensten laufen (/einstellungen dienste)',
      'Seulement les films sur tes services de streaming dans ta région (/paramètres services)',
      'Solo películas en tus servicios de streaming en tu región (/ajustes servicios)',
      'Só filmes nos seus serviços de streaming na sua região (/configurações serviços)',
      'あなたの地域で契約中のサービスで配信中の映画だけ（/設定 配信サービス）',
    ),
  },
  'recommend.available.choice.mine': {
    name: L('bei meinen Diensten', 'sur mes services', 'en mis servicios', 'nos meus serviços', '契約中のサービス'),
  },

  similar: {
    name: L('ähnlich', 'similaires', 'similares', 'parecidos', '似た作品'),
    description: L(
      'Filme wie einer, den du nennst, jeder mit Begründung',
      'Des films comme celui que tu cites, chacun avec sa raison',
      'Películas como la que nombres, cada una con su motivo',
      'Filmes parecidos com o que você citar, cada um com o motivo',
      '指定した映画に似た作品（理由つき）',
    ),
  },
  'similar.movie': MOVIE,

  compare: {
    name: L('vergleichen', 'comparer', 'comparar', 'comparar', '比較'),
    description: L(
      'Wie nah ist dein Filmgeschmack dem einer Freundin oder eines Freundes?',
      'Tes goûts ciné sont-ils proches de ceux d’un ami ?',
      '¿Cuánto se parece tu gusto de cine al de un amigo?',
      'Quão parecido é o seu gosto de cinema com o de um amigo?',
      '友だちとの映画の好みの近さ',
    ),
  },
  'compare.user': {
    name: USER,
    description: L(
      'Mit wem du dich vergleichst',
      'Avec qui te comparer',
      'Con quién compararte',
      'Com quem comparar',
      '比べる相手',
    ),
  },

  settings: {
    name: L('einstellungen', 'paramètres', 'ajustes', 'configurações', '設定'),
    description: L(
      'Deine Marquee-Einstellungen',
      'Tes paramètres Marquee',
      'Tus ajustes de Marquee',
      'Suas configurações do Marquee',
      'Marqueeの個人設定',
    ),
  },
  'settings.dms': {
    name: L('dms', 'mp', 'md', 'dm', 'dm'),
    description: L(
      'Wöchentliche Tipps per DM (aus, bis du sie einschaltest)',
      'Suggestions de la semaine en MP (désactivées tant que tu ne les actives pas)',
      'Recomendaciones semanales por MD (desactivadas hasta que las actives)',
      'Indicações semanais por DM (desligadas até você ligar)',
      '毎週のおすすめをDMで受け取る（オンにするまでオフ）',
    ),
  },
  'settings.dms.state': {
    name: L('status', 'état', 'estado', 'estado', '状態'),
    description: L('An oder aus', 'Activées ou désactivées', 'Sí o no', 'Ligado ou desligado', 'オンかオフ'),
  },
  'settings.dms.state.choice.on': { name: L('an', 'activées', 'sí', 'ligado', 'オン') },
  'settings.dms.state.choice.off': { name: L('aus', 'désactivées', 'no', 'desligado', 'オフ') },
  'settings.region': {
    name: L('region', 'région', 'región', 'região', '地域'),
    description: L(
      'Dein Land (zwei Buchstaben, z. B. DE; "clear" zum Entfernen)',
      'Ton pays (deux lettres, ex. FR ; « clear » pour l’effacer)',
      'Tu país (dos letras, p. ej. ES; "clear" para quitarlo)',
      'Seu país (duas letras, ex.: BR; "clear" para remover)',
      '国（2文字、例：JP。削除は「clear」）',
    ),
  },
  'settings.region.code': {
    name: L('code', 'code', 'código', 'código', 'コード'),
    description: L('z. B. DE, AT, CH', 'ex. FR, BE, CA', 'p. ej. ES, MX, AR', 'ex.: BR, PT, US', '例：JP、US、GB'),
  },
  'settings.profile': {
    name: L('profil', 'profil', 'perfil', 'perfil', 'プロフィール'),
    description: L(
      'Wer dein Protokoll sehen, sich mit dir vergleichen und deinen Namen in Begründungen sehen darf',
      'Qui peut voir ton journal, se comparer à toi et voir ton nom dans les raisons',
      'Quién puede ver tu registro, compararse contigo y ver tu nombre en los motivos',
      'Quem pode ver seu registro, comparar com você e ver seu nome nos motivos',
      '鑑賞記録の閲覧・比較・おすすめ理由での名前表示を誰に許可するか',
    ),
  },
  'settings.profile.visibility': {
    name: L('sichtbarkeit', 'visibilité', 'visibilidad', 'visibilidade', '公開範囲'),
    description: L(
      'öffentlich: alle · Server: wer einen Server mit dir teilt · privat: nur du',
      'public : tout le monde · serveur : tes serveurs en commun · privé : toi seul',
      'público: todos · servidor: quien comparte un servidor contigo · privado: solo tú',
      'público: todos · servidor: quem está num servidor com você · privado: só você',
      '全員：誰でも・サーバー：同じサーバーの人・非公開：自分だけ',
    ),
  },
  'settings.profile.visibility.choice.public': { name: L('öffentlich', 'public', 'público', 'público', '全員') },
  'settings.profile.visibility.choice.server': { name: L('Server', 'serveur', 'servidor', 'servidor', 'サーバー') },
  'settings.profile.visibility.choice.private': { name: L('privat', 'privé', 'privado', 'privado', '非公開') },
  'settings.services': {
    name: L('dienste', 'services', 'servicios', 'serviços', '配信サービス'),
    description: L(
      'Wähle deine Streamingdienste (zeigt, wo ein Film läuft, und filtert Tipps)',
      'Choisis tes services de streaming (pour savoir où regarder et filtrer les suggestions)',
      'Elige tus servicios de streaming (para saber dónde verla y filtrar recomendaciones)',
      'Escolha seus serviços de streaming (para saber onde assistir e filtrar indicações)',
      '契約中の配信サービスを選ぶ（配信先の表示とおすすめの絞り込みに使用）',
    ),
  },
  'settings.language': {
    name: LANGUAGE,
    description: L(
      'Die Sprache, in der ich dir antworte (sonst die deines Discord)',
      'La langue dans laquelle je te réponds (par défaut, celle de ton Discord)',
      'El idioma en que te respondo (por defecto, el de tu Discord)',
      'O idioma em que respondo a você (por padrão, o do seu Discord)',
      '返信に使う言語（省略時はDiscordの設定言語）',
    ),
  },
  ...under(
    'settings.language.language',
    LANGUAGE_OPTION(
      L('Wie mein Discord', 'Comme mon Discord', 'Igual que mi Discord', 'Igual ao meu Discord', 'Discordと同じ'),
      L(
        'Eine Sprache oder "Wie mein Discord"',
        'Une langue, ou « Comme mon Discord »',
        'Un idioma, o "Igual que mi Discord"',
        'Um idioma, ou "Igual ao meu Discord"',
        '言語、または「Discordと同じ」',
      ),
    ),
  ),
  'settings.show': {
    name: SHOW,
    description: L(
      'Deine Einstellungen anzeigen',
      'Afficher tes paramètres',
      'Ver tus ajustes',
      'Ver suas configurações',
      '設定を表示',
    ),
  },

  config: {
    name: L('einrichten', 'configurer', 'configurar', 'configurar', 'サーバー設定'),
    description: L(
      'Wöchentliche Tipps für diesen Server (braucht „Server verwalten“)',
      'Suggestions de la semaine pour ce serveur (il faut « Gérer le serveur »)',
      'Recomendaciones semanales de este servidor (requiere «Gestionar servidor»)',
      'Indicações semanais deste servidor (precisa de "Gerenciar servidor")',
      'このサーバーの毎週のおすすめ（「サーバー管理」権限が必要）',
    ),
  },
  'config.picks-channel': {
    name: L('tipp-kanal', 'salon', 'canal', 'canal', 'チャンネル'),
    description: L(
      'Wo die wöchentliche Übersicht gepostet wird',
      'Où publier le récap de la semaine',
      'Dónde se publica el resumen semanal',
      'Onde o resumo semanal é publicado',
      '毎週のまとめを投稿するチャンネル',
    ),
  },
  'config.picks-channel.channel': {
    name: L('kanal', 'salon', 'canal', 'canal', 'チャンネル'),
    description: L('Ein Textkanal', 'Un salon textuel', 'Un canal de texto', 'Um canal de texto', 'テキストチャンネル'),
  },
  'config.schedule': {
    name: L('zeitplan', 'horaire', 'horario', 'horário', 'スケジュール'),
    description: L(
      'Wann die wöchentlichen Tipps kommen',
      'Quand partent les suggestions de la semaine',
      'Cuándo salen las recomendaciones semanales',
      'Quando saem as indicações semanais',
      '毎週のおすすめを送る日時',
    ),
  },
  'config.schedule.day': {
    name: L('tag', 'jour', 'día', 'dia', '曜日'),
    description: L('Wochentag', 'Jour de la semaine', 'Día de la semana', 'Dia da semana', '曜日'),
  },
  ...Object.fromEntries(WEEKDAYS.map((names, i) => [`config.schedule.day.choice.${i}`, { name: names }])),
  'config.schedule.time': {
    name: L('uhrzeit', 'heure', 'hora', 'hora', '時刻'),
    description: L(
      'Ortszeit, 24 Stunden, HH:MM (z. B. 18:00)',
      'Heure locale sur 24 h, HH:MM (ex. 18:00)',
      'Hora local en formato 24 h, HH:MM (p. ej. 18:00)',
      'Hora local em 24 h, HH:MM (ex.: 18:00)',
      '現地時刻（24時間制 HH:MM、例：18:00）',
    ),
  },
  'config.schedule.timezone': {
    name: L('zeitzone', 'fuseau', 'zona-horaria', 'fuso-horário', 'タイムゾーン'),
    description: L(
      'IANA-Zeitzone, z. B. Europe/Berlin',
      'Fuseau horaire IANA, ex. Europe/Paris',
      'Zona horaria IANA, p. ej. Europe/Madrid',
      'Fuso horário IANA, ex.: America/Sao_Paulo',
      'IANAタイムゾーン（例：Asia/Tokyo）',
    ),
  },
  'config.language': {
    name: LANGUAGE,
    description: L(
      'Die Sprache der Übersicht und der Filmabend-Posts auf diesem Server',
      'La langue du récap et des annonces de soirée ciné sur ce serveur',
      'El idioma del resumen y de los mensajes de noche de cine de este servidor',
      'O idioma do resumo e das mensagens de noite de cinema deste servidor',
      'このサーバーのまとめと映画会の投稿に使う言語',
    ),
  },
  ...under(
    'config.language.language',
    LANGUAGE_OPTION(
      L(
        'Discord-Sprache des Servers',
        'Langue Discord du serveur',
        'Idioma de Discord del servidor',
        'Idioma do Discord do servidor',
        'サーバーのDiscord言語',
      ),
      L(
        'Eine Sprache oder "Discord-Sprache des Servers"',
        'Une langue, ou « Langue Discord du serveur »',
        'Un idioma, o "Idioma de Discord del servidor"',
        'Um idioma, ou "Idioma do Discord do servidor"',
        '言語、または「サーバーのDiscord言語」',
      ),
    ),
  ),
  'config.enable': {
    name: L('einschalten', 'activer', 'activar', 'ativar', '有効化'),
    description: L(
      'Wöchentliche Tipps einschalten',
      'Activer les suggestions de la semaine',
      'Activar las recomendaciones semanales',
      'Ativar as indicações semanais',
      '毎週のおすすめをオンにする',
    ),
  },
  'config.disable': {
    name: L('ausschalten', 'désactiver', 'desactivar', 'desativar', '無効化'),
    description: L(
      'Wöchentliche Tipps ausschalten',
      'Désactiver les suggestions de la semaine',
      'Desactivar las recomendaciones semanales',
      'Desativar as indicações semanais',
      '毎週のおすすめをオフにする',
    ),
  },
  'config.show': {
    name: SHOW,
    description: L(
      'Die aktuellen Einstellungen anzeigen',
      'Afficher les réglages actuels',
      'Ver los ajustes actuales',
      'Ver as configurações atuais',
      '現在の設定を表示',
    ),
  },

  movienight: {
    name: L('filmabend', 'soirée-ciné', 'noche-de-cine', 'noite-de-cinema', '映画会'),
    description: L(
      'Einen Filmabend planen: Filme, die allen gefallen, per Umfrage entschieden',
      'Organiser une soirée ciné : des films pour tout le groupe, choisis par sondage',
      'Organiza una noche de cine: películas para todo el grupo, elegidas por encuesta',
      'Organize uma noite de cinema: filmes para o grupo todo, escolhidos por enquete',
      '映画会を計画：みんなが楽しめる映画を投票で決定',
    ),
  },
  'movienight.start': {
    name: L('starten', 'lancer', 'empezar', 'começar', '開始'),
    description: L(
      'Einen Filmabend planen',
      'Commencer à organiser une soirée ciné',
      'Empezar a organizar una noche de cine',
      'Começar a organizar uma noite de cinema',
      '映画会の計画を始める',
    ),
  },
  'movienight.start.when': {
    name: WHEN,
    description: L(
      'Beginn in der Zeitzone des Servers: 20:30, morgen 20:30 oder 2026-12-05 20:30',
      'Début, à l’heure du serveur : 20:30, demain 20:30 ou 2026-12-05 20:30',
      'Inicio en la zona horaria del servidor: 20:30, mañana 20:30 o 2026-12-05 20:30',
      'Início no fuso do servidor: 20:30, amanhã 20:30 ou 2026-12-05 20:30',
      '開始時刻（サーバーのタイムゾーン）：20:30、明日 20:30、2026-12-05 20:30',
    ),
  },
  'movienight.start.people': {
    name: L('leute', 'participants', 'personas', 'pessoas', '参加者'),
    description: L(
      'Erwähne, wer dabei ist (@Sam @Ana …)',
      'Mentionne qui participe (@Sam @Ana …)',
      'Menciona a quién se apunta (@Sam @Ana …)',
      'Mencione quem vai (@Sam @Ana …)',
      '参加者をメンション（@Sam @Ana …）',
    ),
  },
  'movienight.start.voice': {
    name: L('sprachkanal', 'vocal', 'canal-de-voz', 'canal-de-voz', 'ボイスチャンネル'),
    description: L(
      'Alle in diesem Sprachkanal sind dabei; dort wird auch geschaut',
      'Tous ceux de ce salon vocal participent ; c’est aussi là qu’on regarde',
      'Todos los de este canal de voz se apuntan; también es donde se ve',
      'Todos neste canal de voz participam; é onde vocês assistem',
      'このボイスチャンネルの全員が参加（鑑賞場所もここ）',
    ),
  },
  'movienight.start.role': {
    name: L('rolle', 'rôle', 'rol', 'cargo', 'ロール'),
    description: L(
      'Alle mit dieser Rolle sind dabei',
      'Tous ceux qui ont ce rôle participent',
      'Se apunta todo el que tenga este rol',
      'Todos com este cargo participam',
      'このロールの全員が参加',
    ),
  },
  'movienight.start.candidates': {
    name: L('kandidaten', 'candidats', 'candidatas', 'candidatos', '候補数'),
    description: L(
      'Über wie viele Filme abgestimmt wird (3–10, Standard 5)',
      'Combien de films au vote (3 à 10, 5 par défaut)',
      'Cuántas películas se votan (3–10, por defecto 5)',
      'Quantos filmes vão à votação (3–10, padrão 5)',
      '投票にかける映画の数（3〜10、省略時は5）',
    ),
  },
  'movienight.start.max-runtime': {
    name: MAX_RUNTIME_NAME,
    description: L(
      'Höchstlänge des Films in Minuten',
      'Film le plus long accepté, en minutes',
      'Duración máxima de la película, en minutos',
      'Duração máxima do filme, em minutos',
      '上映時間の上限（分）',
    ),
  },
  'movienight.start.genre': {
    name: GENRE_NAME,
    description: L('Nur dieses Genre', 'Ce genre seulement', 'Solo este género', 'Só este gênero', 'このジャンルだけ'),
  },
  ...Object.fromEntries(
    Object.entries(GENRES).map(([g, names]) => [`movienight.start.genre.choice.${g}`, { name: names }]),
  ),
  'movienight.start.join-minutes': {
    name: L('anmeldeminuten', 'minutes-inscription', 'minutos-para-unirse', 'minutos-para-entrar', '受付時間'),
    description: L(
      'Wie lange „Ich bin dabei“ offen bleibt (Standard 10 Minuten)',
      'Combien de temps « J’en suis » reste ouvert (10 min par défaut)',
      'Cuánto tiempo sigue abierto «Me apunto» (por defecto, 10 min)',
      'Por quanto tempo o "Tô dentro" fica aberto (padrão: 10 min)',
      '「参加する」の受付時間（分、省略時は10）',
    ),
  },
  'movienight.start.poll-hours': {
    name: L('umfragestunden', 'heures-sondage', 'horas-encuesta', 'horas-enquete', '投票時間'),
    description: L(
      'Wie lange die Umfrage offen bleibt (Standard 2 Stunden)',
      'Combien de temps le sondage reste ouvert (2 h par défaut)',
      'Cuánto tiempo sigue abierta la encuesta (por defecto, 2 h)',
      'Por quanto tempo a enquete fica aberta (padrão: 2 h)',
      '投票の受付時間（時間、省略時は2）',
    ),
  },
  'movienight.start.multiselect': {
    name: L('mehrfachauswahl', 'choix-multiple', 'selección-múltiple', 'múltipla-escolha', '複数選択'),
    description: L(
      'Stimmen für mehrere Filme erlauben',
      'Autoriser le vote pour plusieurs films',
      'Permitir votar por varias películas',
      'Permitir votar em vários filmes',
      '複数の映画への投票を許可',
    ),
  },
  'movienight.start.location': {
    name: L('ort', 'lieu', 'lugar', 'local', '場所'),
    description: L(
      'Wo, wenn nicht in einem Sprachkanal (z. B. „bei Sam“)',
      'Où, si ce n’est pas dans un salon vocal (ex. « chez Sam »)',
      'Dónde, si no es en un canal de voz (p. ej. «en casa de Sam»)',
      'Onde, se não for num canal de voz (ex.: "na casa do Sam")',
      'ボイスチャンネル以外の場所（例：「Samの家」）',
    ),
  },
  'movienight.end': {
    name: L('beenden', 'clore', 'cerrar', 'encerrar', '締め切る'),
    description: L(
      'Die Umfrage jetzt schließen und den Gewinner verkünden',
      'Clore le sondage maintenant et annoncer le gagnant',
      'Cerrar ya la encuesta y anunciar la ganadora',
      'Encerrar a enquete agora e anunciar o vencedor',
      '投票を締め切って結果を発表',
    ),
  },
  'movienight.reschedule': {
    name: L('verschieben', 'reporter', 'reprogramar', 'remarcar', '日時変更'),
    description: L(
      'Die Vorführung verschieben',
      'Déplacer la séance',
      'Cambiar la hora de la sesión',
      'Mudar o horário da sessão',
      '上映の日時を変更',
    ),
  },
  'movienight.reschedule.when': {
    name: WHEN,
    description: L(
      'Neuer Beginn (20:30, morgen 20:30, 2026-12-05 20:30)',
      'Nouvel horaire (20:30, demain 20:30, 2026-12-05 20:30)',
      'Nueva hora de inicio (20:30, mañana 20:30, 2026-12-05 20:30)',
      'Novo horário de início (20:30, amanhã 20:30, 2026-12-05 20:30)',
      '新しい開始時刻（20:30、明日 20:30、2026-12-05 20:30）',
    ),
  },
  'movienight.cancel': {
    name: L('absagen', 'annuler', 'cancelar', 'cancelar', '中止'),
    description: L(
      'Den Filmabend absagen',
      'Annuler la soirée ciné',
      'Cancelar la noche de cine',
      'Cancelar a noite de cinema',
      '映画会を中止',
    ),
  },
  'movienight.history': {
    name: L('verlauf', 'historique', 'historial', 'histórico', '履歴'),
    description: L(
      'Vergangene Filmabende: Film, Datum, Gäste, Bewertung',
      'Soirées ciné passées : film, date, participants, note',
      'Noches de cine pasadas: película, fecha, asistentes, nota',
      'Noites de cinema passadas: filme, data, participantes, nota',
      '過去の映画会：作品・日付・参加者・評価',
    ),
  },

  import: {
    name: L('importieren', 'importer', 'importar', 'importar', 'インポート'),
    description: L(
      'Bewertungen und Verlauf aus Letterboxd oder IMDb importieren',
      'Importer tes notes et ton historique depuis Letterboxd ou IMDb',
      'Importa tus valoraciones e historial de Letterboxd o IMDb',
      'Importe suas notas e seu histórico do Letterboxd ou do IMDb',
      'LetterboxdやIMDbから評価と鑑賞履歴を取り込む',
    ),
  },
  'import.file': {
    name: L('datei', 'fichier', 'archivo', 'arquivo', 'ファイル'),
    description: L(
      'Letterboxd-Export als ZIP oder CSV, oder eine IMDb-Bewertungs- oder Watchlist-CSV',
      'Export Letterboxd en ZIP ou CSV, ou un CSV de notes ou de watchlist IMDb',
      'Exportación de Letterboxd en ZIP o CSV, o un CSV de valoraciones o watchlist de IMDb',
      'Exportação do Letterboxd em ZIP ou CSV, ou um CSV de notas ou watchlist do IMDb',
      'LetterboxdのエクスポートZIP/CSV、またはIMDbの評価・ウォッチリストCSV',
    ),
  },
  'import.source': {
    name: L('quelle', 'source', 'origen', 'origem', '取り込み元'),
    description: L(
      'Woher die Datei stammt (Standard: selbst erkennen)',
      'D’où vient le fichier (par défaut : détection automatique)',
      'De dónde viene el archivo (por defecto, se detecta)',
      'De onde vem o arquivo (padrão: detectar)',
      'ファイルの出どころ（省略時は自動判別）',
    ),
  },
  'import.source.choice.auto': { name: L('automatisch', 'automatique', 'automático', 'automático', '自動') },
  'import.source.choice.letterboxd': same('Letterboxd'),
  'import.source.choice.imdb': same('IMDb'),
  'import.undo': {
    name: L('rückgängig', 'annuler', 'deshacer', 'desfazer', '取り消し'),
    description: L(
      'Stattdessen deinen letzten Import rückgängig machen',
      'Annuler plutôt ton dernier import',
      'Deshacer tu última importación',
      'Desfazer sua última importação',
      '代わりに前回のインポートを取り消す',
    ),
  },

  privacy: {
    name: L('datenschutz', 'confidentialité', 'privacidad', 'privacidade', 'プライバシー'),
    description: L(
      'Was Marquee über dich speichert: exportieren oder löschen',
      'Ce que Marquee garde sur toi : l’exporter ou le supprimer',
      'Lo que Marquee guarda sobre ti: expórtalo o bórralo',
      'O que o Marquee guarda sobre você: exporte ou apague',
      'Marqueeが保存しているあなたのデータ：書き出しか削除',
    ),
  },
  'privacy.export': {
    name: L('exportieren', 'exporter', 'exportar', 'exportar', 'エクスポート'),
    description: L(
      'Alles, was Marquee über dich speichert, als ZIP per DM',
      'Tout ce que Marquee garde sur toi, en ZIP par MP',
      'Todo lo que Marquee guarda sobre ti, en un ZIP por MD',
      'Tudo o que o Marquee guarda sobre você, num ZIP por DM',
      'Marqueeが保存しているデータ一式をZIPでDMに送る',
    ),
  },
  'privacy.delete': {
    name: L('löschen', 'supprimer', 'borrar', 'apagar', '削除'),
    description: L(
      'Alles löschen, was Marquee über dich speichert',
      'Supprimer tout ce que Marquee garde sur toi',
      'Borrar todo lo que Marquee guarda sobre ti',
      'Apagar tudo o que o Marquee guarda sobre você',
      'Marqueeが保存しているデータをすべて削除',
    ),
  },

  stats: {
    name: L('statistik', 'stats', 'estadísticas', 'estatísticas', '統計'),
    description: L(
      'Dein Geschmack als Bild: Bewertungen, Genres, Jahrzehnte, Regie',
      'Tes goûts en image : notes, genres, décennies, réalisateurs',
      'Tu gusto en una imagen: valoraciones, géneros, décadas, directores',
      'Seu gosto numa imagem: notas, gêneros, décadas, diretores',
      'あなたの好みを画像で：評価・ジャンル・年代・監督',
    ),
  },
  'stats.user': {
    name: USER,
    description: L(
      'Wessen (Standard: deiner)',
      'De qui (par défaut : toi)',
      'De quién (por defecto, tú)',
      'De quem (padrão: você)',
      '誰の統計か（省略時は自分）',
    ),
  },
  'stats.server': {
    name: L('server', 'serveur', 'servidor', 'servidor', 'サーバー'),
    description: L(
      'Die meistgesehenen, beliebtesten und umstrittensten Filme dieses Servers',
      'Les films les plus vus, les plus aimés et les plus clivants du serveur',
      'Las películas más vistas, más queridas y más polémicas del servidor',
      'Os filmes mais vistos, mais amados e mais polêmicos do servidor',
      'このサーバーで最も見られた・愛された・評価が割れた映画',
    ),
  },

  help: {
    name: L('hilfe', 'aide', 'ayuda', 'ajuda', 'ヘルプ'),
    description: L(
      'Was Marquee kann und wie es geht',
      'Ce que Marquee sait faire, et comment',
      'Qué puede hacer Marquee y cómo usarlo',
      'O que o Marquee faz e como usar',
      'Marqueeでできることと使い方',
    ),
  },
};
