// Spanish (Spain). "Tú", as Discord's Spanish interface addresses people.
// Words we always translate the same way: docs/i18n-glossary.md. Command names in the text are this locale's
// (src/i18n/commands.ts).
import type { Messages } from './index.ts';

export const esES: Messages = {
  'failure.option_missing':
    'No me ha llegado un valor válido para `{option}`. Rellénalo (o elige una sugerencia) y vuelve a intentarlo.',
  'failure.options_incomplete':
    'Ese comando ha llegado sin todas sus opciones. Vuelve a lanzarlo desde la lista de comandos de Discord.',
  'failure.database_unavailable':
    'Ahora mismo no puedo acceder a mi base de datos; puede que se esté reiniciando. Inténtalo de nuevo en un momento.',
  'failure.bug': 'Algo ha fallado por mi parte, lo siento. Si vuelve a pasar, menciona el ID de error `{errorId}`.',
  'failure.restarting': 'Me estoy reiniciando ahora mismo. Inténtalo de nuevo en un momento.',
  'failure.unknown_command': 'Ya no conozco ese comando. Puede que le hayan cambiado el nombre.',
  'failure.too_slow':
    'Lo siento, esto está tardando mucho más de lo normal por mi parte. Inténtalo de nuevo en un momento.',
  'card.tmdb_score': 'TMDB {score}/10',
  'card.no_details': 'Aún sin detalles',
  'card.director': '{count, plural, one {Dirección} other {Dirección}}',
  'card.cast': 'Reparto',
  'card.you': 'Tú',
  'card.you_rated': 'valorada con {stars}',
  'card.you_not_rated': 'sin valorar',
  'card.you_watched': 'vista el {date}',
  'card.you_on_watchlist': 'en tu lista de pendientes',
  'card.mark_watched': 'Marcar como vista',
  'card.watchlist_add': 'Pendientes',
  'card.watchlist_remove': 'Quitar de pendientes',
  'search.results': 'Resultados para «{query}»:',
  'search.none': 'No he encontrado películas para «{query}». Revisa cómo está escrito o prueba con menos palabras.',
  'search.none_any_year':
    'No he encontrado películas para «{query}» ni de {year} ni de ningún otro año. Revisa cómo está escrito o prueba con menos palabras.',
  'search.other_years':
    'Nada de {year} coincide con «{query}», pero sí de otros años: {examples}. Prueba con otro año o quítalo.',
  'search.watched_button': 'Vista',
  'rating.not_rated': 'sin valorar',
  'rating.changed':
    '⭐ **{title}** {verb, select, new {valorada} same {sin cambios} other {valoración cambiada}}: {before} → {after}',
  'rating.remove_button': 'Quitar valoración',
  'rating.nothing_to_remove': 'No habías valorado **{title}**, así que no había nada que quitar.',
  'rating.removed': '🗑️ He quitado tu valoración de **{title}** (era {stars}).',
  'watched.logged': '👁️ He apuntado **{title}** como vista el {date}.',
  'watched.again': '👁️ ¡Otra vez **{title}**! Ya van {viewings, plural, other {# veces}} (la última, el {date}).',
  'watched.rating_line': '⭐ {before} → {after}',
  'watched.removed': '🗑️ He quitado **{title}** de tu diario.',
  'watched.not_in_log': '**{title}** no estaba en tu diario.',
  'watched.list_title_self': 'Tu diario de películas',
  'watched.list_title_other': 'Diario de películas de {name}',
  'watched.list_empty_self': 'Tu diario está vacío. Añade una película con `/vistas añadir`.',
  'watched.list_empty_other': '{name} aún no ha apuntado ninguna película.',
  'list.footer': 'Página {page} de {pages} · {total, plural, one {# película} other {# películas}}',
  'list.previous': 'Anterior',
  'list.next': 'Siguiente',
  'feedback.seen_button': 'Ya la he visto',
  'feedback.not_interested_button': 'No me interesa',
  'feedback.up_on': '👍 Apuntado: más como **{title}**.',
  'feedback.up_off': 'He quitado tu 👍 a **{title}**.',
  'feedback.down_on': '👎 Apuntado: menos como **{title}**.',
  'feedback.down_off': 'He quitado tu 👎 a **{title}**.',
  'feedback.seen_on': '👁️ Entendido, ya has visto **{title}**.',
  'feedback.seen_off': 'Vale, no has visto **{title}**.',
  'feedback.not_interested_on': '🙈 No te volveré a sugerir **{title}**.',
  'feedback.not_interested_off': 'Puede que vuelva a sugerirte **{title}**.',
  'feedback.undo_hint': '(Vuelve a pulsar para deshacerlo.)',
  'feedback.rate_prompt': '¿Qué tal estuvo? Valórala con un clic:',
  'picks.intro': 'Elegidas para ti:',
  'picks.none':
    'No he encontrado nada nuevo que encaje. Prueba con menos filtros o valora unas cuantas películas más para que aprenda tus gustos.',
  'onboarding.meh': 'Regular',
  'onboarding.liked': 'Me gustó',
  'onboarding.loved': 'Me encantó',
  'onboarding.show_picks': 'Ver mis recomendaciones',
  'onboarding.welcome':
    '👋 ¡Hola! Todavía no conozco tus gustos. Dime qué te parecieron algunas películas que hayas visto (sáltate el resto) y luego pulsa **{show}**.',
  'onboarding.progress':
    'Gracias: {done, plural, one {# valorada} other {# valoradas}}. Valora un par más para afinar las recomendaciones o pulsa **{show}**.',
  'watchlist.added': '🔖 He añadido **{title}** a tu lista de pendientes.',
  'watchlist.undo_hint': '(Vuelve a pulsar 🔖 para deshacerlo.)',
  'watchlist.already': '🔖 **{title}** ya está en tu lista de pendientes.',
  'watchlist.removed': 'He quitado **{title}** de tu lista de pendientes.',
  'watchlist.not_on': '**{title}** no estaba en tu lista de pendientes.',
  'watchlist.empty_self':
    'Tu lista de pendientes está vacía. Añade una película con `/pendientes añadir` o con 🔖 en cualquier ficha o recomendación.',
  'watchlist.empty_other': 'La lista de pendientes de {name} está vacía.',
  'watchlist.line': '{film} · añadida el {date}',
  'watchlist.title_self': '🔖 Tu lista de pendientes',
  'watchlist.title_other': '🔖 Lista de pendientes de {name}',
  'dm.paused_notice':
    '📭 Por cierto: dos semanas seguidas no he podido enviarte por MD tus recomendaciones semanales (Discord dice que tienes los MD cerrados para mí), así que las he pausado en vez de seguir intentándolo. Para volver a recibirlas, permite los mensajes directos de los miembros de este servidor (Ajustes de privacidad) y luego usa `/ajustes md sí`.',
  'help.title': '🎬 Marquee: películas elegidas para ti y tus amigos',
  'help.search': '`/buscar consulta [año]`: encuentra una película; ábrela para valorarla o marcarla como vista',
  'help.rate':
    '`/valorar película estrellas`: de 0,5 a 5 estrellas, de media en media (muestra antes → ahora; un botón la quita)',
  'help.watched_add':
    '`/vistas añadir película [fecha] [estrellas]`: apunta una película que hayas visto (fecha como 2024-05-31, «hoy», «ayer»)',
  'help.watched_list': '`/vistas lista [persona]`: tu diario (o el de un amigo), página a página',
  'help.watched_remove': '`/vistas quitar película`: quita una película de tu diario',
  'help.similar':
    '`/similares película`: películas parecidas a la que digas, cada una con su porqué (👍 y 🔖 en cada una)',
  'help.compare':
    '`/comparar persona`: tu afinidad con un amigo, en qué coincidís y en qué no, y una película para los dos',
  'help.watchlist':
    '`/pendientes añadir|lista|quitar`: películas que quieres ver (🔖 en cualquier ficha o recomendación añade una; valorarla o apuntarla como vista la quita)',
  'help.recommend':
    '`/recomendar [cantidad] [género] [desde] [hasta] [duración-máx] [disponible:en mis servicios]`: recomendaciones con su porqué y dónde verlas en streaming (`disponible:en mis servicios`: solo lo que está en tus servicios); 👍 👎 Ya la he visto / No me interesa me enseñan tus gustos',
  'help.movienight':
    '`/noche-de-cine empezar|cerrar|reprogramar|cancelar|historial`: películas para el grupo esta noche, una encuesta para decidir y un evento en el servidor',
  'help.stats': '`/estadísticas [persona] [servidor]`: tus gustos (o los del servidor) en una imagen',
  'help.import':
    '`/importar archivo [origen] [deshacer]`: trae tus valoraciones, tu diario y tus pendientes de Letterboxd o IMDb',
  'help.privacy': '`/privacidad exportar|borrar`: todo lo que Marquee guarda sobre ti, en un ZIP por MD, o borrado',
  'help.settings':
    '`/ajustes md sí|no`, `/ajustes región`, `/ajustes servicios`, `/ajustes perfil`, `/ajustes idioma`, `/ajustes ver`: recomendaciones semanales por MD (si quieres), tu país y tus servicios de streaming (para saber dónde verlas), quién ve tu diario y en qué idioma te respondo',
  'help.config':
    '`/configurar canal|horario|idioma|activar|desactivar|ver`: recomendaciones semanales para este servidor y el idioma de sus mensajes públicos (Gestionar servidor)',
  'help.help': '`/ayuda`: este mensaje',
  'help.tip':
    'Empieza a escribir un título en cualquier opción `película` y elige entre las sugerencias. Los comandos personales también funcionan por MD.',
  'help.tmdb_notice': 'Este producto usa la API de TMDB, pero TMDB no lo respalda ni lo certifica.',
  'reason.close_to_taste': 'Muy de tu estilo',
  'reason.close_to_rated': 'Parecida a {title}, que valoraste con {stars}',
  'reason.because': 'Porque {verb, select, loved {te encantó} liked {te gustó} other {viste}} {titles}',
  'reason.in_the_vein':
    'En la línea de {titles}, que {verb, select, loved {te encantó} liked {te gustó} other {viste}}',
  'reason.a_film_you_rated': 'una película que valoraste',
  'reason.shared_director': 'De {name}, que dirigió {title}',
  'reason.shared_collection': 'Forma parte de {name}, como {title}',
  'reason.shared_cast': 'Con {name}, como en {title}',
  'reason.shared_keywords': 'Comparte {keywords} con {title}',
  'reason.neighbours_watched':
    'La {people, plural, one {ha visto # persona} other {han visto # personas}} con tus gustos',
  'reason.neighbours_rated':
    '{people, plural, one {# persona} other {# personas}} con tus gustos le {people, plural, one {da} other {dan}} {stars}',
  'reason.friends_rated':
    '{names}, que {count, plural, one {comparte} other {comparten}} tus gustos, le {count, plural, one {dio} other {dieron}} {stars}',
  'reason.friends_watched':
    '{names}, que {count, plural, one {comparte} other {comparten}} tus gustos, la {count, plural, one {vio} other {vieron}}',
  'reason.friends_rated_others_watched':
    '{names}, que {count, plural, one {comparte} other {comparten}} tus gustos, le {count, plural, one {dio} other {dieron}} {stars}; {watchers} la vio',
  'reason.popular_here':
    'Popular aquí: {ratings, plural, one {# valoración} other {# valoraciones}} con una media de {stars}',
  'reason.highly_rated': 'Muy bien valorada: {score}/10 con {votes, plural, one {# voto} other {# votos}}',
  'reason.starter': 'Una película muy querida para empezar',
  'button.stale': 'No reconozco ese botón. Vuelve a usar el comando.',
  'button.label_only': 'Eso es solo una etiqueta: usa los botones de al lado.',
  'common.someone': 'Alguien',
  'watched.list_private': 'El diario de {name} es privado.',
  'privacy.export_sent':
    '📦 Te he enviado por MD un ZIP con todo lo que guardo sobre ti ({rows, plural, one {# fila} other {# filas}}). Incluye JSON, un CSV por tabla y tus valoraciones, tu diario y tus pendientes en el formato de Letterboxd, así que `/importar` puede volver a cargarlo.',
  'privacy.export_dm': '📦 Aquí tienes todo lo que Marquee guarda sobre ti. `/privacidad borrar` lo elimina todo.',
  'privacy.delete_confirm':
    '⚠️ Esto borra **todo** lo que Marquee guarda sobre ti: valoraciones, diario, pendientes, opiniones, las recomendaciones que se te mostraron, ajustes, importaciones y servidores. No se puede deshacer. ¿Quieres una copia antes? `/privacidad exportar`.',
  'privacy.export_dm_closed':
    'No he podido enviarte la exportación por MD. Permite los mensajes directos de los miembros de este servidor (o de las aplicaciones) y vuelve a intentarlo.',
  'privacy.delete_button': 'Borrarlo todo',
  'privacy.cancel_button': 'Cancelar',
  'privacy.deleted':
    '🗑️ Hecho. He borrado todo lo que guardaba sobre ti ({rows, plural, one {# fila} other {# filas}}). Si vuelves a usar Marquee, empezará de cero.',
  'privacy.delete_cancelled': 'No se ha borrado nada.',
  'privacy.export_readme':
    'Todo lo que Marquee guarda sobre el usuario {user}, exportado el {date}.\nmarquee.json tiene cada fila de cada tabla que se refiere a ti; tables/*.csv son las mismas filas en CSV.\nratings.csv, diary.csv y watchlist.csv usan el formato de Letterboxd (más una columna con el ID de TMDB): usa `/importar archivo:` con este ZIP para recuperar los datos.\nLos nombres de las columnas siguen en inglés para que Letterboxd y `/importar` puedan leer los archivos.\n',
  'import.note_no_title': 'sin título',
  'import.note_no_film': 'ninguna película con ese título',
  'import.note_closest': 'la más parecida: {film}, con un {sure, number, percent} de seguridad',
  'import.note_could_be': 'podría ser {first} o {second}{addYear, select, yes { (añade el año)} other {}}',
  'import.note_tmdb_off': 'TMDB no está configurado',
  'import.note_no_imdb': 'TMDB no tiene ninguna película con el ID de IMDb {id}',
  'import.note_bad_stars': 'la nota «{raw}» no está entre 0,5 y 5 estrellas',
  'import.note_bad_imdb': 'la nota «{raw}» no está entre 1 y 10',
  'import.note_tv': 'una ficha de IMDb de tipo {type} (Marquee solo guarda películas)',
  'profile.visibility':
    '🔒 Perfil {changed, select, yes {cambiado a} other {en modo}} **{level, select, public {público} server {servidor} other {privado}}**: {meaning}.',
  'profile.public_means':
    'cualquiera puede ver tu diario y tus valoraciones y compararse contigo, y las recomendaciones pueden mencionar tu nombre',
  'profile.server_means':
    'quienes compartan servidor contigo pueden ver tu diario, compararse contigo y ver tu nombre en los porqués',
  'profile.private_means': 'solo tú ves tu diario; nadie puede compararse contigo y los porqués nunca te nombran',
  'compare.verdict_too_few': 'demasiadas pocas películas en común para decir mucho aún',
  'compare.verdict_kindred': 'almas gemelas',
  'compare.verdict_a_lot': 'mucho en común',
  'compare.verdict_some': 'algo en común',
  'compare.verdict_opposites': '¿los polos opuestos se atraen?',
  'compare.line': '{film}: tú {mine}, {name} {theirs}',
  'compare.agree': 'Coincidís en',
  'compare.disagree': 'No coincidís en',
  'compare.together': '🍿 Para ver juntos',
  'compare.together_line': '{film}: os puede gustar a los dos, y ninguno la ha visto',
  'compare.title': '🎭 Tú y {name}: {match, number, percent} de afinidad',
  'compare.none_in_common':
    'Todavía no habéis valorado ninguna película en común, así que esto es una estimación neutra. ¡Valorad unas cuantas más!',
  'compare.common': '{common, plural, one {# película valorada} other {# películas valoradas}} por los dos: {verdict}.',
  'compare.footer': 'La afinidad tiende al {half, number, percent} hasta que tengáis muchas películas en común.',
  'similar.fans_rated': 'Los fans de {seed} le dan {stars} ({fans, plural, one {# fan} other {# fans}})',
  'similar.same_director': 'Mismo director: {name}',
  'similar.same_collection': 'También en {name}',
  'similar.same_cast': 'También con {name}',
  'similar.shared_keywords': 'También trata de {keywords}',
  'similar.co_watched':
    '{people, plural, one {# persona que vio {seed} también la vio} other {# personas que vieron {seed} también la vieron}}',
  'similar.close_in_style': 'De estilo parecido: {genres}',
  'similar.close_to_seed': 'De estilo parecido a {seed}',
  'similar.none':
    'Todavía no tengo nada nuevo parecido a **{seed}** para ti; puede que ya las hayas visto todas. Prueba con `/recomendar`.',
  'similar.intro': 'Más como **{seed}**:',
  'weekly.dm_intro':
    '🎬 {count, plural, one {Tu recomendación} other {Tus # recomendaciones}} de esta semana. Dime qué te parecen con los botones: cada clic afina las de la semana que viene.',
  'weekly.dm_footer': 'Recibes esto porque activaste los MD semanales. /ajustes md no los desactiva.',
  'weekly.digest_title': '🍿 **Las recomendaciones de Marquee de esta semana** ({week})',
  'weekly.digest_footer':
    '¿Quieres cinco recomendaciones solo para ti por MD? `/ajustes md sí` (puedes desactivarlo cuando quieras).',
  'weekly.digest_empty':
    'Aquí nadie tiene aún recomendaciones semanales. Valora unas cuantas películas con /valorar y activa los MD con /ajustes md sí.',
  'weekly.digest_line': '**{film}**: recomendada a {members, plural, one {# miembro} other {# miembros}}',
  'night.reason_unseen': 'nadie la ha visto',
  'night.reason_fit':
    '{all, select, yes {debería encantaros a los {n}} other {debería encantar a {n} de {of}}}; nadie la ha visto',
  'night.reason_director':
    'A {count, plural, one {# de vosotros le encantó} other {# de vosotros les encantó}} {title}, del mismo director ({name})',
  'night.reason_director_named': 'A {who} le encantó {title}, del mismo director ({name})',
  'night.reason_cast':
    'A {count, plural, one {# de vosotros le encantó} other {# de vosotros les encantó}} {name} en {title}',
  'night.reason_cast_named': 'A {who} le encantó {name} en {title}',
  'night.in_button': 'Me apunto',
  'night.out_button': 'Me borro',
  'night.join_title': '🎬 **Noche de cine** {when}',
  'night.join_in': 'Apuntados ({count}): {people}',
  'night.join_nobody': 'nadie todavía',
  'night.join_open':
    'Pulsa **{in}** para unirte (o **{out}** para salir): elegiré {films} películas que ninguno haya visto y abriré una encuesta {when}.',
  'night.join_closed': 'Ya no se admiten más apuntados.',
  'night.shortlist_title': 'La selección: ninguno de vosotros ha visto estas',
  'night.poll_footer': 'Votad en la encuesta de abajo. Si hay empate, gana la película que mejor encaje con el grupo.',
  'night.poll_content': '🗳️ Noche de cine {when}: ¡votad la película!',
  'night.poll_question': '¿Qué vemos el {date}?',
  'night.no_votes': 'Nadie ha votado, así que he elegido la que mejor encaja con el grupo.',
  'night.votes': '{votes, plural, one {# voto} other {# votos}}.',
  'night.winner': '🏆 Noche de cine {when}: ¡**{film}**! {how}',
  'night.watched_button': 'La he visto',
  'night.everyone_who_watched': 'Todos los que la visteis',
  'night.rate_prompt':
    '⭐ {who}: ¿qué tal **{film}**? Pulsad vuestras estrellas (van a vuestras valoraciones y a vuestro diario). ¿No estáis en la lista? Pulsad antes **{button}**.',
  'night.rated': '⭐ Le das {stars} a {title}. Puntuación del grupo por ahora: {group}.',
  'night.history_empty': 'Todavía no ha habido ninguna noche de cine aquí. Empieza una con /noche-de-cine empezar.',
  'night.history_not_rated': 'sin valorar aún',
  'night.history_score': '{stars} de {ratings, plural, one {# valoración} other {# valoraciones}}',
  'night.history_line': '**{title}** · {when} · {attended, plural, one {# asistente} other {# asistentes}} · {score}',
  'night.history_title': 'Noches de cine anteriores',
  'night.unavailable': 'Las noches de cine no están disponibles ahora mismo.',
  'night.attended': '👁️ Apuntado: estuviste allí. Ahora pulsa tus estrellas arriba.',
  'night.not_yet': 'Esta noche de cine todavía no ha tenido lugar.',
  'night.event_name': 'Noche de cine: {title}',
  'night.event_description': '{film}. Elegida por la encuesta del grupo.',
  'night.event_location_tba': 'Por confirmar',
  'night.event_no_permission':
    '📅 No he podido añadir la sesión a los eventos del servidor: necesito el permiso Gestionar eventos.',
  'night.event_failed': '📅 No he podido añadir la sesión a los eventos del servidor (Discord respondió {status}).',
  'night.off_not_enough':
    '🎬 Se cancela la noche de cine: no he encontrado suficientes películas que ninguno haya visto.',
  'stream.credit': 'Datos de streaming: JustWatch.',
  'stream.more': '{names} y {n, plural, one {# más} other {# más}}',
  'stream.yours': '{name} (tuyo)',
  'stream.stream_on': 'En streaming en {names}',
  'stream.free_on': 'Gratis en {names}',
  'stream.rent_on': 'En alquiler en {names}',
  'stream.buy_on': 'A la venta en {names}',
  'stream.field_title': 'Dónde verla ({region})',
  'stream.field_title_no_region': 'Dónde verla',
  'stream.field_no_region': 'Indica tu país con `/ajustes región` para ver dónde verla.',
  'stream.field_nothing': 'Que yo sepa, en {region} no está en streaming, ni en alquiler ni a la venta.',
  'stream.reminder': '🔖 De tu lista de pendientes: **{film}** ya está en streaming en {services} ({region}).',
  'stream.needs_region':
    '🌍 Para elegir entre tus servicios de streaming necesito primero tu país: `/ajustes región código:ES` (el código de dos letras) y luego `/ajustes servicios`.',
  'stream.needs_services':
    '📺 Aún no me has dicho tus servicios de streaming en {region}. Elígelos con `/ajustes servicios` y vuelve a preguntar.',
  'stream.nothing_on_services':
    '📺 Ahora mismo no hay nada nuevo para ti en {services}. Prueba con menos filtros, elige más servicios con `/ajustes servicios` o pregunta sin `disponible`.',
  'stream.unavailable': 'Dónde verla no está disponible ahora mismo. Inténtalo más tarde.',
  'stream.services_unreachable':
    'La base de datos de películas no responde ahora mismo, así que no puedo listar los servicios de streaming. Inténtalo de nuevo en un minuto.',
  'stream.not_offered': 'Ese servicio no estaba entre los que ofrecí. Elige de nuevo.',
  'services.needs_region':
    'Los servicios de streaming cambian de un país a otro, así que necesito primero el tuyo: `/ajustes región código:ES` (el código de dos letras) y luego otra vez `/ajustes servicios`.',
  'services.none_listed': 'TMDB aún no lista servicios de streaming para {region}, así que no hay nada que elegir.',
  'services.saved': '✅ Guardado.',
  'services.ask': '📺 ¿Qué servicios de streaming tienes en {region}? Márcalos abajo (desmarca para quitar).',
  'services.yours': 'Los tuyos: {services}.',
  'services.yours_none': 'Aún no has elegido ninguno.',
  'services.explain':
    'Las películas que están en ellos salen primero en «dónde verla» en fichas y sugerencias, `/recomendar disponible:en mis servicios` se limita a ellos y tu MD semanal te avisa cuando una película de tu lista de pendientes llega a uno.',
  'services.page': 'Servicios {from}–{to} de {total}, los más usados primero: ◀ ▶ para los demás.',
  'services.placeholder': 'Tus servicios en {region}',
  'services.previous': 'Anterior',
  'services.next': 'Siguiente',
  'button.forged': 'No reconozco ese botón. Vuelve a usar el comando para tener botones nuevos.',
  'button.expired': 'Esos botones han caducado. Vuelve a usar el comando para tener otros nuevos.',
  'button.not_yours': 'Esos botones son de {owner}. Usa tú el comando para tener los tuyos.',
  'attachment.too_big': '{name} ocupa {size} MB; las importaciones tienen un límite de {limit} MB.',
  'attachment.over_limit': '{name} supera los {limit} MB; las importaciones tienen un límite de {limit} MB.',
  'attachment.unreadable': 'No he podido leer ese archivo adjunto.',
  'attachment.download_failed': 'No he podido descargar ese archivo adjunto. Vuelve a adjuntarlo.',
  'limit.wait': '¡Con calma! Podrás volver a usar /{command} dentro de {seconds} s.',
  'movie.which': '¿Qué película? Empieza a escribir un título y elige una.',
  'movie.not_found': 'No he encontrado ninguna película llamada «{title}». Prueba con /buscar.',
  'night.server_only': 'Las noches de cine son en un servidor, no por MD.',
  'night.none_planned': 'No hay ninguna noche de cine prevista aquí. Empieza una con /noche-de-cine empezar.',
  'night.host_only': 'Solo {host} (quien la organiza) o alguien con permiso para gestionar eventos puede hacer eso.',
  'night.poll_not_open': 'La encuesta aún no se ha abierto: la gente todavía se está apuntando.',
  'night.poll_closed': 'La encuesta ya está cerrada.',
  'night.poll_closed_now': '🗳️ Encuesta cerrada. La ganadora está anunciada arriba.',
  'night.moved': '📅 Noche de cine movida al {when}.',
  'night.cancelled': '🚫 Noche de cine cancelada.',
  'recommend.years_swapped': 'desde ({from}) es posterior a hasta ({to}). ¿Los intercambio?',
  'search.empty': '¿Qué busco? Escribe parte de un título.',
  'similar.unknown_seed': 'Todavía no sé lo suficiente de **{title}** para encontrar películas parecidas.',
  'stats.server_only': 'Las estadísticas del servidor solo funcionan en un servidor.',
  'stats.private': 'El perfil de esa persona es privado, así que no puedo mostrar sus estadísticas.',
  'settings.dms_on':
    '📬 ¡Hecho! Una vez por semana, cuando un servidor que compartimos envíe sus recomendaciones, te mandaré por MD cinco películas elegidas para ti, cada una con su porqué y los botones 👍 / 👎 / Ya la he visto / No me interesa; cada clic mejora las siguientes. Nada más, sin anuncios. `/ajustes md no` lo desactiva cuando quieras.',
  'settings.dms_already_on': 'Los MD semanales ya están activados. `/ajustes md no` los desactiva.',
  'settings.dms_off':
    'Hecho: no más MD semanales. Tus valoraciones se quedan y `/recomendar` funciona como siempre. ¿Has cambiado de idea? `/ajustes md sí`.',
  'settings.region_set': '🌍 Región establecida: **{region}**.',
  'settings.region_cleared': '🌍 Región borrada.',
  'settings.show':
    'MD semanales: **{dms, select, on {sí} other {no}}**\nRegión: **{region}**\nServicios de streaming: **{services}**\nPerfil: **{profile, select, public {público} server {servidor} other {privado}}**\nIdioma: **{language}**',
  'settings.not_set': 'sin definir',
  'settings.no_services': 'ninguno',
  'import.queued':
    '📥 Importando **{file}** ({source}, {rows, plural, one {# fila} other {# filas}}). Iré actualizando este mensaje; mientras tanto puedes seguir usando Marquee.',
  'import.progress': '📥 Importando **{file}** ({source}): {done} / {total} consultadas, {matched} encontradas…',
  'import.failed': '⚠️ La importación de **{file}** se ha detenido: {reason} No se ha cambiado nada.',
  'import.failure_tmdb': 'la base de datos de películas no ha respondido en mucho tiempo. Inténtalo más tarde.',
  'import.unknown_failure': 'algo ha fallado.',
  'import.done':
    '✅ **{file}** importado ({source}): {matched} de {total, plural, one {# fila} other {# filas}} reconocidas.',
  'import.ratings_added': '{n, plural, one {# valoración añadida} other {# valoraciones añadidas}}',
  'import.ratings_updated': '{n, plural, one {# valoración actualizada} other {# valoraciones actualizadas}}',
  'import.watched_added': '{n, plural, one {# película apuntada como vista} other {# películas apuntadas como vistas}}',
  'import.watched_updated':
    '{n, plural, one {# fecha o revisionado actualizado} other {# fechas o revisionados actualizados}}',
  'import.watchlist_added': '{n, plural, one {# añadida} other {# añadidas}} a tu lista de pendientes',
  'import.nothing_new': 'Nada nuevo: todo lo de este archivo ya estaba aquí.',
  'import.watchlist_skipped':
    '{n, plural, one {# película de la lista de pendientes se reconoció} other {# películas de la lista de pendientes se reconocieron}}, pero no se añadieron (aún no hay lista de pendientes).',
  'import.unmatched':
    '{n, plural, one {# fila no se ha importado} other {# filas no se han importado}} (no encontradas, ambiguas o no eran películas){report, select, yes {: están en el CSV adjunto, con el motivo y mi mejor suposición} other {}}.',
  'import.undo_hint':
    '¿Has cambiado de idea? `/importar deshacer:true` quita exactamente lo que añadió esta importación.',
  'import.undo_kept': 'He mantenido {n} que cambiaste tú después.',
  'import.undone':
    '↩️ He deshecho la importación de **{file}**: {n, plural, one {# cambio revertido} other {# cambios revertidos}}.',
  'import.help':
    'Adjunta tu exportación: `/importar archivo:` con el ZIP de Letterboxd (Settings → Import & Export → Export your data) o uno de sus CSV, o un CSV de valoraciones o de watchlist de IMDb. `/importar deshacer:true` deshace tu última importación.',
  'stats.not_enough': 'Aún no hay suficientes valoraciones',
  'stats.personal_title':
    '{name}: {ratings, plural, one {# valoración} other {# valoraciones}}, {watched, plural, one {# película vista} other {# películas vistas}}',
  'stats.ratings': 'Valoraciones',
  'stats.top_genres': 'Géneros favoritos (tú y el servidor)',
  'stats.by_decade': 'Películas por década',
  'stats.top_directors': 'Los directores que mejor valoras',
  'stats.server_title': '{name}: {members, plural, one {# miembro} other {# miembros}}',
  'stats.most_watched': 'Las más vistas',
  'stats.most_loved': 'Las más queridas',
  'stats.most_divisive': 'Las que más dividen (dispersión de estrellas)',
  'stats.server_note': 'Valoraciones de los miembros de este servidor.',
  'stats.server_rules': 'Queridas: al menos 2 valoraciones. Que dividen: al menos 3.',
  'stats.this_server': 'Este servidor',
  'stats.server_embed': 'Estadísticas del servidor',
  'stats.personal_embed': 'Estadísticas de gustos',
  'settings.language_set': '🌐 A partir de ahora te responderé en **{language}**, aquí y por MD.',
  'settings.language_follow': '🌐 Te responderé en el idioma que tengas configurado en Discord.',
  'settings.language_discord': 'el de tu Discord',
  'rating.invalid_stars':
    'Las valoraciones van de {min} a {max} estrellas, de media en media (como 3 o 3,5); {given} no es una de ellas.',
  'movie.unknown': 'No he encontrado esa película. Prueba a elegirla de la lista.',
  'rating.duplicate': 'Ya has valorado {title}. Usa /valorar para cambiarlo.',
  'watched.bad_date': 'Las fechas son como 2024-05-31 (año-mes-día), o «hoy»/«ayer».',
  'watched.future_date': 'Esa fecha es futura; apunta las películas cuando las hayas visto.',
  'watched.before_cinema': 'Esa fecha es anterior a la invención del cine. ¿Una errata?',
  'watched.not_out_yet': '**{title}** se estrena el {release}, así que aún no puede estar en tu diario.',
  'watched.before_release': '**{title}** se estrenó el {release}; verla el {date} no puede ser. ¿Revisas la fecha?',
  'compare.self': 'Compararte contigo mismo da una afinidad perfecta. ¡Elige a un amigo!',
  'compare.not_possible': 'No puedo compararte con esa persona.',
  'compare.not_visible': 'Los gustos de esa persona no son visibles para ti aquí.',
  'profile.invalid': 'Los perfiles son público, servidor o privado.',
  'config.schedule':
    'los {day, select, sun {domingos} mon {lunes} tue {martes} wed {miércoles} thu {jueves} fri {viernes} other {sábados}} a las {time} ({timezone})',
  'config.summary':
    'Recomendaciones semanales: **{enabled, select, yes {activadas} other {desactivadas}}**\nCanal de recomendaciones: {channel}\nHorario: {schedule}\nIdioma de las publicaciones: {language}',
  'config.channel_not_set': 'sin definir (quien se haya apuntado sigue recibiendo MD)',
  'config.language_discord': 'el idioma de Discord del servidor',
  'config.next_run': 'Próximo envío: {when}',
  'config.title': 'Ajustes de las recomendaciones semanales:',
  'config.digest_problem':
    '⚠️ No he podido publicar el resumen de {week} en <#{channelId}> ({error}). Revisa mis permisos allí o elige otro canal con `/configurar canal`.',
  'config.channel_set': '✅ Las recomendaciones semanales se publicarán en <#{channelId}>.',
  'config.schedule_set': '✅ Las recomendaciones semanales salen {schedule}.',
  'config.language_set':
    '✅ El resumen y las publicaciones de la noche de cine irán aquí en **{language}**. Las respuestas personales siguen el idioma de cada persona.',
  'config.language_follow':
    '✅ El resumen y las publicaciones de la noche de cine seguirán aquí el idioma de Discord del servidor.',
  'config.enabled':
    '✅ Las recomendaciones semanales están activadas. Los MD son voluntarios: cada miembro recibe las suyas tras `/ajustes md activar`.',
  'config.disabled':
    '⏸️ Las recomendaciones semanales están desactivadas. Nada más cambia; `/configurar activar` las vuelve a activar.',
  'config.server_only': '/configurar funciona en un servidor, no en MD.',
  'config.not_installed':
    'Marquee no está instalado en este servidor, solo en tu cuenta, así que aquí no hay nada que configurar. Un admin del servidor puede añadir Marquee para tener recomendaciones semanales.',
  'config.manage_server': 'Solo quien tenga el permiso **Gestionar servidor** puede cambiar esto.',
  'config.channel_unknown': 'No encuentro ese canal en este servidor. Elige uno de sus canales de texto.',
  'config.channel_not_text': '<#{channelId}> no es un canal de texto. Elige un canal de texto o de anuncios.',
  'config.channel_unchecked':
    'No he podido comprobar mis permisos en <#{channelId}>. Usa el comando en ese canal o vuelve a intentarlo en un momento.',
  'config.channel_missing':
    'No puedo publicar las recomendaciones semanales en <#{channelId}>: me falta **{missing}** allí. Dale esos permisos a Marquee en los ajustes del canal (o elige otro canal) y vuelve a intentarlo.',
  'config.bad_day': 'El día tiene que ser de domingo a sábado.',
  'config.bad_time': 'La hora va en formato de 24 horas HH:MM, como 18:00 o 09:30.',
  'config.bad_timezone': 'No conozco la zona horaria «{zone}». Usa un nombre como Europe/Madrid o America/New_York.',
  'config.bad_channel': 'En ese canal no puedo publicar.',
  'user.bad_id': 'Eso no es un ID de usuario de Discord válido.',
  'settings.unknown_language': 'Todavía no hablo «{code}». Elige uno de estos: {languages}.',
  'settings.region_format': 'Una región es un código de país de dos letras, como ES, MX o AR.',
  'settings.region_unknown':
    '{region} no es un código de país ISO 3166-1.{uk, select, yes { Para el Reino Unido es GB.} other {}} Usa dos letras como ES, MX o AR.',
  'tmdb.unavailable':
    'La base de datos de películas no responde ahora mismo, así que no puedo {action, select, search {buscar películas} other {consultar esa película}}. Inténtalo de nuevo en un minuto.',
  'import.busy': 'Todavía hay una importación tuya en marcha. Espera a su resumen y vuelve a intentarlo.',
  'import.nothing_to_undo': 'No hay ninguna importación que deshacer.',
  'import.undo_running': 'Tu importación sigue en marcha; deshazla cuando termine.',
  'upload.not_csv_zip': '{name} no es ni un CSV ni un ZIP. Sube el archivo tal como te lo dio Letterboxd o IMDb.',
  'upload.not_utf8':
    '{name} no es texto UTF-8. Si lo abriste en una hoja de cálculo, vuelve a guardarlo como «CSV UTF-8» o sube la exportación original.',
  'upload.zip_too_many': 'Ese ZIP tiene más de {max, number} archivos; una exportación de Letterboxd tiene unos 20.',
  'upload.zip_entry_too_big':
    '{name} dentro de ese ZIP ocupa más de {mb, number} MB al descomprimirlo; eso no es una exportación de Letterboxd.',
  'upload.zip_compression':
    '{name} dentro de ese ZIP usa una compresión que no sé leer. Sube el ZIP tal como lo generó Letterboxd.',
  'upload.zip_damaged': 'Ese ZIP está dañado. Descarga otra vez la exportación y súbela tal cual.',
  'upload.zip_too_big':
    'Ese ZIP ocupa más de {mb, number} MB al descomprimirlo; una exportación de Letterboxd es mucho más pequeña.',
  'upload.csv_broken': '{name} no es un CSV legible (hay comillas sin cerrar o las filas están rotas).',
  'upload.empty': '{name} está vacío.',
  'upload.too_big': '{name} ocupa {mb, number} MB; las importaciones tienen un límite de {max, number} MB.',
  'upload.zip_no_files':
    'Ese ZIP no tiene ninguno de los archivos de Letterboxd ratings.csv, diary.csv, watched.csv o watchlist.csv.',
  'upload.zip_unreadable': '{name} no es un ZIP legible. Descarga otra vez la exportación y súbela tal cual.',
  'upload.list_ambiguous':
    '{file} parece una lista de Letterboxd, pero no sé si son películas que has visto o que quieres ver: llámalo watched.csv o watchlist.csv.',
  'upload.expected':
    'Sube una exportación de Letterboxd (el ZIP, o ratings.csv, diary.csv, watched.csv o watchlist.csv) o un CSV de IMDb con valoraciones o lista de pendientes.',
  'upload.unknown_columns':
    'No reconozco las columnas de {file} ({shown}). Sube una exportación de Letterboxd (el ZIP, o ratings.csv, diary.csv, watched.csv o watchlist.csv) o un CSV de IMDb con valoraciones o lista de pendientes.',
  'upload.wrong_source':
    '{file} parece una exportación de {found, select, imdb {IMDb} other {Letterboxd}}, no de {chosen, select, imdb {IMDb} other {Letterboxd}}. Elige como origen «auto» o el correcto.',
  'upload.too_many_rows':
    'Esa importación tiene más de {max, number} filas; Marquee acepta como mucho {max, number} a la vez. Divide el archivo e importa las partes una tras otra.',
  'upload.no_films': '{name} no contiene ninguna película.',
  'night.bad_time':
    'No puedo leer «{input}» como una hora. Prueba con 20:30, mañana 20:30 o 2026-12-05 20:30 ({timeZone}).',
  'night.gone': 'Esa noche de cine ya no existe.',
  'night.bad_candidates': 'Elige entre {min} y {max} candidatas.',
  'night.time_passed': 'Esa hora ya ha pasado. Elige una hora futura.',
  'night.bad_join_minutes': 'La inscripción puede estar abierta entre 1 minuto y 24 horas.',
  'night.bad_poll_hours': 'Una encuesta dura entre 1 y {max} horas.',
  'night.bad_max_runtime': 'Con una duración máxima de menos de 30 minutos no queda ninguna película.',
  'night.already_planned':
    'Ya hay una noche de cine en preparación en este servidor. Termínala primero con /noche-de-cine cerrar o /noche-de-cine cancelar.',
  'night.joining_closed': 'La inscripción para esta noche de cine está cerrada.',
  'night.members_only': 'Solo pueden apuntarse los miembros de este servidor.',
  'night.not_in': 'No estabas apuntado a esta noche de cine.',
  'night.over': 'Esa noche de cine ya ha terminado.',
  'night.already_over': 'Esa noche de cine ya ha terminado.',
  'night.no_film_yet': 'Esta noche de cine todavía no tiene película que valorar.',
  'night.attendees_only': 'Solo quienes estuvieron en esta noche de cine pueden valorarla aquí.',
};
