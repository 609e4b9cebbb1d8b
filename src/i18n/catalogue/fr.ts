// French. "Tu", as Discord's French interface addresses people.
// Words we always translate the same way: docs/i18n-glossary.md. Command names in the text are this locale's
// (src/i18n/commands.ts).
import type { Messages } from './index.ts';

export const fr: Messages = {
  'failure.option_missing':
    "Je n'ai pas reçu de valeur utilisable pour `{option}`. Remplis-la (ou choisis une suggestion) et réessaie.",
  'failure.options_incomplete':
    'Cette commande est arrivée sans toutes ses options. Relance-la depuis la liste des commandes de Discord.',
  'failure.database_unavailable':
    "Je n'arrive pas à joindre ma base de données pour le moment ; elle redémarre peut-être. Réessaie dans un instant.",
  'failure.bug':
    "Quelque chose s'est mal passé de mon côté, désolé. Si ça se reproduit, indique l'identifiant d'erreur `{errorId}`.",
  'failure.restarting': 'Je redémarre en ce moment. Réessaie dans un instant.',
  'failure.unknown_command': 'Je ne connais plus cette commande. Elle a peut-être été renommée.',
  'failure.too_slow': 'Désolé, ça prend beaucoup plus de temps que prévu de mon côté. Réessaie dans un instant.',
  'card.tmdb_score': 'TMDB {score}/10',
  'card.no_details': 'Pas encore de détails',
  'card.director': '{count, plural, one {Réalisation} other {Réalisation}}',
  'card.cast': 'Distribution',
  'card.you': 'Toi',
  'card.you_rated': 'noté {stars}',
  'card.you_not_rated': 'pas noté',
  'card.you_watched': 'vu le {date}',
  'card.you_on_watchlist': 'dans ta liste à voir',
  'card.mark_watched': 'Marquer comme vu',
  'card.watchlist_add': 'À voir',
  'card.watchlist_remove': 'Retirer de la liste à voir',
  'search.results': 'Résultats pour « {query} » :',
  'search.none': 'Aucun film trouvé pour « {query} ». Vérifie l’orthographe ou essaie avec moins de mots.',
  'search.none_any_year':
    'Aucun film trouvé pour « {query} », ni en {year} ni une autre année. Vérifie l’orthographe ou essaie avec moins de mots.',
  'search.other_years':
    'Rien de {year} ne correspond à « {query} », mais d’autres années, si : {examples}. Essaie une autre année ou retire-la.',
  'search.watched_button': 'Vu',
  'rating.not_rated': 'pas noté',
  'rating.changed':
    '⭐ **{title}** {verb, select, new {noté} same {inchangé} other {note modifiée}} : {before} → {after}',
  'rating.remove_button': 'Retirer la note',
  'rating.nothing_to_remove': 'Tu n’avais pas noté **{title}**, il n’y avait donc rien à retirer.',
  'rating.removed': '🗑️ Ta note de **{title}** est retirée (c’était {stars}).',
  'watched.logged': '👁️ **{title}** noté comme vu le {date}.',
  'watched.again': '👁️ Encore **{title}** — ça fait {viewings, plural, other {# visionnages}} (dernier le {date}).',
  'watched.rating_line': '⭐ {before} → {after}',
  'watched.removed': '🗑️ **{title}** est retiré de ton journal.',
  'watched.not_in_log': '**{title}** n’était pas dans ton journal.',
  'watched.list_title_self': 'Ton journal de films',
  'watched.list_title_other': 'Journal de films de {name}',
  'watched.list_empty_self': 'Ton journal est vide. Ajoute un film avec `/vus ajouter`.',
  'watched.list_empty_other': '{name} n’a encore noté aucun film.',
  'list.footer': 'Page {page} sur {pages} · {total, plural, one {# film} other {# films}}',
  'list.previous': 'Précédent',
  'list.next': 'Suivant',
  'feedback.seen_button': 'Déjà vu',
  'feedback.not_interested_button': 'Pas intéressé',
  'feedback.up_on': '👍 C’est noté : plus de films comme **{title}**.',
  'feedback.up_off': 'Ton 👍 pour **{title}** est retiré.',
  'feedback.down_on': '👎 C’est noté : moins de films comme **{title}**.',
  'feedback.down_off': 'Ton 👎 pour **{title}** est retiré.',
  'feedback.seen_on': '👁️ Compris, tu as déjà vu **{title}**.',
  'feedback.seen_off': 'D’accord, tu n’as pas vu **{title}**.',
  'feedback.not_interested_on': '🙈 Je ne te proposerai plus **{title}**.',
  'feedback.not_interested_off': 'Je pourrai de nouveau te proposer **{title}**.',
  'feedback.undo_hint': '(Clique à nouveau pour annuler.)',
  'feedback.rate_prompt': 'Alors, c’était comment ? Un clic suffit pour le noter :',
  'picks.intro': 'Choisis pour toi :',
  'picks.none':
    'Je n’ai rien trouvé de nouveau qui corresponde. Essaie avec moins de filtres, ou note quelques films de plus pour que j’apprenne tes goûts.',
  'onboarding.meh': 'Bof',
  'onboarding.liked': 'Bien aimé',
  'onboarding.loved': 'Adoré',
  'onboarding.show_picks': 'Voir mes suggestions',
  'onboarding.welcome':
    '👋 Bienvenue ! Je ne connais pas encore tes goûts. Indique ce que tu as pensé de quelques films que tu as vus (passe les autres), puis touche **{show}**.',
  'onboarding.progress':
    'Merci — {done, plural, one {# film noté} other {# films notés}}. Note-en encore quelques-uns pour de meilleures suggestions, ou touche **{show}**.',
  'watchlist.added': '🔖 **{title}** est ajouté à ta liste à voir.',
  'watchlist.undo_hint': '(Clique à nouveau sur 🔖 pour annuler.)',
  'watchlist.already': '🔖 **{title}** est déjà dans ta liste à voir.',
  'watchlist.removed': '**{title}** est retiré de ta liste à voir.',
  'watchlist.not_on': '**{title}** n’était pas dans ta liste à voir.',
  'watchlist.empty_self':
    'Ta liste à voir est vide. Ajoute un film avec `/à-voir ajouter`, ou 🔖 sur n’importe quelle fiche ou suggestion.',
  'watchlist.empty_other': 'La liste à voir de {name} est vide.',
  'watchlist.line': '{film} · ajouté le {date}',
  'watchlist.title_self': '🔖 Ta liste à voir',
  'watchlist.title_other': '🔖 Liste à voir de {name}',
  'dm.paused_notice':
    '📭 Au fait : je n’ai pas pu t’envoyer tes suggestions de la semaine en MP deux semaines de suite (Discord indique que tes MP me sont fermés), alors je les ai mises en pause plutôt que de continuer à essayer. Pour les recevoir à nouveau, autorise les messages privés des membres de ce serveur (Paramètres de confidentialité), puis lance `/paramètres mp activées`.',
  'help.title': '🎬 Marquee — des films choisis pour toi et tes amis',
  'help.search': '`/rechercher requête [année]` — trouver un film ; ouvre-le pour le noter ou le marquer comme vu',
  'help.rate':
    '`/noter film étoiles` — de 0,5 à 5 étoiles par demi-étoile (affiche ancienne → nouvelle ; un bouton la retire)',
  'help.watched_add':
    '`/vus ajouter film [date] [étoiles]` — noter un film que tu as vu (date comme 2024-05-31, « aujourd’hui », « hier »)',
  'help.watched_list': '`/vus liste [membre]` — ton journal (ou celui d’un ami), page par page',
  'help.watched_remove': '`/vus retirer film` — retirer un film de ton journal',
  'help.similar':
    '`/similaires film` — des films proches de celui que tu cites, chacun avec sa raison (👍 et 🔖 sur chacun)',
  'help.compare':
    '`/comparer membre` — ta compatibilité avec un ami, vos accords et désaccords, et un film pour vous deux',
  'help.watchlist':
    '`/à-voir ajouter|liste|retirer` — les films que tu comptes voir (🔖 sur une fiche ou une suggestion en ajoute un ; le noter ou le marquer vu le retire)',
  'help.recommend':
    '`/suggestions [nombre] [genre] [depuis] [jusqu’à] [durée-max] [disponible:sur mes services]` — des suggestions avec leur raison et où les voir en streaming (`disponible:sur mes services` : seulement ce qui est sur tes services) ; 👍 👎 Déjà vu / Pas intéressé m’apprennent tes goûts',
  'help.movienight':
    '`/soirée-ciné lancer|clore|reporter|annuler|historique` — des films pour le groupe ce soir, un sondage pour trancher, un événement sur le serveur',
  'help.stats': '`/stats [membre] [serveur]` — tes goûts (ou ceux du serveur) en image',
  'help.import':
    '`/importer fichier [source] [annuler]` — récupérer tes notes, ton journal et ta liste à voir de Letterboxd ou IMDb',
  'help.privacy':
    '`/confidentialité exporter|supprimer` — tout ce que Marquee garde sur toi, en ZIP par MP, ou supprimé',
  'help.settings':
    '`/paramètres mp activées|désactivées`, `/paramètres région`, `/paramètres services`, `/paramètres profil`, `/paramètres langue`, `/paramètres afficher` — suggestions de la semaine en MP (si tu le veux), ton pays et tes services de streaming (pour savoir où regarder), qui voit ton journal, la langue dans laquelle je te réponds',
  'help.config':
    '`/configurer salon|horaire|langue|activer|désactiver|afficher` — les suggestions de la semaine pour ce serveur et la langue de ses messages publics (Gérer le serveur)',
  'help.help': '`/aide` — ce message',
  'help.tip':
    'Commence à taper un titre dans une option `film` et choisis parmi les suggestions. Les commandes personnelles marchent aussi en MP.',
  'help.tmdb_notice': 'Ce produit utilise l’API TMDB mais n’est ni approuvé ni certifié par TMDB.',
  'reason.close_to_taste': 'Proche de tes goûts',
  'reason.close_to_rated': 'Proche de {title}, que tu as noté {stars}',
  'reason.because': 'Parce que tu as {verb, select, loved {adoré} liked {aimé} other {vu}} {titles}',
  'reason.in_the_vein':
    'Dans la veine de {titles}, {verb, select, loved {que tu as adoré} liked {que tu as aimé} other {que tu as vu}}',
  'reason.a_film_you_rated': 'un film que tu as noté',
  'reason.shared_director': 'De {name}, qui a réalisé {title}',
  'reason.shared_collection': 'Fait partie de {name}, comme {title}',
  'reason.shared_cast': 'Avec {name}, comme dans {title}',
  'reason.shared_keywords': 'Partage {keywords} avec {title}',
  'reason.neighbours_watched':
    '{people, plural, one {# personne} other {# personnes}} aux goûts proches des tiens {people, plural, one {l’a vu} other {l’ont vu}}',
  'reason.neighbours_rated':
    '{people, plural, one {# personne} other {# personnes}} aux goûts proches des tiens lui {people, plural, one {donne} other {donnent}} {stars}',
  'reason.friends_rated':
    '{names}, qui {count, plural, one {partage} other {partagent}} tes goûts, lui {count, plural, one {a} other {ont}} donné {stars}',
  'reason.friends_watched':
    '{names}, qui {count, plural, one {partage} other {partagent}} tes goûts, l’{count, plural, one {a} other {ont}} vu',
  'reason.friends_rated_others_watched':
    '{names}, qui {count, plural, one {partage} other {partagent}} tes goûts, lui {count, plural, one {a} other {ont}} donné {stars} ; {watchers} l’a vu',
  'reason.popular_here': 'Populaire ici : {ratings, plural, one {# note} other {# notes}}, {stars} en moyenne',
  'reason.highly_rated': 'Très bien noté : {score}/10 sur {votes, plural, one {# vote} other {# votes}}',
  'reason.starter': 'Un film très apprécié pour commencer',
  'button.stale': 'Je ne reconnais pas ce bouton. Relance la commande.',
  'button.label_only': 'Ce n’est qu’une étiquette : utilise les boutons à côté.',
  'common.someone': 'Quelqu’un',
  'watched.list_private': 'Le journal de {name} est privé.',
  'privacy.export_sent':
    '📦 Je t’ai envoyé en MP un ZIP avec tout ce que je garde sur toi ({rows, plural, one {# ligne} other {# lignes}}). Il contient du JSON, un CSV par table, et tes notes, ton journal et ta liste à voir au format Letterboxd : `/importer` sait donc le reprendre.',
  'privacy.export_dm': '📦 Voici tout ce que Marquee garde sur toi. `/confidentialité supprimer` efface tout.',
  'privacy.delete_confirm':
    '⚠️ Cela supprime **tout** ce que Marquee garde sur toi : notes, journal, liste à voir, avis, suggestions qui t’ont été montrées, paramètres, imports et serveurs. C’est irréversible. Tu veux d’abord une copie ? `/confidentialité exporter`.',
  'privacy.export_dm_closed':
    'Je n’ai pas pu t’envoyer l’export en MP. Autorise les messages privés des membres de ce serveur (ou des applications) et réessaie.',
  'privacy.delete_button': 'Tout supprimer',
  'privacy.cancel_button': 'Annuler',
  'privacy.deleted':
    '🗑️ C’est fait. J’ai supprimé tout ce que je gardais sur toi ({rows, plural, one {# ligne} other {# lignes}}). Si tu reviens sur Marquee, tout repart de zéro.',
  'privacy.delete_cancelled': 'Rien n’a été supprimé.',
  'privacy.export_readme':
    'Tout ce que Marquee garde sur l’utilisateur {user}, exporté le {date}.\nmarquee.json contient chaque ligne de chaque table qui te concerne ; tables/*.csv contient les mêmes lignes en CSV.\nratings.csv, diary.csv et watchlist.csv suivent le format de Letterboxd (plus une colonne avec l’identifiant TMDB) : importe ce ZIP avec `/importer fichier:` pour récupérer tes données.\nLes noms de colonnes restent en anglais pour que Letterboxd et `/importer` puissent lire les fichiers.\n',
  'import.note_no_title': 'pas de titre',
  'import.note_no_film': 'aucun film avec ce titre',
  'import.note_closest': 'le plus proche : {film}, sûr à {sure, number, percent}',
  'import.note_could_be': 'peut-être {first} ou {second}{addYear, select, yes { (ajoute l’année)} other {}}',
  'import.note_tmdb_off': 'TMDB n’est pas configuré',
  'import.note_no_imdb': 'TMDB n’a aucun film avec l’identifiant IMDb {id}',
  'import.note_bad_stars': 'la note « {raw} » n’est pas entre 0,5 et 5 étoiles',
  'import.note_bad_imdb': 'la note « {raw} » n’est pas entre 1 et 10',
  'import.note_tv': 'une fiche IMDb de type {type} (Marquee ne garde que les films)',
  'profile.visibility':
    '🔒 Profil {changed, select, yes {désormais} other {actuellement}} **{level, select, public {public} server {serveur} other {privé}}** : {meaning}.',
  'profile.public_means':
    'tout le monde peut voir ton journal et tes notes, se comparer à toi, et des suggestions peuvent être expliquées avec ton nom',
  'profile.server_means':
    'les membres d’un serveur que vous partagez peuvent voir ton journal, se comparer à toi et voir ton nom dans les raisons',
  'profile.private_means':
    'toi seul vois ton journal ; personne ne peut se comparer à toi, et les raisons ne te nomment jamais',
  'compare.verdict_too_few': 'trop peu de films en commun pour en dire beaucoup',
  'compare.verdict_kindred': 'âmes sœurs',
  'compare.verdict_a_lot': 'beaucoup de points communs',
  'compare.verdict_some': 'quelques points communs',
  'compare.verdict_opposites': 'les contraires s’attirent ?',
  'compare.line': '{film} — toi {mine}, {name} {theirs}',
  'compare.agree': 'Vous êtes d’accord sur',
  'compare.disagree': 'Vous n’êtes pas d’accord sur',
  'compare.together': '🍿 À voir ensemble',
  'compare.together_line': '{film} — bien pour vous deux, et aucun de vous ne l’a vu',
  'compare.title': '🎭 Toi et {name} : {match, number, percent} de goûts en commun',
  'compare.none_in_common':
    'Vous n’avez encore noté aucun film en commun, ce n’est donc qu’une estimation neutre. Notez-en quelques-uns de plus !',
  'compare.common': '{common, plural, one {# film noté} other {# films notés}} par vous deux — {verdict}.',
  'compare.footer': 'Le score tend vers {half, number, percent} tant que vous n’avez pas beaucoup de films en commun.',
  'similar.fans_rated': 'Les fans de {seed} lui donnent {stars} ({fans, plural, one {# fan} other {# fans}})',
  'similar.same_director': 'Même réalisation : {name}',
  'similar.same_collection': 'Aussi dans {name}',
  'similar.same_cast': 'Aussi avec {name}',
  'similar.shared_keywords': 'Parle aussi de {keywords}',
  'similar.co_watched':
    '{people, plural, one {# personne qui a vu {seed} l’a vu aussi} other {# personnes qui ont vu {seed} l’ont vu aussi}}',
  'similar.close_in_style': 'Style proche : {genres}',
  'similar.close_to_seed': 'Proche de {seed} par le style',
  'similar.none':
    'Je n’ai encore rien de nouveau dans le genre de **{seed}** pour toi — tu les as peut-être tous vus. Essaie `/suggestions`.',
  'similar.intro': 'Dans le genre de **{seed}** :',
  'weekly.dm_intro':
    '🎬 {count, plural, one {Ta suggestion} other {Tes # suggestions}} de la semaine. Dis-moi ce que tu en penses avec les boutons : chaque clic affine les suggestions de la semaine prochaine.',
  'weekly.dm_footer':
    'Tu reçois ceci parce que tu as activé les MP de la semaine. /paramètres mp désactivées les arrête.',
  'weekly.digest_title': '🍿 **Les suggestions Marquee de la semaine** ({week})',
  'weekly.digest_footer':
    'Envie de cinq suggestions rien que pour toi en MP ? `/paramètres mp activées` (désactivable à tout moment).',
  'weekly.digest_empty':
    'Personne ici n’a encore de suggestions de la semaine. Note quelques films avec /noter et active les MP avec /paramètres mp activées.',
  'weekly.digest_line': '**{film}** — suggéré à {members, plural, one {# membre} other {# membres}}',
  'night.reason_unseen': 'personne ne l’a vu',
  'night.reason_fit':
    '{all, select, yes {vous devriez l’adorer tous les {n}} other {{n} sur {of} d’entre vous devraient l’adorer}} ; personne ne l’a vu',
  'night.reason_director':
    '{count, plural, one {# d’entre vous a adoré} other {# d’entre vous ont adoré}} {title}, du même réalisateur ({name})',
  'night.reason_director_named': 'Adoré par {who} : {title}, du même réalisateur ({name})',
  'night.reason_cast':
    '{count, plural, one {# d’entre vous a adoré} other {# d’entre vous ont adoré}} {name} dans {title}',
  'night.reason_cast_named': 'Adoré par {who} : {name} dans {title}',
  'night.in_button': 'Je viens',
  'night.out_button': 'Je ne viens pas',
  'night.join_title': '🎬 **Soirée ciné** {when}',
  'night.join_in': 'Participants ({count}) : {people}',
  'night.join_nobody': 'personne pour l’instant',
  'night.join_open':
    'Touche **{in}** pour participer (ou **{out}** pour te retirer) — je choisirai {films} films qu’aucun de vous n’a vus et j’ouvrirai un sondage {when}.',
  'night.join_closed': 'Les inscriptions sont closes.',
  'night.shortlist_title': 'La sélection — aucun de vous n’a vu ces films',
  'night.poll_footer':
    'Votez dans le sondage ci-dessous. En cas d’égalité, le film qui convient le mieux au groupe l’emporte.',
  'night.poll_content': '🗳️ Soirée ciné {when} : votez pour le film !',
  'night.poll_question': 'Qu’est-ce qu’on regarde le {date} ?',
  'night.no_votes': 'Personne n’a voté, alors j’ai pris le film qui convient le mieux au groupe.',
  'night.votes': '{votes, plural, one {# vote} other {# votes}}.',
  'night.winner': '🏆 Soirée ciné {when} : **{film}** ! {how}',
  'night.watched_button': 'Je l’ai vu',
  'night.everyone_who_watched': 'Tous ceux qui l’ont vu',
  'night.rate_prompt':
    '⭐ {who} : alors, **{film}** ? Touchez vos étoiles (elles vont dans vos notes et votre journal). Pas dans la liste ? Touchez d’abord **{button}**.',
  'night.rated': '⭐ Tu donnes {stars} à {title}. Note du groupe pour l’instant : {group}.',
  'night.history_empty': 'Pas encore de soirée ciné ici. Lance-en une avec /soirée-ciné lancer.',
  'night.history_not_rated': 'pas encore noté',
  'night.history_score': '{stars} sur {ratings, plural, one {# note} other {# notes}}',
  'night.history_line': '**{title}** · {when} · {attended, plural, one {# présent} other {# présents}} · {score}',
  'night.history_title': 'Soirées ciné passées',
  'night.unavailable': 'Les soirées ciné ne sont pas disponibles pour le moment.',
  'night.attended': '👁️ C’est noté : tu y étais. Touche maintenant tes étoiles ci-dessus.',
  'night.not_yet': 'Cette soirée ciné n’a pas encore eu lieu.',
  'night.event_name': 'Soirée ciné : {title}',
  'night.event_description': '{film}. Choisi par le sondage du groupe.',
  'night.event_location_tba': 'À préciser',
  'night.event_no_permission':
    '📅 Je n’ai pas pu ajouter la séance aux événements du serveur : il me faut l’autorisation Gérer les événements.',
  'night.event_failed': '📅 Je n’ai pas pu ajouter la séance aux événements du serveur (Discord a répondu {status}).',
  'night.off_not_enough': '🎬 La soirée ciné est annulée : je n’ai pas trouvé assez de films qu’aucun de vous n’a vus.',
  'stream.credit': 'Données de streaming : JustWatch.',
  'stream.more': '{names} et {n, plural, one {# autre} other {# autres}}',
  'stream.yours': '{name} (le tien)',
  'stream.stream_on': 'En streaming sur {names}',
  'stream.free_on': 'Gratuit sur {names}',
  'stream.rent_on': 'En location sur {names}',
  'stream.buy_on': 'À l’achat sur {names}',
  'stream.field_title': 'Où le regarder ({region})',
  'stream.field_title_no_region': 'Où le regarder',
  'stream.field_no_region': 'Indique ton pays avec `/paramètres région` pour voir où le regarder.',
  'stream.field_nothing': 'Ni en streaming, ni en location, ni à l’achat en {region} à ma connaissance.',
  'stream.reminder': '🔖 De ta liste à voir : **{film}** est maintenant en streaming sur {services} ({region}).',
  'stream.needs_region':
    '🌍 Pour choisir parmi tes services de streaming, il me faut d’abord ton pays : `/paramètres région code:FR` (le code à deux lettres), puis `/paramètres services`.',
  'stream.needs_services':
    '📺 Tu ne m’as pas encore indiqué tes services de streaming en {region}. Choisis-les avec `/paramètres services`, puis redemande.',
  'stream.nothing_on_services':
    '📺 Rien de nouveau pour toi sur {services} pour le moment. Essaie avec moins de filtres, choisis plus de services avec `/paramètres services`, ou demande sans `disponible`.',
  'stream.unavailable': 'Où regarder n’est pas disponible pour le moment. Réessaie plus tard.',
  'stream.services_unreachable':
    'La base de données de films ne répond pas pour le moment, je ne peux donc pas lister les services de streaming. Réessaie dans une minute.',
  'stream.not_offered': 'Je n’avais pas proposé ce service. Choisis à nouveau.',
  'services.needs_region':
    'Les services de streaming varient d’un pays à l’autre, il me faut donc d’abord le tien : `/paramètres région code:FR` (le code à deux lettres), puis à nouveau `/paramètres services`.',
  'services.none_listed':
    'TMDB ne liste encore aucun service de streaming pour {region}, il n’y a donc rien à choisir.',
  'services.saved': '✅ Enregistré.',
  'services.ask': '📺 Quels services de streaming as-tu en {region} ? Coche-les ci-dessous (décoche pour retirer).',
  'services.yours': 'Les tiens : {services}.',
  'services.yours_none': 'Tu n’en as encore choisi aucun.',
  'services.explain':
    'Les films qui y sont passent en premier dans « où le regarder » sur les fiches et les suggestions, `/suggestions disponible:sur mes services` s’y limite, et ton MP hebdomadaire te prévient quand un film de ta liste à voir y arrive.',
  'services.page': 'Services {from}–{to} sur {total}, les plus utilisés d’abord : ◀ ▶ pour les autres.',
  'services.placeholder': 'Tes services en {region}',
  'services.previous': 'Précédent',
  'services.next': 'Suivant',
  'button.forged': 'Je ne reconnais pas ce bouton. Relance la commande pour avoir des boutons neufs.',
  'button.expired': 'Ces boutons ont expiré. Relance la commande pour en avoir de nouveaux.',
  'button.not_yours': 'Ces boutons appartiennent à {owner}. Lance la commande toi-même pour avoir les tiens.',
  'attachment.too_big': '{name} fait {size} Mo ; les imports sont limités à {limit} Mo.',
  'attachment.over_limit': '{name} dépasse {limit} Mo ; les imports sont limités à {limit} Mo.',
  'attachment.unreadable': 'Je n’ai pas pu lire cette pièce jointe.',
  'attachment.download_failed': 'Je n’ai pas pu télécharger cette pièce jointe. Joins-la à nouveau.',
  'limit.wait': 'Doucement ! Tu pourras réutiliser /{command} dans {seconds} s.',
  'movie.which': 'Quel film ? Commence à taper un titre et choisis-en un.',
  'movie.not_found': 'Je n’ai pas trouvé de film intitulé « {title} ». Essaie /rechercher.',
  'night.server_only': 'Les soirées ciné se passent sur un serveur, pas en MP.',
  'night.none_planned': 'Aucune soirée ciné n’est prévue ici. Lance-en une avec /soirée-ciné lancer.',
  'night.host_only': 'Seul {host} (l’organisateur) ou quelqu’un qui peut gérer les événements peut faire ça.',
  'night.poll_not_open': 'Le sondage n’est pas encore ouvert : les inscriptions sont en cours.',
  'night.poll_closed': 'Le sondage est déjà clos.',
  'night.poll_closed_now': '🗳️ Sondage clos. Le gagnant est annoncé plus haut.',
  'night.moved': '📅 Soirée ciné reportée au {when}.',
  'night.cancelled': '🚫 Soirée ciné annulée.',
  'recommend.years_swapped': 'depuis ({from}) est après jusqu’à ({to}). Tu veux les inverser ?',
  'search.empty': 'Qu’est-ce que je dois chercher ? Tape une partie du titre.',
  'similar.unknown_seed': 'Je n’en sais pas encore assez sur **{title}** pour trouver des films similaires.',
  'stats.server_only': 'Les statistiques du serveur ne fonctionnent que sur un serveur.',
  'stats.private': 'Le profil de cette personne est privé, je ne peux donc pas montrer ses statistiques.',
  'settings.dms_on':
    '📬 C’est parti. Une fois par semaine, quand un serveur que nous partageons envoie ses suggestions, je t’enverrai en MP cinq films choisis pour toi, chacun avec sa raison et les boutons 👍 / 👎 / Déjà vu / Pas intéressé — chaque clic améliore les suivantes. Rien d’autre, pas de pub. `/paramètres mp désactivées` arrête tout, quand tu veux.',
  'settings.dms_already_on': 'Les MP de la semaine sont déjà activés. `/paramètres mp désactivées` les arrête.',
  'settings.dms_off':
    'C’est fait : plus de MP de la semaine. Tes notes restent, et `/suggestions` marche comme avant. Tu as changé d’avis ? `/paramètres mp activées`.',
  'settings.region_set': '🌍 Région définie : **{region}**.',
  'settings.region_cleared': '🌍 Région effacée.',
  'settings.show':
    'MP de la semaine : **{dms, select, on {activés} other {désactivés}}**\nRégion : **{region}**\nServices de streaming : **{services}**\nProfil : **{profile, select, public {public} server {serveur} other {privé}}**\nLangue : **{language}**',
  'settings.not_set': 'non définie',
  'settings.no_services': 'aucun',
  'import.queued':
    '📥 Import de **{file}** ({source}, {rows, plural, one {# ligne} other {# lignes}}). Je mettrai ce message à jour au fur et à mesure ; tu peux continuer à utiliser Marquee en attendant.',
  'import.progress': '📥 Import de **{file}** ({source}) : {done} / {total} recherchées, {matched} trouvées…',
  'import.failed': '⚠️ L’import de **{file}** s’est arrêté : {reason} Rien n’a été modifié.',
  'import.failure_tmdb': 'la base de films n’a pas répondu pendant longtemps. Réessaie plus tard.',
  'import.unknown_failure': 'quelque chose s’est mal passé.',
  'import.done':
    '✅ **{file}** importé ({source}) : {matched} sur {total, plural, one {# ligne} other {# lignes}} reconnues.',
  'import.ratings_added': '{n, plural, one {# note ajoutée} other {# notes ajoutées}}',
  'import.ratings_updated': '{n, plural, one {# note mise à jour} other {# notes mises à jour}}',
  'import.watched_added': '{n, plural, one {# film noté comme vu} other {# films notés comme vus}}',
  'import.watched_updated':
    '{n, plural, one {# date de visionnage ou revisionnage mise à jour} other {# dates de visionnage ou revisionnages mis à jour}}',
  'import.watchlist_added': '{n, plural, one {# ajouté} other {# ajoutés}} à ta liste à voir',
  'import.nothing_new': 'Rien de nouveau : tout ce qui est dans ce fichier était déjà là.',
  'import.watchlist_skipped':
    '{n, plural, one {# film de liste à voir reconnu mais pas ajouté} other {# films de liste à voir reconnus mais pas ajoutés}} (pas encore de liste à voir).',
  'import.unmatched':
    '{n, plural, one {# ligne n’a pas été importée} other {# lignes n’ont pas été importées}} (introuvables, ambiguës ou pas des films){report, select, yes { : elles sont listées dans le CSV joint, avec la raison et ma meilleure hypothèse} other {}}.',
  'import.undo_hint': 'Tu as changé d’avis ? `/importer annuler:true` retire exactement ce que cet import a ajouté.',
  'import.undo_kept': 'J’ai gardé {n} éléments que tu as modifiés toi-même depuis.',
  'import.undone':
    '↩️ Import de **{file}** annulé : {n, plural, one {# modification annulée} other {# modifications annulées}}.',
  'import.help':
    'Joins ton export : `/importer fichier:` avec le ZIP de Letterboxd (Settings → Import & Export → Export your data) ou l’un de ses CSV, ou un CSV de notes ou de watchlist IMDb. `/importer annuler:true` annule ton dernier import.',
  'stats.not_enough': 'Pas encore assez de notes',
  'stats.personal_title':
    '{name} — {ratings, plural, one {# note} other {# notes}}, {watched, plural, one {# film vu} other {# films vus}}',
  'stats.ratings': 'Notes',
  'stats.top_genres': 'Genres favoris (toi vs serveur)',
  'stats.by_decade': 'Films par décennie',
  'stats.top_directors': 'Tes réalisateurs les mieux notés',
  'stats.server_title': '{name} — {members, plural, one {# membre} other {# membres}}',
  'stats.most_watched': 'Les plus vus',
  'stats.most_loved': 'Les plus aimés',
  'stats.most_divisive': 'Les plus clivants (écart des étoiles)',
  'stats.server_note': 'Notes des membres de ce serveur.',
  'stats.server_rules': 'Aimés : au moins 2 notes. Clivants : au moins 3.',
  'stats.this_server': 'Ce serveur',
  'stats.server_embed': 'Statistiques du serveur',
  'stats.personal_embed': 'Statistiques de goûts',
  'settings.language_set': '🌐 Je te répondrai désormais en **{language}**, ici et en MP.',
  'settings.language_follow': '🌐 Je te répondrai dans la langue de ton Discord.',
  'settings.language_discord': 'celle de ton Discord',
  'rating.invalid_stars':
    'Les notes vont de {min} à {max} étoiles par demi-étoile (comme 3 ou 3,5) ; {given} n’en fait pas partie.',
  'movie.unknown': 'Je n’ai pas trouvé ce film. Choisis-le plutôt dans la liste.',
  'rating.duplicate': 'Tu as déjà noté {title}. Utilise /noter pour changer ta note.',
  'watched.bad_date': 'Une date s’écrit comme 2024-05-31 (année-mois-jour), ou « aujourd’hui »/« hier ».',
  'watched.future_date': 'Cette date est dans le futur ; note les films une fois que tu les as vus.',
  'watched.before_cinema': 'Cette date est antérieure à l’invention du cinéma. Une faute de frappe ?',
  'watched.not_out_yet': '**{title}** sort le {release}, il ne peut donc pas encore être dans ton journal.',
  'watched.before_release':
    '**{title}** est sorti le {release} ; un visionnage le {date} ne peut pas être juste. Tu vérifies la date ?',
  'compare.self': 'Te comparer à toi-même, c’est forcément parfait. Choisis un ami !',
  'compare.not_possible': 'Je ne peux pas te comparer à cette personne.',
  'compare.not_visible': 'Les goûts de cette personne ne te sont pas visibles ici.',
  'profile.invalid': 'Un profil est public, serveur ou privé.',
  'config.schedule':
    'le {day, select, sun {dimanche} mon {lundi} tue {mardi} wed {mercredi} thu {jeudi} fri {vendredi} other {samedi}} à {time} ({timezone})',
  'config.summary':
    'Suggestions de la semaine : **{enabled, select, yes {activées} other {désactivées}}**\nSalon des suggestions : {channel}\nHoraire : {schedule}\nLangue des messages publics : {language}',
  'config.channel_not_set': 'aucun (les membres inscrits reçoivent quand même leurs MP)',
  'config.language_discord': 'la langue Discord du serveur',
  'config.next_run': 'Prochain envoi : {when}',
  'config.title': 'Réglages des suggestions de la semaine :',
  'config.digest_problem':
    "⚠️ Je n'ai pas pu publier le récap {week} dans <#{channelId}> ({error}). Vérifie mes permissions là-bas, ou choisis un autre salon avec `/configurer salon`.",
  'config.channel_set': '✅ Les suggestions de la semaine seront publiées dans <#{channelId}>.',
  'config.schedule_set': '✅ Les suggestions de la semaine partent {schedule}.',
  'config.language_set':
    '✅ Le récap et les messages de soirée ciné seront ici en **{language}**. Les réponses personnelles suivent toujours la langue de chacun.',
  'config.language_follow': '✅ Le récap et les messages de soirée ciné suivront ici la langue Discord du serveur.',
  'config.enabled':
    '✅ Les suggestions de la semaine sont activées. Les MP sont sur inscription : chacun reçoit ses suggestions après `/paramètres mp activer`.',
  'config.disabled':
    "⏸️ Les suggestions de la semaine sont désactivées. Rien d'autre ne change ; `/configurer activer` les réactive.",
  'config.server_only': '/configurer fonctionne sur un serveur, pas en MP.',
  'config.not_installed':
    "Marquee n'est pas installé sur ce serveur, seulement sur ton compte : il n'y a donc rien à configurer ici. Un admin du serveur peut y ajouter Marquee pour avoir les suggestions de la semaine.",
  'config.manage_server': 'Seules les personnes ayant la permission **Gérer le serveur** peuvent modifier ça.',
  'config.channel_unknown': 'Je ne trouve pas ce salon sur ce serveur. Choisis un de ses salons textuels.',
  'config.channel_not_text': "<#{channelId}> n'est pas un salon textuel. Choisis un salon textuel ou d'annonces.",
  'config.channel_unchecked':
    "Je n'ai pas pu vérifier mes permissions dans <#{channelId}>. Lance la commande dans ce salon, ou réessaie dans un instant.",
  'config.channel_missing':
    'Je ne peux pas publier les suggestions de la semaine dans <#{channelId}> : il me manque **{missing}**. Donne ces permissions à Marquee dans les paramètres du salon (ou choisis un autre salon), puis relance la commande.',
  'config.bad_day': 'Le jour doit être entre dimanche et samedi.',
  'config.bad_time': "L'heure s'écrit HH:MM sur 24 heures, comme 18:00 ou 09:30.",
  'config.bad_timezone':
    'Je ne connais pas le fuseau horaire « {zone} ». Utilise un nom comme Europe/Paris ou America/New_York.',
  'config.bad_channel': 'Je ne peux pas publier dans ce salon.',
  'user.bad_id': "Ce n'est pas un identifiant d'utilisateur Discord valide.",
  'settings.unknown_language': 'Je ne parle pas encore « {code} ». Choisis parmi : {languages}.',
  'settings.region_format': 'Une région est un code pays à deux lettres, comme FR, BE ou CA.',
  'settings.region_unknown':
    "{region} n'est pas un code pays ISO 3166-1.{uk, select, yes { Pour le Royaume-Uni, c'est GB.} other {}} Utilise deux lettres comme FR, BE ou CA.",
  'tmdb.unavailable':
    "La base de films ne répond pas pour l'instant, je ne peux donc pas {action, select, search {chercher de films} other {trouver ce film}}. Réessaie dans une minute.",
  'import.busy': 'Une de tes importations est encore en cours. Attends son récapitulatif, puis réessaie.',
  'import.nothing_to_undo': "Il n'y a aucune importation à annuler.",
  'import.undo_running': 'Ton importation est encore en cours ; annule-la une fois terminée.',
  'upload.not_csv_zip': "{name} n'est ni un CSV ni un ZIP. Envoie le fichier tel que Letterboxd ou IMDb te l'a donné.",
  'upload.not_utf8':
    "{name} n'est pas du texte UTF-8. Si tu l'as ouvert dans un tableur, réenregistre-le en « CSV UTF-8 », ou envoie l'export d'origine.",
  'upload.zip_too_many':
    'Ce ZIP contient plus de {max, number} fichiers ; un export Letterboxd en compte une vingtaine.',
  'upload.zip_entry_too_big':
    "{name} dans ce ZIP dépasse {mb, number} Mo une fois décompressé ; ce n'est pas un export Letterboxd.",
  'upload.zip_compression':
    "{name} dans ce ZIP utilise une compression que je ne sais pas lire. Envoie le ZIP tel que Letterboxd l'a créé.",
  'upload.zip_damaged': "Ce ZIP est endommagé. Télécharge de nouveau l'export et envoie-le tel quel.",
  'upload.zip_too_big':
    'Ce ZIP dépasse {mb, number} Mo une fois décompressé ; un export Letterboxd est bien plus petit.',
  'upload.csv_broken': "{name} n'est pas un CSV lisible (un guillemet n'est jamais fermé, ou les lignes sont abîmées).",
  'upload.empty': '{name} est vide.',
  'upload.too_big': '{name} fait {mb, number} Mo ; les importations sont limitées à {max, number} Mo.',
  'upload.zip_no_files':
    'Ce ZIP ne contient aucun des fichiers Letterboxd ratings.csv, diary.csv, watched.csv ou watchlist.csv.',
  'upload.zip_unreadable': "{name} n'est pas un ZIP lisible. Télécharge de nouveau l'export et envoie-le tel quel.",
  'upload.list_ambiguous':
    "{file} ressemble à une liste Letterboxd, mais je ne sais pas s'il s'agit de films vus ou à voir : nomme-le watched.csv ou watchlist.csv.",
  'upload.expected':
    'Envoie un export Letterboxd (le ZIP, ou ratings.csv, diary.csv, watched.csv ou watchlist.csv) ou un CSV IMDb de notes ou de liste à voir.',
  'upload.unknown_columns':
    'Je ne reconnais pas les colonnes de {file} ({shown}). Envoie un export Letterboxd (le ZIP, ou ratings.csv, diary.csv, watched.csv ou watchlist.csv) ou un CSV IMDb de notes ou de liste à voir.',
  'upload.wrong_source':
    '{file} ressemble à un export {found, select, imdb {IMDb} other {Letterboxd}}, pas {chosen, select, imdb {IMDb} other {Letterboxd}}. Choisis la source « auto », ou la bonne.',
  'upload.too_many_rows':
    "Cette importation compte plus de {max, number} lignes ; Marquee en prend au plus {max, number} à la fois. Découpe le fichier et importe les morceaux l'un après l'autre.",
  'upload.no_films': '{name} ne contient aucun film.',
  'night.bad_time':
    "Je n'arrive pas à lire « {input} » comme une heure. Essaie 20:30, demain 20:30 ou 2026-12-05 20:30 ({timeZone}).",
  'night.gone': "Cette soirée ciné n'existe plus.",
  'night.bad_candidates': 'Choisis entre {min} et {max} films candidats.',
  'night.time_passed': 'Cette heure est déjà passée. Choisis un moment à venir.',
  'night.bad_join_minutes': 'Les inscriptions peuvent rester ouvertes entre 1 minute et 24 heures.',
  'night.bad_poll_hours': 'Un sondage dure entre 1 et {max} heures.',
  'night.bad_max_runtime': 'Avec une durée maximale de moins de 30 minutes, il ne reste aucun film.',
  'night.already_planned':
    "Une soirée ciné est déjà en préparation sur ce serveur. Termine-la d'abord avec /soirée-ciné clore ou /soirée-ciné annuler.",
  'night.joining_closed': 'Les inscriptions à cette soirée ciné sont closes.',
  'night.members_only': 'Seuls les membres de ce serveur peuvent participer.',
  'night.not_in': 'Tu ne participais pas à cette soirée ciné.',
  'night.over': 'Cette soirée ciné est terminée.',
  'night.already_over': 'Cette soirée ciné est déjà terminée.',
  'night.no_film_yet': "Cette soirée ciné n'a pas encore de film à noter.",
  'night.attendees_only': 'Seules les personnes présentes à cette soirée ciné peuvent la noter ici.',
};
