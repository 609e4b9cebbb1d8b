// German. Informal "du", as Discord itself writes German.
// Words we always translate the same way: docs/i18n-glossary.md. Command names in the text are this locale's
// (src/i18n/commands.ts).
import type { Messages } from './index.ts';

export const de: Messages = {
  'failure.option_missing':
    'Für `{option}` habe ich keinen brauchbaren Wert bekommen. Füll das Feld aus (oder wähl einen Vorschlag) und versuch es noch einmal.',
  'failure.options_incomplete':
    'Der Befehl kam ohne alle seine Optionen an. Bitte starte ihn noch einmal aus der Befehlsliste von Discord.',
  'failure.database_unavailable':
    'Ich erreiche meine Datenbank gerade nicht – vielleicht startet sie neu. Bitte versuch es gleich noch einmal.',
  'failure.bug':
    'Bei mir ist etwas schiefgelaufen, tut mir leid. Wenn das öfter passiert, nenn bitte die Fehler-ID `{errorId}`.',
  'failure.restarting': 'Ich starte gerade neu. Bitte versuch es gleich noch einmal.',
  'failure.unknown_command': 'Diesen Befehl kenne ich nicht mehr. Vielleicht wurde er umbenannt.',
  'failure.too_slow':
    'Entschuldige, das dauert bei mir viel länger als es sollte. Bitte versuch es gleich noch einmal.',
  'card.tmdb_score': 'TMDB {score}/10',
  'card.no_details': 'Noch keine Details',
  'card.director': '{count, plural, one {Regie} other {Regie}}',
  'card.cast': 'Besetzung',
  'card.you': 'Du',
  'card.you_rated': 'bewertet mit {stars}',
  'card.you_not_rated': 'nicht bewertet',
  'card.you_watched': 'gesehen am {date}',
  'card.you_on_watchlist': 'auf deiner Merkliste',
  'card.mark_watched': 'Als gesehen eintragen',
  'card.watchlist_add': 'Merkliste',
  'card.watchlist_remove': 'Von der Merkliste nehmen',
  'search.results': 'Ergebnisse für „{query}“:',
  'search.none': 'Keine Filme zu „{query}“ gefunden. Prüf die Schreibweise oder versuch es mit weniger Wörtern.',
  'search.none_any_year':
    'Keine Filme zu „{query}“ gefunden, weder {year} noch in einem anderen Jahr. Prüf die Schreibweise oder versuch es mit weniger Wörtern.',
  'search.other_years':
    'Aus {year} passt nichts zu „{query}“, aus anderen Jahren aber schon: {examples}. Versuch ein anderes Jahr oder lass es weg.',
  'search.watched_button': 'Gesehen',
  'rating.not_rated': 'nicht bewertet',
  'rating.changed':
    '⭐ **{title}** {verb, select, new {bewertet} same {unverändert} other {neu bewertet}}: {before} → {after}',
  'rating.remove_button': 'Bewertung entfernen',
  'rating.nothing_to_remove': 'Du hattest **{title}** nicht bewertet, es gab also nichts zu entfernen.',
  'rating.removed': '🗑️ Deine Bewertung von **{title}** ist entfernt (war {stars}).',
  'watched.logged': '👁️ **{title}** ist als gesehen am {date} eingetragen.',
  'watched.again': '👁️ **{title}** schon wieder – das ist dein {viewings, plural, other {#.}} Mal (zuletzt am {date}).',
  'watched.rating_line': '⭐ {before} → {after}',
  'watched.removed': '🗑️ **{title}** ist aus deinem Filmtagebuch entfernt.',
  'watched.not_in_log': '**{title}** stand nicht in deinem Filmtagebuch.',
  'watched.list_title_self': 'Dein Filmtagebuch',
  'watched.list_title_other': 'Filmtagebuch von {name}',
  'watched.list_empty_self': 'Dein Filmtagebuch ist leer. Trag einen Film mit `/gesehen eintragen` ein.',
  'watched.list_empty_other': '{name} hat noch keine Filme eingetragen.',
  'list.footer': 'Seite {page} von {pages} · {total, plural, one {# Film} other {# Filme}}',
  'list.previous': 'Zurück',
  'list.next': 'Weiter',
  'feedback.seen_button': 'Schon gesehen',
  'feedback.not_interested_button': 'Kein Interesse',
  'feedback.up_on': '👍 Notiert: mehr wie **{title}**.',
  'feedback.up_off': 'Dein 👍 für **{title}** ist entfernt.',
  'feedback.down_on': '👎 Notiert: weniger wie **{title}**.',
  'feedback.down_off': 'Dein 👎 für **{title}** ist entfernt.',
  'feedback.seen_on': '👁️ Alles klar, du hast **{title}** schon gesehen.',
  'feedback.seen_off': 'Okay, du hast **{title}** noch nicht gesehen.',
  'feedback.not_interested_on': '🙈 **{title}** schlage ich dir nicht mehr vor.',
  'feedback.not_interested_off': '**{title}** kann ich dir wieder vorschlagen.',
  'feedback.undo_hint': '(Zum Rückgängigmachen noch einmal klicken.)',
  'feedback.rate_prompt': 'Wie war er? Ein Klick genügt zum Bewerten:',
  'picks.intro': 'Deine Tipps:',
  'picks.none':
    'Ich habe nichts Neues gefunden, das passt. Versuch es mit weniger Filtern oder bewerte noch ein paar Filme, damit ich deinen Geschmack kennenlerne.',
  'onboarding.meh': 'Naja',
  'onboarding.liked': 'Gut',
  'onboarding.loved': 'Geliebt',
  'onboarding.show_picks': 'Zeig mir meine Tipps',
  'onboarding.welcome':
    '👋 Willkommen! Deinen Geschmack kenne ich noch nicht. Tipp bei ein paar Filmen, die du gesehen hast, an, wie sie dir gefallen haben (den Rest überspringst du), dann auf **{show}**.',
  'onboarding.progress': 'Danke – {done} bewertet. Bewerte noch ein paar für bessere Tipps oder tipp auf **{show}**.',
  'watchlist.added': '🔖 **{title}** steht jetzt auf deiner Merkliste.',
  'watchlist.undo_hint': '(Zum Rückgängigmachen noch einmal auf 🔖 klicken.)',
  'watchlist.already': '🔖 **{title}** steht schon auf deiner Merkliste.',
  'watchlist.removed': '**{title}** ist von deiner Merkliste genommen.',
  'watchlist.not_on': '**{title}** stand nicht auf deiner Merkliste.',
  'watchlist.empty_self':
    'Deine Merkliste ist leer. Füg mit `/merkliste hinzufügen` einen Film hinzu oder tipp bei einer Karte oder einem Tipp auf 🔖.',
  'watchlist.empty_other': 'Die Merkliste von {name} ist leer.',
  'watchlist.line': '{film} · hinzugefügt am {date}',
  'watchlist.title_self': '🔖 Deine Merkliste',
  'watchlist.title_other': '🔖 Merkliste von {name}',
  'dm.paused_notice':
    '📭 Übrigens: Ich konnte dir deine Wochentipps zwei Wochen hintereinander nicht per DM schicken (laut Discord nimmst du keine DMs von mir an), darum habe ich sie pausiert, statt es weiter zu versuchen. Wenn du sie wieder möchtest, erlaube Direktnachrichten von Mitgliedern dieses Servers (Privatsphäre-Einstellungen) und führ dann `/einstellungen dms an` aus.',
  'help.title': '🎬 Marquee – Filmtipps für dich und deine Freunde',
  'help.search':
    '`/suchen suche [jahr]` – einen Film finden; öffne ihn, um ihn zu bewerten oder als gesehen einzutragen',
  'help.rate':
    '`/bewerten film sterne` – 0,5 bis 5 Sterne in halben Schritten (zeigt alt → neu; ein Button entfernt die Bewertung)',
  'help.watched_add':
    '`/gesehen eintragen film [datum] [sterne]` – einen gesehenen Film eintragen (Datum wie 2024-05-31, „heute“, „gestern“)',
  'help.watched_list': '`/gesehen liste [person]` – dein Filmtagebuch (oder das eines Freundes), Seite für Seite',
  'help.watched_remove': '`/gesehen entfernen film` – einen Film aus dem Filmtagebuch nehmen',
  'help.similar': '`/ähnlich film` – Filme wie einer, den du nennst, jeweils mit Begründung (👍 und 🔖 bei jedem)',
  'help.compare':
    '`/vergleichen person` – wie gut dein Geschmack zu dem eines Freundes passt, worin ihr euch einig seid und worin nicht, und ein Film für euch beide',
  'help.watchlist':
    '`/merkliste hinzufügen|liste|entfernen` – Filme, die du sehen willst (🔖 bei jeder Karte und jedem Tipp fügt einen hinzu; bewerten oder eintragen nimmt ihn wieder runter)',
  'help.recommend':
    '`/empfehlen [anzahl] [genre] [ab-jahr] [bis-jahr] [max-laufzeit] [verfügbar:bei meinen Diensten]` – Tipps mit Begründung und wo sie laufen (`verfügbar:bei meinen Diensten`: nur, was auf deinen Diensten läuft); 👍 👎 Schon gesehen / Kein Interesse bringen mir deinen Geschmack bei',
  'help.movienight':
    '`/filmabend starten|beenden|verschieben|absagen|verlauf` – Tipps für die Gruppe heute Abend, eine Umfrage zur Entscheidung, ein Server-Event',
  'help.stats': '`/statistik [person] [server]` – dein Geschmack (oder der des Servers) als Bild',
  'help.import':
    '`/importieren datei [quelle] [rückgängig]` – deine Bewertungen, dein Tagebuch und deine Merkliste von Letterboxd oder IMDb übernehmen',
  'help.privacy':
    '`/datenschutz exportieren|löschen` – alles, was Marquee über dich speichert, als ZIP per DM – oder gelöscht',
  'help.settings':
    '`/einstellungen dms an|aus`, `/einstellungen region`, `/einstellungen dienste`, `/einstellungen profil`, `/einstellungen sprache`, `/einstellungen anzeigen` – Wochentipps per DM (nur wenn du willst), dein Land und deine Streamingdienste (für „Wo läuft’s?“), wer dein Filmtagebuch sieht, in welcher Sprache ich dir antworte',
  'help.config':
    '`/einrichten tipp-kanal|zeitplan|sprache|einschalten|ausschalten|anzeigen` – Wochentipps für diesen Server und die Sprache seiner öffentlichen Beiträge (Server verwalten)',
  'help.help': '`/hilfe` – diese Nachricht',
  'help.tip':
    'Tipp in einer `film`-Option einfach einen Titel ein und wähl einen Vorschlag. Persönliche Befehle funktionieren auch in DMs.',
  'help.tmdb_notice': 'Dieses Produkt nutzt die TMDB-API, wird aber nicht von TMDB unterstützt oder zertifiziert.',
  'reason.close_to_taste': 'Nah an deinem Geschmack',
  'reason.close_to_rated': 'Ähnlich wie {title}, das du mit {stars} bewertet hast',
  'reason.because': 'Weil du {titles} {verb, select, loved {geliebt} liked {gemocht} other {gesehen}} hast',
  'reason.in_the_vein':
    'Im Stil von {titles} – {verb, select, loved {von dir geliebt} liked {von dir gemocht} other {von dir gesehen}}',
  'reason.a_film_you_rated': 'einem Film, den du bewertet hast',
  'reason.shared_director': 'Von {name}, der Regie bei {title} geführt hat',
  'reason.shared_collection': 'Teil von {name}, wie {title}',
  'reason.shared_cast': 'Mit {name}, wie in {title}',
  'reason.shared_keywords': 'Teilt {keywords} mit {title}',
  'reason.neighbours_watched':
    '{people, plural, one {# Person} other {# Leute}} mit deinem Geschmack {people, plural, one {hat} other {haben}} ihn gesehen',
  'reason.neighbours_rated':
    '{people, plural, one {# Person} other {# Leute}} mit deinem Geschmack {people, plural, one {gibt} other {geben}} ihm {stars}',
  'reason.friends_rated':
    '{names}, {count, plural, one {der deinen Geschmack teilt} other {die deinen Geschmack teilen}}, {count, plural, one {gab} other {gaben}} ihm {stars}',
  'reason.friends_watched':
    '{names}, {count, plural, one {der deinen Geschmack teilt, hat} other {die deinen Geschmack teilen, haben}} ihn gesehen',
  'reason.friends_rated_others_watched':
    '{names}, {count, plural, one {der deinen Geschmack teilt} other {die deinen Geschmack teilen}}, {count, plural, one {gab} other {gaben}} ihm {stars}; {watchers} hat ihn gesehen',
  'reason.popular_here':
    'Beliebt hier: {ratings, plural, one {# Bewertung} other {# Bewertungen}} mit im Schnitt {stars}',
  'reason.highly_rated': 'Hoch bewertet: {score}/10 bei {votes, plural, one {# Stimme} other {# Stimmen}}',
  'reason.starter': 'Ein beliebter Film für den Anfang',
  'button.stale': 'Diesen Button erkenne ich nicht. Führ den Befehl noch einmal aus.',
  'button.label_only': 'Das ist nur eine Beschriftung – nimm die Buttons daneben.',
  'common.someone': 'Jemand',
  'watched.list_private': 'Das Filmtagebuch von {name} ist privat.',
  'privacy.export_sent':
    '📦 Ich habe dir eine DM mit einem ZIP geschickt, das alles enthält, was ich über dich gespeichert habe ({rows, plural, one {# Zeile} other {# Zeilen}}). Darin sind JSON, eine CSV pro Tabelle und deine Bewertungen, dein Filmtagebuch und deine Merkliste im Letterboxd-Format – `/importieren` nimmt es also wieder an.',
  'privacy.export_dm':
    '📦 Hier ist alles, was Marquee über dich gespeichert hat. `/datenschutz löschen` entfernt alles.',
  'privacy.delete_confirm':
    '⚠️ Damit wird **alles** gelöscht, was Marquee über dich gespeichert hat: Bewertungen, Filmtagebuch, Merkliste, Feedback, die dir gezeigten Tipps, Einstellungen, Importe und Servermitgliedschaften. Das lässt sich nicht rückgängig machen. Erst eine Kopie? `/datenschutz exportieren`.',
  'privacy.export_dm_closed':
    'Ich konnte dir den Export nicht per DM schicken. Erlaube Direktnachrichten von Mitgliedern dieses Servers (oder von Apps) und versuch es noch einmal.',
  'privacy.delete_button': 'Alles löschen',
  'privacy.cancel_button': 'Abbrechen',
  'privacy.deleted':
    '🗑️ Erledigt. Ich habe alles gelöscht, was ich über dich gespeichert hatte ({rows, plural, one {# Zeile} other {# Zeilen}}). Wenn du Marquee wieder nutzt, fängt es bei null an.',
  'privacy.delete_cancelled': 'Es wurde nichts gelöscht.',
  'privacy.export_readme':
    'Alles, was Marquee über Nutzer {user} gespeichert hat, exportiert am {date}.\nmarquee.json enthält jede Zeile jeder Tabelle, die sich auf dich bezieht; tables/*.csv sind dieselben Zeilen als CSV.\nratings.csv, diary.csv und watchlist.csv haben das Format von Letterboxd (plus eine Spalte mit der TMDB-ID): Mit `/importieren datei:` und dieser ZIP-Datei holst du die Daten zurück.\nDie Spaltennamen bleiben englisch, damit Letterboxd und `/importieren` die Dateien lesen können.\n',
  'import.note_no_title': 'kein Titel',
  'import.note_no_film': 'kein Film mit diesem Titel',
  'import.note_closest': 'am nächsten: {film}, zu {sure, number, percent} sicher',
  'import.note_could_be': 'könnte {first} oder {second} sein{addYear, select, yes { (gib das Jahr an)} other {}}',
  'import.note_tmdb_off': 'TMDB ist nicht eingerichtet',
  'import.note_no_imdb': 'TMDB kennt keinen Film mit der IMDb-ID {id}',
  'import.note_bad_stars': 'Bewertung „{raw}“ liegt nicht zwischen 0,5 und 5 Sternen',
  'import.note_bad_imdb': 'Bewertung „{raw}“ liegt nicht zwischen 1 und 10',
  'import.note_tv': 'ein IMDb-Eintrag vom Typ {type} (Marquee speichert nur Filme)',
  'profile.visibility':
    '🔒 Profil {changed, select, yes {ist jetzt} other {ist}} **{level, select, public {öffentlich} server {Server} other {privat}}**: {meaning}.',
  'profile.public_means':
    'alle können dein Filmtagebuch und deine Bewertungen sehen und sich mit dir vergleichen, und Tipps können mit deinem Namen begründet werden',
  'profile.server_means':
    'Leute auf einem Server, den ihr gemeinsam habt, können dein Filmtagebuch sehen, sich mit dir vergleichen und deinen Namen in Begründungen sehen',
  'profile.private_means':
    'nur du siehst dein Filmtagebuch; niemand kann sich mit dir vergleichen, und Begründungen nennen nie deinen Namen',
  'compare.verdict_too_few': 'zu wenige gemeinsame Filme, um schon viel zu sagen',
  'compare.verdict_kindred': 'Seelenverwandte',
  'compare.verdict_a_lot': 'viel gemeinsam',
  'compare.verdict_some': 'etwas gemeinsamer Boden',
  'compare.verdict_opposites': 'Gegensätze ziehen sich an?',
  'compare.line': '{film} – du {mine}, {name} {theirs}',
  'compare.agree': 'Hier seid ihr euch einig',
  'compare.disagree': 'Hier seid ihr uneins',
  'compare.together': '🍿 Gemeinsam schauen',
  'compare.together_line': '{film} – passt zu euch beiden, und keiner von euch hat ihn gesehen',
  'compare.title': '🎭 Du und {name}: {match, number, percent} Geschmacksübereinstimmung',
  'compare.none_in_common':
    'Ihr habt noch keine gleichen Filme bewertet, das ist also nur eine neutrale Schätzung. Bewertet noch ein paar!',
  'compare.common': '{common, plural, one {# Film} other {# Filme}} von euch beiden bewertet – {verdict}.',
  'compare.footer': 'Die Übereinstimmung tendiert zu {half, number, percent}, bis ihr viele Filme gemeinsam habt.',
  'similar.fans_rated': 'Fans von {seed} geben ihm {stars} ({fans, plural, other {# Fans}})',
  'similar.same_director': 'Gleiche Regie: {name}',
  'similar.same_collection': 'Ebenfalls aus {name}',
  'similar.same_cast': 'Ebenfalls mit {name}',
  'similar.shared_keywords': 'Ebenfalls über {keywords}',
  'similar.co_watched':
    '{people, plural, one {# Person, die {seed} gesehen hat, hat} other {# Leute, die {seed} gesehen haben, haben}} ihn auch gesehen',
  'similar.close_in_style': 'Ähnlicher Stil: {genres}',
  'similar.close_to_seed': 'Im Stil nah an {seed}',
  'similar.none':
    'Ich habe noch nichts Neues wie **{seed}** für dich – vielleicht kennst du schon alle. Versuch es mit `/empfehlen`.',
  'similar.intro': 'Mehr wie **{seed}**:',
  'weekly.dm_intro':
    '🎬 {count, plural, one {Dein Tipp} other {Deine # Tipps}} für diese Woche. Sag mir mit den Buttons, was du davon hältst – jeder Klick macht die Tipps der nächsten Woche besser.',
  'weekly.dm_footer':
    'Du bekommst diese Nachricht, weil du die Wochentipps per DM eingeschaltet hast. /einstellungen dms aus stoppt sie.',
  'weekly.digest_title': '🍿 **Die Marquee-Tipps der Woche** ({week})',
  'weekly.digest_footer':
    'Lust auf fünf Tipps nur für dich per DM? `/einstellungen dms an` (jederzeit wieder abschaltbar).',
  'weekly.digest_empty':
    'Hier hat noch niemand Wochentipps. Bewerte ein paar Filme mit /bewerten und schalte DMs mit /einstellungen dms an ein.',
  'weekly.digest_line': '**{film}** – ein Tipp für {members, plural, one {# Mitglied} other {# Mitglieder}}',
  'night.reason_unseen': 'keiner hat ihn gesehen',
  'night.reason_fit':
    '{all, select, yes {Allen {n}} other {{n} von {of}}} von euch sollte er gefallen; keiner hat ihn gesehen',
  'night.reason_director':
    '{count, plural, one {# von euch hat} other {# von euch haben}} {title} geliebt, vom selben Regisseur ({name})',
  'night.reason_director_named': 'Von {who} geliebt: {title}, vom selben Regisseur ({name})',
  'night.reason_cast': '{count, plural, one {# von euch hat} other {# von euch haben}} {name} in {title} geliebt',
  'night.reason_cast_named': 'Von {who} geliebt: {name} in {title}',
  'night.in_button': 'Bin dabei',
  'night.out_button': 'Bin raus',
  'night.join_title': '🎬 **Filmabend** {when}',
  'night.join_in': 'Dabei ({count}): {people}',
  'night.join_nobody': 'noch niemand',
  'night.join_open':
    'Tipp auf **{in}**, um mitzumachen (oder auf **{out}**, um abzuspringen) – ich suche {films} Filme aus, die keiner von euch gesehen hat, und starte {when} eine Umfrage.',
  'night.join_closed': 'Die Anmeldung ist geschlossen.',
  'night.shortlist_title': 'Die Auswahl – keiner von euch hat diese gesehen',
  'night.poll_footer':
    'Stimmt in der Umfrage unten ab. Bei Gleichstand gewinnt der Film, der am besten zur Gruppe passt.',
  'night.poll_content': '🗳️ Filmabend {when}: Stimmt für den Film ab!',
  'night.poll_question': 'Was schauen wir am {date}?',
  'night.no_votes': 'Niemand hat abgestimmt, also habe ich den Film genommen, der am besten zur Gruppe passt.',
  'night.votes': '{votes, plural, one {# Stimme} other {# Stimmen}}.',
  'night.winner': '🏆 Filmabend {when}: **{film}**! {how}',
  'night.watched_button': 'Hab ihn gesehen',
  'night.everyone_who_watched': 'Alle, die dabei waren',
  'night.rate_prompt':
    '⭐ {who}: Wie war **{film}**? Tippt eure Sterne an (sie landen in euren Bewertungen und im Filmtagebuch). Fehlt ihr in der Liste? Tippt zuerst auf **{button}**.',
  'night.rated': '⭐ Du gibst {title} {stars}. Bisherige Wertung der Gruppe: {group}.',
  'night.history_empty': 'Hier gab es noch keinen Filmabend. Starte einen mit /filmabend starten.',
  'night.history_not_rated': 'noch nicht bewertet',
  'night.history_score': '{stars} aus {ratings, plural, one {# Bewertung} other {# Bewertungen}}',
  'night.history_line': '**{title}** · {when} · {attended} dabei · {score}',
  'night.history_title': 'Vergangene Filmabende',
  'night.unavailable': 'Filmabende sind gerade nicht verfügbar.',
  'night.attended': '👁️ Notiert: Du warst dabei. Jetzt tipp oben deine Sterne an.',
  'night.not_yet': 'Dieser Filmabend hat noch nicht stattgefunden.',
  'night.event_name': 'Filmabend: {title}',
  'night.event_description': '{film}. Von der Gruppe per Umfrage gewählt.',
  'night.event_location_tba': 'Wird noch bekannt gegeben',
  'night.event_no_permission':
    '📅 Ich konnte die Vorstellung nicht zu den Server-Events hinzufügen: Dafür brauche ich die Berechtigung „Events verwalten“.',
  'night.event_failed':
    '📅 Ich konnte die Vorstellung nicht zu den Server-Events hinzufügen (Discord antwortete mit {status}).',
  'night.off_not_enough':
    '🎬 Der Filmabend fällt aus: Ich habe nicht genug Filme gefunden, die keiner von euch gesehen hat.',
  'stream.credit': 'Streaming-Daten: JustWatch.',
  'stream.more': '{names} und {n, plural, one {# weiterer} other {# weitere}}',
  'stream.yours': '{name} (deins)',
  'stream.stream_on': 'Streamen bei {names}',
  'stream.free_on': 'Kostenlos bei {names}',
  'stream.rent_on': 'Leihen bei {names}',
  'stream.buy_on': 'Kaufen bei {names}',
  'stream.field_title': 'Wo du ihn siehst ({region})',
  'stream.field_title_no_region': 'Wo du ihn siehst',
  'stream.field_no_region': 'Leg mit `/einstellungen region` dein Land fest, dann zeige ich dir, wo der Film läuft.',
  'stream.field_nothing': 'Soweit ich weiß, in {region} weder im Stream noch zum Leihen oder Kaufen.',
  'stream.reminder': '🔖 Von deiner Merkliste: **{film}** läuft jetzt bei {services} ({region}).',
  'stream.needs_region':
    '🌍 Um aus deinen Streamingdiensten zu wählen, brauche ich zuerst dein Land: `/einstellungen region code:DE` (dein Ländercode mit zwei Buchstaben), dann `/einstellungen dienste`.',
  'stream.needs_services':
    '📺 Du hast mir deine Streamingdienste in {region} noch nicht genannt. Wähl sie mit `/einstellungen dienste` und frag dann noch einmal.',
  'stream.nothing_on_services':
    '📺 Bei {services} passt gerade nichts Neues für dich. Versuch es mit weniger Filtern, wähl mit `/einstellungen dienste` mehr Dienste oder frag ohne `verfügbar`.',
  'stream.unavailable': 'Wo-streamen ist gerade nicht verfügbar. Bitte versuch es später noch einmal.',
  'stream.services_unreachable':
    'Die Filmdatenbank antwortet gerade nicht, deshalb kann ich die Streamingdienste nicht auflisten. Bitte versuch es in einer Minute noch einmal.',
  'stream.not_offered': 'Diesen Dienst hatte ich nicht angeboten. Bitte wähl noch einmal.',
  'services.needs_region':
    'Streamingdienste unterscheiden sich von Land zu Land, deshalb brauche ich zuerst deins: `/einstellungen region code:DE` (dein Ländercode mit zwei Buchstaben), dann noch einmal `/einstellungen dienste`.',
  'services.none_listed': 'TMDB kennt für {region} noch keine Streamingdienste, es gibt also nichts zu wählen.',
  'services.saved': '✅ Gespeichert.',
  'services.ask': '📺 Welche Streamingdienste hast du in {region}? Hak sie unten an (Haken weg zum Entfernen).',
  'services.yours': 'Deine: {services}.',
  'services.yours_none': 'Du hast noch keine gewählt.',
  'services.explain':
    'Filme darauf stehen bei „Wo du ihn siehst“ auf Karten und Vorschlägen vorne, `/empfehlen verfügbar:bei meinen Diensten` bleibt bei ihnen, und deine wöchentliche DM sagt dir, wenn ein Film von deiner Merkliste auf einem davon erscheint.',
  'services.page': 'Dienste {from}–{to} von {total}, die meistgenutzten zuerst: ◀ ▶ für die anderen.',
  'services.placeholder': 'Deine Dienste in {region}',
  'services.previous': 'Zurück',
  'services.next': 'Weiter',
  'button.forged': 'Diesen Button erkenne ich nicht. Führ den Befehl noch einmal aus, dann bekommst du neue Buttons.',
  'button.expired': 'Diese Buttons sind abgelaufen. Führ den Befehl noch einmal aus, dann bekommst du neue.',
  'button.not_yours': 'Diese Buttons gehören {owner}. Führ den Befehl selbst aus, dann bekommst du deine eigenen.',
  'attachment.too_big': '{name} ist {size} MB groß; Importe dürfen höchstens {limit} MB groß sein.',
  'attachment.over_limit': '{name} ist größer als {limit} MB; Importe dürfen höchstens {limit} MB groß sein.',
  'attachment.unreadable': 'Diesen Anhang konnte ich nicht lesen.',
  'attachment.download_failed': 'Ich konnte den Anhang nicht herunterladen. Bitte häng ihn noch einmal an.',
  'limit.wait': 'Nicht so schnell! Du kannst /{command} in {seconds} s wieder benutzen.',
  'movie.which': 'Welcher Film? Tipp einen Titel ein und wähl einen aus.',
  'movie.not_found': 'Einen Film namens „{title}“ habe ich nicht gefunden. Versuch es mit /suchen.',
  'night.server_only': 'Filmabende finden auf einem Server statt, nicht in DMs.',
  'night.none_planned': 'Hier ist kein Filmabend geplant. Starte einen mit /filmabend starten.',
  'night.host_only': 'Das kann nur {host} (wer den Abend plant) oder jemand mit der Berechtigung „Events verwalten“.',
  'night.poll_not_open': 'Die Umfrage läuft noch nicht: Es melden sich noch Leute an.',
  'night.poll_closed': 'Die Umfrage ist schon geschlossen.',
  'night.poll_closed_now': '🗳️ Umfrage geschlossen. Der Gewinner steht oben.',
  'night.moved': '📅 Der Filmabend ist verschoben auf {when}.',
  'night.cancelled': '🚫 Der Filmabend ist abgesagt.',
  'recommend.years_swapped': 'ab-jahr ({from}) liegt nach bis-jahr ({to}). Vertauschen?',
  'search.empty': 'Wonach soll ich suchen? Tipp einen Teil des Titels ein.',
  'similar.unknown_seed': 'Über **{title}** weiß ich noch zu wenig, um ähnliche Filme zu finden.',
  'stats.server_only': 'Server-Statistiken gibt es nur auf einem Server.',
  'stats.private': 'Das Profil dieser Person ist privat, darum kann ich ihre Statistik nicht zeigen.',
  'settings.dms_on':
    '📬 Du bist dabei. Einmal pro Woche, wenn ein Server, den wir gemeinsam haben, seine Tipps verschickt, schicke ich dir per DM fünf Filme, die für dich ausgesucht sind – jeweils mit Begründung und den Buttons 👍 / 👎 / Schon gesehen / Kein Interesse. Jeder Klick macht die nächsten Tipps besser. Sonst nichts, keine Werbung. `/einstellungen dms aus` stoppt das jederzeit.',
  'settings.dms_already_on': 'Die Wochentipps per DM sind schon an. `/einstellungen dms aus` stoppt sie.',
  'settings.dms_off':
    'Erledigt – keine Wochentipps per DM mehr. Deine Bewertungen bleiben, und `/empfehlen` funktioniert wie bisher. Doch anders überlegt? `/einstellungen dms an`.',
  'settings.region_set': '🌍 Region auf **{region}** gesetzt.',
  'settings.region_cleared': '🌍 Region entfernt.',
  'settings.show':
    'Wochentipps per DM: **{dms, select, on {an} other {aus}}**\nRegion: **{region}**\nStreamingdienste: **{services}**\nProfil: **{profile, select, public {öffentlich} server {Server} other {privat}}**\nSprache: **{language}**',
  'settings.not_set': 'nicht gesetzt',
  'settings.no_services': 'keine',
  'import.queued':
    '📥 Importiere **{file}** ({source}, {rows, plural, one {# Zeile} other {# Zeilen}}). Ich aktualisiere diese Nachricht zwischendurch; du kannst Marquee solange weiter benutzen.',
  'import.progress': '📥 Importiere **{file}** ({source}): {done} / {total} nachgeschlagen, {matched} gefunden…',
  'import.failed': '⚠️ Der Import von **{file}** wurde abgebrochen: {reason} Es wurde nichts geändert.',
  'import.failure_tmdb': 'die Filmdatenbank hat lange nicht geantwortet. Versuch es später noch mal.',
  'import.unknown_failure': 'etwas ist schiefgelaufen.',
  'import.done':
    '✅ **{file}** importiert ({source}): {matched} von {total, plural, one {# Zeile} other {# Zeilen}} zugeordnet.',
  'import.ratings_added': '{n, plural, one {# Bewertung} other {# Bewertungen}} hinzugefügt',
  'import.ratings_updated': '{n, plural, one {# Bewertung} other {# Bewertungen}} aktualisiert',
  'import.watched_added': '{n, plural, one {# Film} other {# Filme}} als gesehen eingetragen',
  'import.watched_updated':
    '{n, plural, one {# Datum oder erneutes Sehen} other {# Daten oder erneute Sichtungen}} aktualisiert',
  'import.watchlist_added': '{n} auf deine Merkliste gesetzt',
  'import.nothing_new': 'Nichts Neues: Alles aus dieser Datei war schon da.',
  'import.watchlist_skipped':
    '{n, plural, one {# Film der Merkliste wurde} other {# Filme der Merkliste wurden}} zugeordnet, aber nicht übernommen (noch keine Merkliste).',
  'import.unmatched':
    '{n, plural, one {# Zeile wurde} other {# Zeilen wurden}} nicht importiert (nicht gefunden, mehrdeutig oder kein Film){report, select, yes {: sie stehen in der angehängten CSV, mit Grund und meiner besten Vermutung} other {}}.',
  'import.undo_hint':
    'Doch anders überlegt? `/importieren rückgängig:true` entfernt genau das, was dieser Import hinzugefügt hat.',
  'import.undo_kept': '{n} Einträge, die du seitdem selbst geändert hast, bleiben.',
  'import.undone':
    '↩️ Import von **{file}** rückgängig gemacht: {n, plural, one {# Änderung} other {# Änderungen}} zurückgenommen.',
  'import.help':
    'Häng deinen Export an: `/importieren datei:` mit dem Letterboxd-ZIP (Settings → Import & Export → Export your data) oder einer seiner CSVs, oder einer Bewertungs- oder Watchlist-CSV von IMDb. `/importieren rückgängig:true` macht deinen letzten Import rückgängig.',
  'stats.not_enough': 'Noch nicht genug Bewertungen',
  'stats.personal_title':
    '{name} – {ratings, plural, one {# Bewertung} other {# Bewertungen}}, {watched, plural, one {# Film} other {# Filme}} gesehen',
  'stats.ratings': 'Bewertungen',
  'stats.top_genres': 'Top-Genres (du vs. Server)',
  'stats.by_decade': 'Filme nach Jahrzehnt',
  'stats.top_directors': 'Deine bestbewerteten Regisseure',
  'stats.server_title': '{name} – {members, plural, one {# Mitglied} other {# Mitglieder}}',
  'stats.most_watched': 'Am häufigsten gesehen',
  'stats.most_loved': 'Am meisten geliebt',
  'stats.most_divisive': 'Am umstrittensten (Streuung der Sterne)',
  'stats.server_note': 'Bewertungen von Mitgliedern dieses Servers.',
  'stats.server_rules': 'Geliebt: mindestens 2 Bewertungen. Umstritten: mindestens 3.',
  'stats.this_server': 'Dieser Server',
  'stats.server_embed': 'Server-Statistik',
  'stats.personal_embed': 'Geschmacksstatistik',
  'settings.language_set': '🌐 Ab jetzt antworte ich dir auf **{language}**, hier und in DMs.',
  'settings.language_follow': '🌐 Ich antworte dir in der Sprache, auf die dein Discord eingestellt ist.',
  'settings.language_discord': 'wie dein Discord',
  'rating.invalid_stars':
    'Bewertungen gehen von {min} bis {max} Sternen in halben Schritten (wie 3 oder 3,5); {given} gehört nicht dazu.',
  'movie.unknown': 'Diesen Film habe ich nicht gefunden. Wähl ihn am besten aus der Liste.',
  'rating.duplicate': 'Du hast {title} schon bewertet. Mit /bewerten änderst du die Bewertung.',
  'watched.bad_date': 'Ein Datum sieht so aus: 2024-05-31 (Jahr-Monat-Tag), oder „heute“/„gestern“.',
  'watched.future_date': 'Dieses Datum liegt in der Zukunft; trag Filme ein, wenn du sie gesehen hast.',
  'watched.before_cinema': 'Dieses Datum liegt vor der Erfindung des Kinos. Ein Tippfehler?',
  'watched.not_out_yet': '**{title}** erscheint am {release}, kann also noch nicht in deinem Filmtagebuch stehen.',
  'watched.before_release':
    '**{title}** ist am {release} erschienen; eine Sichtung am {date} kann nicht stimmen. Stimmt das Datum?',
  'compare.self': 'Mit dir selbst passt du perfekt zusammen. Such dir einen Freund aus!',
  'compare.not_possible': 'Mit dieser Person kann ich dich nicht vergleichen.',
  'compare.not_visible': 'Den Geschmack dieser Person kannst du hier nicht sehen.',
  'profile.invalid': 'Profile sind öffentlich, Server oder privat.',
  'config.schedule':
    '{day, select, sun {sonntags} mon {montags} tue {dienstags} wed {mittwochs} thu {donnerstags} fri {freitags} other {samstags}} um {time} ({timezone})',
  'config.summary':
    'Wochentipps: **{enabled, select, yes {an} other {aus}}**\nTipp-Kanal: {channel}\nZeitplan: {schedule}\nSprache öffentlicher Beiträge: {language}',
  'config.channel_not_set': 'nicht festgelegt (wer sich angemeldet hat, bekommt trotzdem DMs)',
  'config.language_discord': 'die Discord-Sprache des Servers',
  'config.next_run': 'Nächster Versand: {when}',
  'config.title': 'Einstellungen der Wochentipps:',
  'config.digest_problem':
    '⚠️ Die Übersicht für {week} konnte ich nicht in <#{channelId}> posten ({error}). Prüf meine Berechtigungen dort oder wähl mit `/einrichten tipp-kanal` einen anderen Kanal.',
  'config.channel_set': '✅ Die Wochentipps erscheinen ab jetzt in <#{channelId}>.',
  'config.schedule_set': '✅ Die Wochentipps kommen {schedule}.',
  'config.language_set':
    '✅ Übersicht und Filmabend-Beiträge erscheinen hier auf **{language}**. Persönliche Antworten folgen weiter der Sprache jeder Person.',
  'config.language_follow': '✅ Übersicht und Filmabend-Beiträge folgen hier der Discord-Sprache des Servers.',
  'config.enabled':
    '✅ Die Wochentipps sind an. DMs gibt es nur auf Wunsch: Persönliche Tipps bekommt, wer `/einstellungen dms an` nutzt.',
  'config.disabled':
    '⏸️ Die Wochentipps sind aus. Sonst ändert sich nichts; `/einrichten einschalten` schaltet sie wieder an.',
  'config.server_only': '/einrichten funktioniert auf einem Server, nicht in DMs.',
  'config.not_installed':
    'Marquee ist nicht auf diesem Server installiert, nur in deinem Konto – hier gibt es also nichts einzurichten. Ein Server-Admin kann Marquee zum Server hinzufügen, dann gibt es Wochentipps.',
  'config.manage_server': 'Das können nur Leute mit der Berechtigung **Server verwalten** ändern.',
  'config.channel_unknown': 'Diesen Kanal finde ich auf dem Server nicht. Wähl einen seiner Textkanäle.',
  'config.channel_not_text': '<#{channelId}> ist kein Textkanal. Wähl einen Text- oder Ankündigungskanal.',
  'config.channel_unchecked':
    'Meine Berechtigungen in <#{channelId}> konnte ich nicht prüfen. Nutz den Befehl in diesem Kanal oder versuch es gleich noch mal.',
  'config.channel_missing':
    'In <#{channelId}> kann ich die Wochentipps nicht posten: Mir fehlt dort **{missing}**. Gib Marquee diese Berechtigungen in den Kanaleinstellungen (oder wähl einen anderen Kanal) und versuch es dann noch mal.',
  'config.bad_day': 'Der Tag muss zwischen Sonntag und Samstag liegen.',
  'config.bad_time': 'Die Uhrzeit im 24-Stunden-Format HH:MM, etwa 18:00 oder 09:30.',
  'config.bad_timezone':
    'Die Zeitzone „{zone}“ kenne ich nicht. Nimm einen Namen wie Europe/Berlin oder America/New_York.',
  'config.bad_channel': 'In diesem Kanal kann ich nicht posten.',
  'user.bad_id': 'Das ist keine gültige Discord-Nutzer-ID.',
  'settings.unknown_language': '„{code}“ spreche ich noch nicht. Wähl eine davon: {languages}.',
  'settings.region_format': 'Eine Region ist ein Ländercode aus zwei Buchstaben, etwa DE, AT oder CH.',
  'settings.region_unknown':
    '{region} ist kein Ländercode nach ISO 3166-1.{uk, select, yes { Für das Vereinigte Königreich ist es GB.} other {}} Nimm zwei Buchstaben wie DE, AT oder CH.',
  'tmdb.unavailable':
    'Die Filmdatenbank antwortet gerade nicht, deshalb kann ich {action, select, search {keine Filme suchen} other {den Film nicht nachschlagen}}. Versuch es in einer Minute noch mal.',
  'import.busy': 'Ein Import von dir läuft noch. Warte auf die Zusammenfassung und versuch es dann noch mal.',
  'import.nothing_to_undo': 'Es gibt keinen Import zum Rückgängigmachen.',
  'import.undo_running': 'Dein Import läuft noch; mach ihn rückgängig, sobald er fertig ist.',
  'upload.not_csv_zip':
    '{name} ist weder CSV noch ZIP. Lade die Datei genau so hoch, wie Letterboxd oder IMDb sie dir gegeben hat.',
  'upload.not_utf8':
    '{name} ist kein UTF-8-Text. Wenn du sie in einer Tabellenkalkulation geöffnet hast, speichere sie noch mal als „CSV UTF-8“ oder lade den ursprünglichen Export hoch.',
  'upload.zip_too_many': 'Dieses ZIP enthält mehr als {max, number} Dateien; ein Letterboxd-Export hat etwa 20.',
  'upload.zip_entry_too_big':
    '{name} in diesem ZIP wird entpackt größer als {mb, number} MB; das ist kein Letterboxd-Export.',
  'upload.zip_compression':
    '{name} in diesem ZIP ist auf eine Art komprimiert, die ich nicht lesen kann. Lade das ZIP genau so hoch, wie Letterboxd es erstellt hat.',
  'upload.zip_damaged':
    'Dieses ZIP ist beschädigt. Lade den Export noch einmal herunter und lade ihn unverändert hoch.',
  'upload.zip_too_big': 'Dieses ZIP wird entpackt größer als {mb, number} MB; ein Letterboxd-Export ist viel kleiner.',
  'upload.csv_broken':
    '{name} ist keine lesbare CSV-Datei (ein Anführungszeichen wird nie geschlossen oder die Zeilen sind kaputt).',
  'upload.empty': '{name} ist leer.',
  'upload.too_big': '{name} ist {mb, number} MB groß; Importe dürfen höchstens {max, number} MB groß sein.',
  'upload.zip_no_files':
    'In diesem ZIP ist keine der Letterboxd-Dateien ratings.csv, diary.csv, watched.csv oder watchlist.csv.',
  'upload.zip_unreadable':
    '{name} ist kein lesbares ZIP. Lade den Export noch einmal herunter und lade ihn unverändert hoch.',
  'upload.list_ambiguous':
    '{file} sieht nach einer Letterboxd-Liste aus, aber ich erkenne nicht, ob es gesehene oder gemerkte Filme sind: Nenn die Datei watched.csv oder watchlist.csv.',
  'upload.expected':
    'Lade einen Letterboxd-Export hoch (das ZIP oder ratings.csv, diary.csv, watched.csv bzw. watchlist.csv) oder eine IMDb-CSV mit Bewertungen oder Merkliste.',
  'upload.unknown_columns':
    'Die Spalten von {file} ({shown}) kenne ich nicht. Lade einen Letterboxd-Export hoch (das ZIP oder ratings.csv, diary.csv, watched.csv bzw. watchlist.csv) oder eine IMDb-CSV mit Bewertungen oder Merkliste.',
  'upload.wrong_source':
    '{file} sieht nach einem {found, select, imdb {IMDb} other {Letterboxd}}-Export aus, nicht nach {chosen, select, imdb {IMDb} other {Letterboxd}}. Wähl als Quelle „auto“ oder die richtige.',
  'upload.too_many_rows':
    'Dieser Import hat mehr als {max, number} Zeilen; Marquee nimmt höchstens {max, number} auf einmal. Teil die Datei auf und importiere die Teile nacheinander.',
  'upload.no_films': 'In {name} sind keine Filme.',
  'night.bad_time':
    '„{input}“ kann ich nicht als Uhrzeit lesen. Versuch 20:30, morgen 20:30 oder 2026-12-05 20:30 ({timeZone}).',
  'night.gone': 'Diesen Filmabend gibt es nicht mehr.',
  'night.bad_candidates': 'Wähl zwischen {min} und {max} Kandidaten.',
  'night.time_passed': 'Dieser Zeitpunkt ist schon vorbei. Wähl einen in der Zukunft.',
  'night.bad_join_minutes': 'Die Anmeldung kann zwischen 1 Minute und 24 Stunden offen bleiben.',
  'night.bad_poll_hours': 'Eine Umfrage dauert zwischen 1 und {max} Stunden.',
  'night.bad_max_runtime': 'Bei einer Höchstlaufzeit unter 30 Minuten bleibt kein Film übrig.',
  'night.already_planned':
    'Auf diesem Server wird schon ein Filmabend geplant. Schließ ihn zuerst mit /filmabend beenden oder /filmabend absagen ab.',
  'night.joining_closed': 'Die Anmeldung für diesen Filmabend ist geschlossen.',
  'night.members_only': 'Mitmachen können nur Mitglieder dieses Servers.',
  'night.not_in': 'Du warst bei diesem Filmabend nicht dabei.',
  'night.over': 'Dieser Filmabend ist vorbei.',
  'night.already_over': 'Dieser Filmabend ist schon vorbei.',
  'night.no_film_yet': 'Bei diesem Filmabend gibt es noch keinen Film zum Bewerten.',
  'night.attendees_only': 'Hier bewerten können nur Leute, die bei diesem Filmabend dabei waren.',
};
