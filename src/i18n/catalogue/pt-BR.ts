// Brazilian Portuguese. "Você", as Discord's Brazilian interface addresses people.
// Words we always translate the same way: docs/i18n-glossary.md. Command names in the text are this locale's
// (src/i18n/commands.ts).
import type { Messages } from './index.ts';

export const ptBR: Messages = {
  'failure.option_missing':
    'Não recebi um valor válido para `{option}`. Preencha o campo (ou escolha uma sugestão) e tente de novo.',
  'failure.options_incomplete':
    'Esse comando chegou sem todas as opções. Execute-o de novo pela lista de comandos do Discord.',
  'failure.database_unavailable':
    'Não consigo acessar meu banco de dados agora — ele pode estar reiniciando. Tente de novo daqui a pouco.',
  'failure.bug': 'Algo deu errado do meu lado, desculpe. Se continuar acontecendo, informe o ID de erro `{errorId}`.',
  'failure.restarting': 'Estou reiniciando agora. Tente de novo daqui a pouco.',
  'failure.unknown_command': 'Não conheço mais esse comando. Talvez ele tenha sido renomeado.',
  'failure.too_slow':
    'Desculpe, isso está demorando muito mais do que deveria do meu lado. Tente de novo daqui a pouco.',
  'card.tmdb_score': 'TMDB {score}/10',
  'card.no_details': 'Ainda sem detalhes',
  'card.director': '{count, plural, one {Direção} other {Direção}}',
  'card.cast': 'Elenco',
  'card.you': 'Você',
  'card.you_rated': 'avaliou com {stars}',
  'card.you_not_rated': 'sem avaliação',
  'card.you_watched': 'assistiu em {date}',
  'card.you_on_watchlist': 'na sua lista Quero ver',
  'card.mark_watched': 'Marcar como assistido',
  'card.watchlist_add': 'Quero ver',
  'card.watchlist_remove': 'Tirar do Quero ver',
  'search.results': 'Resultados para “{query}”:',
  'search.none': 'Nenhum filme encontrado para “{query}”. Confira a grafia ou tente com menos palavras.',
  'search.none_any_year':
    'Nenhum filme encontrado para “{query}” em {year} nem em outro ano. Confira a grafia ou tente com menos palavras.',
  'search.other_years':
    'Nada de {year} corresponde a “{query}”, mas de outros anos, sim: {examples}. Tente outro ano ou deixe o ano de fora.',
  'search.watched_button': 'Assistido',
  'rating.not_rated': 'sem avaliação',
  'rating.changed':
    '⭐ **{title}** {verb, select, new {avaliado} same {mantido} other {avaliação atualizada}}: {before} → {after}',
  'rating.remove_button': 'Remover avaliação',
  'rating.nothing_to_remove': 'Você não tinha avaliado **{title}**, então não havia nada para remover.',
  'rating.removed': '🗑️ Removi sua avaliação de **{title}** (era {stars}).',
  'watched.logged': '👁️ Registrei **{title}** como assistido em {date}.',
  'watched.again': '👁️ **{title}** de novo — já são {viewings, plural, other {# vezes}} (a última em {date}).',
  'watched.rating_line': '⭐ {before} → {after}',
  'watched.removed': '🗑️ Tirei **{title}** do seu diário.',
  'watched.not_in_log': '**{title}** não estava no seu diário.',
  'watched.list_title_self': 'Seu diário de filmes',
  'watched.list_title_other': 'Diário de filmes de {name}',
  'watched.list_empty_self': 'Seu diário está vazio. Adicione um filme com `/assistidos adicionar`.',
  'watched.list_empty_other': '{name} ainda não registrou nenhum filme.',
  'list.footer': 'Página {page} de {pages} · {total, plural, one {# filme} other {# filmes}}',
  'list.previous': 'Anterior',
  'list.next': 'Próxima',
  'feedback.seen_button': 'Já vi',
  'feedback.not_interested_button': 'Não tenho interesse',
  'feedback.up_on': '👍 Anotado: mais filmes como **{title}**.',
  'feedback.up_off': 'Tirei seu 👍 de **{title}**.',
  'feedback.down_on': '👎 Anotado: menos filmes como **{title}**.',
  'feedback.down_off': 'Tirei seu 👎 de **{title}**.',
  'feedback.seen_on': '👁️ Entendi, você já viu **{title}**.',
  'feedback.seen_off': 'Certo, você não viu **{title}**.',
  'feedback.not_interested_on': '🙈 Não vou mais indicar **{title}**.',
  'feedback.not_interested_off': 'Posso voltar a indicar **{title}**.',
  'feedback.undo_hint': '(Clique de novo para desfazer.)',
  'feedback.rate_prompt': 'O que achou? Avalie com um clique:',
  'picks.intro': 'Escolhidos para você:',
  'picks.none':
    'Não encontrei nada novo que combine. Tente com menos filtros ou avalie mais alguns filmes para eu aprender seu gosto.',
  'onboarding.meh': 'Mais ou menos',
  'onboarding.liked': 'Gostei',
  'onboarding.loved': 'Amei',
  'onboarding.show_picks': 'Ver minhas indicações',
  'onboarding.welcome':
    '👋 Boas-vindas! Ainda não conheço seu gosto. Toque no que achou de alguns filmes que você já viu (pule o resto) e depois em **{show}**.',
  'onboarding.progress':
    'Valeu — {done, plural, one {# avaliado} other {# avaliados}}. Avalie mais alguns para indicações melhores ou toque em **{show}**.',
  'watchlist.added': '🔖 Adicionei **{title}** à sua lista Quero ver.',
  'watchlist.undo_hint': '(Clique em 🔖 de novo para desfazer.)',
  'watchlist.already': '🔖 **{title}** já está na sua lista Quero ver.',
  'watchlist.removed': 'Tirei **{title}** da sua lista Quero ver.',
  'watchlist.not_on': '**{title}** não estava na sua lista Quero ver.',
  'watchlist.empty_self':
    'Sua lista Quero ver está vazia. Adicione um filme com `/quero-ver adicionar` ou com 🔖 em qualquer ficha ou indicação.',
  'watchlist.empty_other': 'A lista Quero ver de {name} está vazia.',
  'watchlist.line': '{film} · adicionado em {date}',
  'watchlist.title_self': '🔖 Sua lista Quero ver',
  'watchlist.title_other': '🔖 Lista Quero ver de {name}',
  'dm.paused_notice':
    '📭 Aliás: não consegui mandar suas indicações da semana por DM duas semanas seguidas (o Discord diz que suas DMs estão fechadas para mim), então pausei o envio em vez de continuar tentando. Para voltar a recebê-las, permita mensagens diretas dos membros deste servidor (Configurações de privacidade) e use `/configurações dm ligado`.',
  'help.title': '🎬 Marquee — filmes escolhidos para você e seus amigos',
  'help.search': '`/buscar consulta [ano]` — encontre um filme; abra-o para avaliar ou marcar como assistido',
  'help.rate':
    '`/avaliar filme estrelas` — de 0,5 a 5 estrelas, de meia em meia (mostra antes → depois; um botão remove)',
  'help.watched_add':
    '`/assistidos adicionar filme [data] [estrelas]` — registre um filme que você viu (data como 2024-05-31, “hoje”, “ontem”)',
  'help.watched_list': '`/assistidos lista [pessoa]` — seu diário (ou o de um amigo), página por página',
  'help.watched_remove': '`/assistidos remover filme` — tire um filme do seu diário',
  'help.similar': '`/parecidos filme` — filmes parecidos com o que você citar, cada um com o porquê (👍 e 🔖 em cada)',
  'help.compare': '`/comparar pessoa` — a afinidade de vocês, onde concordam e discordam, e um filme para os dois',
  'help.watchlist':
    '`/quero-ver adicionar|lista|remover` — filmes que você quer ver (🔖 em qualquer ficha ou indicação adiciona; avaliar ou registrar tira da lista)',
  'help.recommend':
    '`/recomendar [quantidade] [gênero] [a-partir-de] [até] [duração-máx] [disponível:nos meus serviços]` — indicações com o porquê e onde assistir (`disponível:nos meus serviços`: só o que está nos seus serviços); 👍 👎 Já vi / Não tenho interesse me ensinam seu gosto',
  'help.movienight':
    '`/noite-de-cinema começar|encerrar|remarcar|cancelar|histórico` — filmes para o grupo hoje, uma enquete para decidir e um evento no servidor',
  'help.stats': '`/estatísticas [pessoa] [servidor]` — seu gosto (ou o do servidor) em uma imagem',
  'help.import':
    '`/importar arquivo [origem] [desfazer]` — traga suas avaliações, seu diário e sua lista Quero ver do Letterboxd ou do IMDb',
  'help.privacy': '`/privacidade exportar|apagar` — tudo o que o Marquee guarda sobre você, num ZIP por DM, ou apagado',
  'help.settings':
    '`/configurações dm ligado|desligado`, `/configurações região`, `/configurações serviços`, `/configurações perfil`, `/configurações idioma`, `/configurações ver` — indicações da semana por DM (se você quiser), seu país e seus serviços de streaming (para saber onde assistir), quem vê seu diário e o idioma em que respondo',
  'help.config':
    '`/configurar canal|horário|idioma|ativar|desativar|ver` — indicações da semana para este servidor e o idioma das mensagens públicas (Gerenciar servidor)',
  'help.help': '`/ajuda` — esta mensagem',
  'help.tip':
    'Comece a digitar um título em qualquer opção `filme` e escolha uma das sugestões. Os comandos pessoais também funcionam por DM.',
  'help.tmdb_notice': 'Este produto usa a API do TMDB, mas não é endossado nem certificado pelo TMDB.',
  'reason.close_to_taste': 'Bem a sua cara',
  'reason.close_to_rated': 'Parecido com {title}, que você avaliou com {stars}',
  'reason.because': 'Porque você {verb, select, loved {amou} liked {gostou de} other {assistiu a}} {titles}',
  'reason.in_the_vein':
    'Na linha de {titles}, {verb, select, loved {que você amou} liked {de que você gostou} other {a que você assistiu}}',
  'reason.a_film_you_rated': 'um filme que você avaliou',
  'reason.shared_director': 'De {name}, que dirigiu {title}',
  'reason.shared_collection': 'Parte de {name}, como {title}',
  'reason.shared_cast': 'Com {name}, como em {title}',
  'reason.shared_keywords': 'Tem {keywords} em comum com {title}',
  'reason.neighbours_watched':
    '{people, plural, one {# pessoa} other {# pessoas}} com o seu gosto {people, plural, one {assistiu} other {assistiram}}',
  'reason.neighbours_rated':
    '{people, plural, one {# pessoa} other {# pessoas}} com o seu gosto {people, plural, one {deu} other {deram}} {stars}',
  'reason.friends_rated':
    '{names}, que {count, plural, one {tem} other {têm}} o seu gosto, {count, plural, one {deu} other {deram}} {stars}',
  'reason.friends_watched':
    '{names}, que {count, plural, one {tem} other {têm}} o seu gosto, {count, plural, one {assistiu} other {assistiram}}',
  'reason.friends_rated_others_watched':
    '{names}, que {count, plural, one {tem} other {têm}} o seu gosto, {count, plural, one {deu} other {deram}} {stars}; {watchers} assistiu',
  'reason.popular_here': 'Popular aqui: {ratings, plural, one {# avaliação} other {# avaliações}}, média de {stars}',
  'reason.highly_rated': 'Muito bem avaliado: {score}/10 em {votes, plural, one {# voto} other {# votos}}',
  'reason.starter': 'Um filme muito querido para começar',
  'button.stale': 'Não reconheço esse botão. Execute o comando de novo.',
  'button.label_only': 'Isso é só um rótulo — use os botões ao lado.',
  'common.someone': 'Alguém',
  'watched.list_private': 'O diário de {name} é privado.',
  'privacy.export_sent':
    '📦 Mandei por DM um ZIP com tudo o que guardo sobre você ({rows, plural, one {# linha} other {# linhas}}). Ele tem JSON, um CSV por tabela e suas avaliações, seu diário e sua lista Quero ver no formato do Letterboxd, então o `/importar` aceita o arquivo de volta.',
  'privacy.export_dm': '📦 Aqui está tudo o que o Marquee guarda sobre você. `/privacidade apagar` remove tudo.',
  'privacy.delete_confirm':
    '⚠️ Isso apaga **tudo** o que o Marquee guarda sobre você: avaliações, diário, lista Quero ver, opiniões, as indicações que você recebeu, configurações, importações e servidores. Não dá para desfazer. Quer uma cópia antes? `/privacidade exportar`.',
  'privacy.export_dm_closed':
    'Não consegui mandar a exportação por DM. Permita mensagens diretas dos membros deste servidor (ou de apps) e tente de novo.',
  'privacy.delete_button': 'Apagar tudo',
  'privacy.cancel_button': 'Cancelar',
  'privacy.deleted':
    '🗑️ Pronto. Apaguei tudo o que eu guardava sobre você ({rows, plural, one {# linha} other {# linhas}}). Se você usar o Marquee de novo, ele começa do zero.',
  'privacy.delete_cancelled': 'Nada foi apagado.',
  'privacy.export_readme':
    'Tudo o que o Marquee guarda sobre o usuário {user}, exportado em {date}.\nmarquee.json tem cada linha de cada tabela que se refere a você; tables/*.csv são as mesmas linhas em CSV.\nratings.csv, diary.csv e watchlist.csv seguem o formato do Letterboxd (mais uma coluna com o ID do TMDB): use `/importar arquivo:` com este ZIP para trazer os dados de volta.\nOs nomes das colunas ficam em inglês para que o Letterboxd e o `/importar` consigam ler os arquivos.\n',
  'import.note_no_title': 'sem título',
  'import.note_no_film': 'nenhum filme com esse título',
  'import.note_closest': 'o mais próximo: {film}, com {sure, number, percent} de certeza',
  'import.note_could_be': 'pode ser {first} ou {second}{addYear, select, yes { (informe o ano)} other {}}',
  'import.note_tmdb_off': 'o TMDB não está configurado',
  'import.note_no_imdb': 'o TMDB não tem nenhum filme com o ID do IMDb {id}',
  'import.note_bad_stars': 'a nota “{raw}” não está entre 0,5 e 5 estrelas',
  'import.note_bad_imdb': 'a nota “{raw}” não está entre 1 e 10',
  'import.note_tv': 'um título do IMDb do tipo {type} (o Marquee guarda só filmes)',
  'profile.visibility':
    '🔒 Perfil {changed, select, yes {agora} other {está}} **{level, select, public {público} server {servidor} other {privado}}**: {meaning}.',
  'profile.public_means':
    'qualquer pessoa pode ver seu diário e suas avaliações e se comparar com você, e as indicações podem citar seu nome',
  'profile.server_means':
    'quem está num servidor em comum com você pode ver seu diário, se comparar com você e ver seu nome nos porquês',
  'profile.private_means':
    'só você vê seu diário; ninguém pode se comparar com você, e os porquês nunca citam seu nome',
  'compare.verdict_too_few': 'poucos filmes em comum para dizer muita coisa ainda',
  'compare.verdict_kindred': 'almas gêmeas',
  'compare.verdict_a_lot': 'muito em comum',
  'compare.verdict_some': 'algum terreno em comum',
  'compare.verdict_opposites': 'os opostos se atraem?',
  'compare.line': '{film} — você {mine}, {name} {theirs}',
  'compare.agree': 'Vocês concordam em',
  'compare.disagree': 'Vocês discordam em',
  'compare.together': '🍿 Para ver juntos',
  'compare.together_line': '{film} — bom para os dois, e nenhum de vocês viu',
  'compare.title': '🎭 Você e {name}: {match, number, percent} de afinidade',
  'compare.none_in_common':
    'Vocês ainda não avaliaram nenhum filme em comum, então isto é só um palpite neutro. Avaliem mais alguns!',
  'compare.common': '{common, plural, one {# filme avaliado} other {# filmes avaliados}} por vocês dois — {verdict}.',
  'compare.footer': 'A afinidade tende a {half, number, percent} até vocês terem muitos filmes em comum.',
  'similar.fans_rated': 'Fãs de {seed} dão {stars} ({fans, plural, one {# fã} other {# fãs}})',
  'similar.same_director': 'Mesma direção: {name}',
  'similar.same_collection': 'Também em {name}',
  'similar.same_cast': 'Também com {name}',
  'similar.shared_keywords': 'Também fala de {keywords}',
  'similar.co_watched':
    '{people, plural, one {# pessoa que assistiu a {seed} também assistiu} other {# pessoas que assistiram a {seed} também assistiram}}',
  'similar.close_in_style': 'Estilo parecido: {genres}',
  'similar.close_to_seed': 'Estilo parecido com {seed}',
  'similar.none':
    'Ainda não tenho nada novo parecido com **{seed}** para você — talvez você já tenha visto todos. Tente `/recomendar`.',
  'similar.intro': 'Mais como **{seed}**:',
  'weekly.dm_intro':
    '🎬 {count, plural, one {Sua indicação} other {Suas # indicações}} desta semana. Diga o que achou com os botões — cada clique melhora as indicações da próxima semana.',
  'weekly.dm_footer': 'Você recebe isto porque ativou as DMs semanais. /configurações dm desligado interrompe o envio.',
  'weekly.digest_title': '🍿 **As indicações da semana do Marquee** ({week})',
  'weekly.digest_footer':
    'Quer cinco indicações só para você por DM? `/configurações dm ligado` (dá para desligar quando quiser).',
  'weekly.digest_empty':
    'Ninguém aqui tem indicações da semana ainda. Avalie alguns filmes com /avaliar e ative as DMs com /configurações dm ligado.',
  'weekly.digest_line': '**{film}** — indicado para {members, plural, one {# membro} other {# membros}}',
  'night.reason_unseen': 'ninguém viu',
  'night.reason_fit': '{all, select, yes {todos os {n} devem amar} other {{n} de {of} devem amar}}; ninguém viu',
  'night.reason_director':
    '{count, plural, one {# de vocês amou} other {# de vocês amaram}} {title}, do mesmo diretor ({name})',
  'night.reason_director_named': 'Amado por {who}: {title}, do mesmo diretor ({name})',
  'night.reason_cast': '{count, plural, one {# de vocês amou} other {# de vocês amaram}} {name} em {title}',
  'night.reason_cast_named': 'Amado por {who}: {name} em {title}',
  'night.in_button': 'Tô dentro',
  'night.out_button': 'Tô fora',
  'night.join_title': '🎬 **Noite de cinema** {when}',
  'night.join_in': 'Confirmados ({count}): {people}',
  'night.join_nobody': 'ninguém ainda',
  'night.join_open':
    'Toque em **{in}** para participar (ou em **{out}** para sair) — vou escolher {films} filmes que nenhum de vocês viu e abrir uma enquete {when}.',
  'night.join_closed': 'As inscrições estão encerradas.',
  'night.shortlist_title': 'A seleção — nenhum de vocês viu estes',
  'night.poll_footer': 'Votem na enquete abaixo. Em caso de empate, ganha o filme que mais combina com o grupo.',
  'night.poll_content': '🗳️ Noite de cinema {when}: votem no filme!',
  'night.poll_question': 'O que vamos ver em {date}?',
  'night.no_votes': 'Ninguém votou, então escolhi o que mais combina com o grupo.',
  'night.votes': '{votes, plural, one {# voto} other {# votos}}.',
  'night.winner': '🏆 Noite de cinema {when}: **{film}**! {how}',
  'night.watched_button': 'Eu assisti',
  'night.everyone_who_watched': 'Todo mundo que assistiu',
  'night.rate_prompt':
    '⭐ {who}: que tal **{film}**? Toquem nas estrelas (vai para as avaliações e o diário de vocês). Ficou fora da lista? Toque primeiro em **{button}**.',
  'night.rated': '⭐ Você deu {stars} para {title}. Nota do grupo até agora: {group}.',
  'night.history_empty': 'Ainda não teve noite de cinema aqui. Comece uma com /noite-de-cinema começar.',
  'night.history_not_rated': 'ainda sem nota',
  'night.history_score': '{stars} em {ratings, plural, one {# avaliação} other {# avaliações}}',
  'night.history_line': '**{title}** · {when} · {attended, plural, one {# presente} other {# presentes}} · {score}',
  'night.history_title': 'Noites de cinema anteriores',
  'night.unavailable': 'As noites de cinema não estão disponíveis agora.',
  'night.attended': '👁️ Anotado: você estava lá. Agora toque nas suas estrelas acima.',
  'night.not_yet': 'Esta noite de cinema ainda não aconteceu.',
  'night.event_name': 'Noite de cinema: {title}',
  'night.event_description': '{film}. Escolhido na enquete do grupo.',
  'night.event_location_tba': 'A definir',
  'night.event_no_permission':
    '📅 Não consegui adicionar a sessão aos eventos do servidor: preciso da permissão Gerenciar eventos.',
  'night.event_failed': '📅 Não consegui adicionar a sessão aos eventos do servidor (o Discord respondeu {status}).',
  'night.off_not_enough':
    '🎬 A noite de cinema foi cancelada: não encontrei filmes suficientes que nenhum de vocês tenha visto.',
  'stream.credit': 'Dados de streaming: JustWatch.',
  'stream.more': '{names} e mais {n, plural, one {#} other {#}}',
  'stream.yours': '{name} (seu)',
  'stream.stream_on': 'No streaming em {names}',
  'stream.free_on': 'Grátis em {names}',
  'stream.rent_on': 'Para alugar em {names}',
  'stream.buy_on': 'Para comprar em {names}',
  'stream.field_title': 'Onde assistir ({region})',
  'stream.field_title_no_region': 'Onde assistir',
  'stream.field_no_region': 'Defina seu país com `/configurações região` para ver onde assistir.',
  'stream.field_nothing': 'Pelo que sei, em {region} não está no streaming, nem para alugar ou comprar.',
  'stream.reminder': '🔖 Da sua lista para ver: **{film}** agora está no streaming em {services} ({region}).',
  'stream.needs_region':
    '🌍 Para escolher entre os seus serviços de streaming, preciso primeiro do seu país: `/configurações região código:BR` (o código de duas letras) e depois `/configurações serviços`.',
  'stream.needs_services':
    '📺 Você ainda não me disse seus serviços de streaming em {region}. Escolha-os com `/configurações serviços` e pergunte de novo.',
  'stream.nothing_on_services':
    '📺 Nada novo para você em {services} no momento. Tente menos filtros, escolha mais serviços com `/configurações serviços` ou pergunte sem `disponível`.',
  'stream.unavailable': 'Onde assistir não está disponível agora. Tente mais tarde.',
  'stream.services_unreachable':
    'O banco de dados de filmes não está respondendo agora, então não consigo listar os serviços de streaming. Tente de novo em um minuto.',
  'stream.not_offered': 'Esse serviço não estava entre os que ofereci. Escolha de novo.',
  'services.needs_region':
    'Os serviços de streaming mudam de país para país, então preciso primeiro do seu: `/configurações região código:BR` (o código de duas letras) e depois `/configurações serviços` de novo.',
  'services.none_listed':
    'O TMDB ainda não lista serviços de streaming para {region}, então não há nada para escolher.',
  'services.saved': '✅ Salvo.',
  'services.ask': '📺 Quais serviços de streaming você tem em {region}? Marque-os abaixo (desmarque para remover).',
  'services.yours': 'Os seus: {services}.',
  'services.yours_none': 'Você ainda não escolheu nenhum.',
  'services.explain':
    'Filmes neles aparecem primeiro em "onde assistir" nos cards e sugestões, `/recomendar disponível:nos meus serviços` fica só neles, e sua DM semanal avisa quando um filme da sua lista para ver chega a um deles.',
  'services.page': 'Serviços {from}–{to} de {total}, os mais usados primeiro: ◀ ▶ para os outros.',
  'services.placeholder': 'Seus serviços em {region}',
  'services.previous': 'Anterior',
  'services.next': 'Próximo',
  'button.forged': 'Não reconheço esse botão. Execute o comando de novo para ter botões novos.',
  'button.expired': 'Esses botões expiraram. Execute o comando de novo para ter botões novos.',
  'button.not_yours': 'Esses botões são de {owner}. Execute o comando você mesmo para ter os seus.',
  'attachment.too_big': '{name} tem {size} MB; as importações têm limite de {limit} MB.',
  'attachment.over_limit': '{name} passa de {limit} MB; as importações têm limite de {limit} MB.',
  'attachment.unreadable': 'Não consegui ler esse anexo.',
  'attachment.download_failed': 'Não consegui baixar esse anexo. Anexe de novo, por favor.',
  'limit.wait': 'Calma! Você pode usar /{command} de novo daqui a {seconds} s.',
  'movie.which': 'Qual filme? Comece a digitar um título e escolha um.',
  'movie.not_found': 'Não encontrei nenhum filme chamado “{title}”. Tente /buscar.',
  'night.server_only': 'Noites de cinema acontecem num servidor, não por DM.',
  'night.none_planned': 'Não há noite de cinema marcada aqui. Comece uma com /noite-de-cinema começar.',
  'night.host_only': 'Só {host} (quem organizou) ou alguém com permissão para gerenciar eventos pode fazer isso.',
  'night.poll_not_open': 'A enquete ainda não abriu: o pessoal ainda está entrando.',
  'night.poll_closed': 'A enquete já foi encerrada.',
  'night.poll_closed_now': '🗳️ Enquete encerrada. O vencedor foi anunciado acima.',
  'night.moved': '📅 Noite de cinema remarcada para {when}.',
  'night.cancelled': '🚫 Noite de cinema cancelada.',
  'recommend.years_swapped': 'a-partir-de ({from}) é depois de até ({to}). Quer inverter?',
  'search.empty': 'O que devo procurar? Digite parte de um título.',
  'similar.unknown_seed': 'Ainda não sei o bastante sobre **{title}** para encontrar filmes parecidos.',
  'stats.server_only': 'As estatísticas do servidor só funcionam num servidor.',
  'stats.private': 'O perfil dessa pessoa é privado, então não posso mostrar as estatísticas dela.',
  'settings.dms_on':
    '📬 Pronto, você está dentro. Uma vez por semana, quando um servidor que temos em comum enviar as indicações, vou mandar por DM cinco filmes escolhidos para você, cada um com o porquê e os botões 👍 / 👎 / Já vi / Não tenho interesse — cada clique melhora as próximas. Nada além disso, sem anúncios. `/configurações dm desligado` desativa quando quiser.',
  'settings.dms_already_on': 'As DMs semanais já estão ativadas. `/configurações dm desligado` desativa.',
  'settings.dms_off':
    'Pronto — sem mais DMs semanais. Suas avaliações continuam, e o `/recomendar` funciona como antes. Mudou de ideia? `/configurações dm ligado`.',
  'settings.region_set': '🌍 Região definida como **{region}**.',
  'settings.region_cleared': '🌍 Região removida.',
  'settings.show':
    'DMs semanais: **{dms, select, on {ligadas} other {desligadas}}**\nRegião: **{region}**\nServiços de streaming: **{services}**\nPerfil: **{profile, select, public {público} server {servidor} other {privado}}**\nIdioma: **{language}**',
  'settings.not_set': 'não definida',
  'settings.no_services': 'nenhum',
  'import.queued':
    '📥 Importando **{file}** ({source}, {rows, plural, one {# linha} other {# linhas}}). Vou atualizando esta mensagem; enquanto isso, pode continuar usando o Marquee.',
  'import.progress': '📥 Importando **{file}** ({source}): {done} / {total} consultadas, {matched} encontradas…',
  'import.failed': '⚠️ A importação de **{file}** parou: {reason} Nada foi alterado.',
  'import.failure_tmdb': 'a base de filmes ficou muito tempo sem responder. Tente de novo mais tarde.',
  'import.unknown_failure': 'algo deu errado.',
  'import.done':
    '✅ **{file}** importado ({source}): {matched} de {total, plural, one {# linha reconhecida} other {# linhas reconhecidas}}.',
  'import.ratings_added': '{n, plural, one {# avaliação adicionada} other {# avaliações adicionadas}}',
  'import.ratings_updated': '{n, plural, one {# avaliação atualizada} other {# avaliações atualizadas}}',
  'import.watched_added':
    '{n, plural, one {# filme registrado como assistido} other {# filmes registrados como assistidos}}',
  'import.watched_updated': '{n, plural, one {# data ou revisão atualizada} other {# datas ou revisões atualizadas}}',
  'import.watchlist_added': '{n, plural, one {# adicionado} other {# adicionados}} à sua lista Quero ver',
  'import.nothing_new': 'Nada novo: tudo neste arquivo já estava aqui.',
  'import.watchlist_skipped':
    '{n, plural, one {# filme da lista Quero ver foi reconhecido} other {# filmes da lista Quero ver foram reconhecidos}}, mas não adicionados (ainda não há lista Quero ver).',
  'import.unmatched':
    '{n, plural, one {# linha não foi importada} other {# linhas não foram importadas}} (não encontradas, ambíguas ou que não são filmes){report, select, yes {: elas estão no CSV anexo, com o motivo e meu melhor palpite} other {}}.',
  'import.undo_hint': 'Mudou de ideia? `/importar desfazer:true` remove exatamente o que esta importação adicionou.',
  'import.undo_kept': 'Mantive {n} que você mesmo alterou depois.',
  'import.undone':
    '↩️ Desfiz a importação de **{file}**: {n, plural, one {# alteração revertida} other {# alterações revertidas}}.',
  'import.help':
    'Anexe sua exportação: `/importar arquivo:` com o ZIP do Letterboxd (Settings → Import & Export → Export your data) ou um dos CSVs dele, ou um CSV de avaliações ou de watchlist do IMDb. `/importar desfazer:true` desfaz sua última importação.',
  'stats.not_enough': 'Ainda não há avaliações suficientes',
  'stats.personal_title':
    '{name} — {ratings, plural, one {# avaliação} other {# avaliações}}, {watched, plural, one {# filme assistido} other {# filmes assistidos}}',
  'stats.ratings': 'Avaliações',
  'stats.top_genres': 'Gêneros favoritos (você x servidor)',
  'stats.by_decade': 'Filmes por década',
  'stats.top_directors': 'Diretores que você avalia melhor',
  'stats.server_title': '{name} — {members, plural, one {# membro} other {# membros}}',
  'stats.most_watched': 'Mais assistidos',
  'stats.most_loved': 'Mais amados',
  'stats.most_divisive': 'Mais polêmicos (variação das estrelas)',
  'stats.server_note': 'Avaliações dos membros deste servidor.',
  'stats.server_rules': 'Amados: pelo menos 2 avaliações. Polêmicos: pelo menos 3.',
  'stats.this_server': 'Este servidor',
  'stats.server_embed': 'Estatísticas do servidor',
  'stats.personal_embed': 'Estatísticas de gosto',
  'settings.language_set': '🌐 A partir de agora vou responder em **{language}**, aqui e nas DMs.',
  'settings.language_follow': '🌐 Vou responder no idioma em que seu Discord está configurado.',
  'settings.language_discord': 'o mesmo do seu Discord',
  'rating.invalid_stars':
    'As avaliações vão de {min} a {max} estrelas, de meia em meia (como 3 ou 3,5); {given} não é uma delas.',
  'movie.unknown': 'Não encontrei esse filme. Tente escolher na lista.',
  'rating.duplicate': 'Você já avaliou {title}. Use /avaliar para mudar.',
  'watched.bad_date': 'Datas são como 2024-05-31 (ano-mês-dia), ou “hoje”/“ontem”.',
  'watched.future_date': 'Essa data está no futuro; registre os filmes depois de assistir.',
  'watched.before_cinema': 'Essa data é anterior à invenção do cinema. Erro de digitação?',
  'watched.not_out_yet': '**{title}** estreia em {release}, então ainda não pode estar no seu diário.',
  'watched.before_release':
    '**{title}** estreou em {release}; uma sessão em {date} não pode estar certa. Confere a data?',
  'compare.self': 'Comparar você com você mesmo dá afinidade perfeita. Escolha um amigo!',
  'compare.not_possible': 'Não consigo comparar você com essa pessoa.',
  'compare.not_visible': 'O gosto dessa pessoa não está visível para você aqui.',
  'profile.invalid': 'Perfis podem ser público, servidor ou privado.',
  'config.schedule':
    '{day, select, sun {aos domingos} mon {às segundas} tue {às terças} wed {às quartas} thu {às quintas} fri {às sextas} other {aos sábados}} às {time} ({timezone})',
  'config.summary':
    'Indicações da semana: **{enabled, select, yes {ativadas} other {desativadas}}**\nCanal das indicações: {channel}\nHorário: {schedule}\nIdioma das mensagens públicas: {language}',
  'config.channel_not_set': 'não definido (quem ativou continua recebendo DMs)',
  'config.language_discord': 'o idioma do Discord do servidor',
  'config.next_run': 'Próximo envio: {when}',
  'config.title': 'Configurações das indicações da semana:',
  'config.digest_problem':
    '⚠️ Não consegui publicar o resumo de {week} em <#{channelId}> ({error}). Confira minhas permissões lá ou escolha outro canal com `/configurar canal`.',
  'config.channel_set': '✅ As indicações da semana serão publicadas em <#{channelId}>.',
  'config.schedule_set': '✅ As indicações da semana saem {schedule}.',
  'config.language_set':
    '✅ O resumo e as mensagens da noite de cinema aqui serão em **{language}**. As respostas pessoais continuam no idioma de cada pessoa.',
  'config.language_follow':
    '✅ O resumo e as mensagens da noite de cinema aqui seguirão o idioma do Discord do servidor.',
  'config.enabled':
    '✅ As indicações da semana estão ativadas. As DMs são opcionais: cada membro recebe as suas depois de `/configurações dm ativar`.',
  'config.disabled': '⏸️ As indicações da semana estão desativadas. Nada mais muda; `/configurar ativar` as reativa.',
  'config.server_only': '/configurar funciona em um servidor, não em DMs.',
  'config.not_installed':
    'O Marquee não está instalado neste servidor, só na sua conta, então não há nada para configurar aqui. Um admin do servidor pode adicionar o Marquee para ter as indicações da semana.',
  'config.manage_server': 'Só quem tem a permissão **Gerenciar servidor** pode mudar isso.',
  'config.channel_unknown': 'Não encontrei esse canal neste servidor. Escolha um dos canais de texto dele.',
  'config.channel_not_text': '<#{channelId}> não é um canal de texto. Escolha um canal de texto ou de anúncios.',
  'config.channel_unchecked':
    'Não consegui verificar minhas permissões em <#{channelId}>. Use o comando nesse canal ou tente de novo daqui a pouco.',
  'config.channel_missing':
    'Não consigo publicar as indicações da semana em <#{channelId}>: falta **{missing}** lá. Dê essas permissões ao Marquee nas configurações do canal (ou escolha outro canal) e tente de novo.',
  'config.bad_day': 'O dia precisa ser de domingo a sábado.',
  'config.bad_time': 'O horário é no formato 24 horas HH:MM, como 18:00 ou 09:30.',
  'config.bad_timezone': 'Não conheço o fuso horário “{zone}”. Use um nome como America/Sao_Paulo ou Europe/Lisbon.',
  'config.bad_channel': 'Não consigo publicar nesse canal.',
  'user.bad_id': 'Isso não é um ID de usuário do Discord válido.',
  'settings.unknown_language': 'Ainda não falo “{code}”. Escolha um destes: {languages}.',
  'settings.region_format': 'Uma região é um código de país de duas letras, como BR, PT ou US.',
  'settings.region_unknown':
    '{region} não é um código de país ISO 3166-1.{uk, select, yes { Para o Reino Unido é GB.} other {}} Use duas letras como BR, PT ou US.',
  'tmdb.unavailable':
    'A base de filmes não está respondendo agora, então não consigo {action, select, search {buscar filmes} other {consultar esse filme}}. Tente de novo em um minuto.',
  'import.busy': 'Uma importação sua ainda está em andamento. Espere o resumo e tente de novo.',
  'import.nothing_to_undo': 'Não há nenhuma importação para desfazer.',
  'import.undo_running': 'Sua importação ainda está em andamento; desfaça quando ela terminar.',
  'upload.not_csv_zip':
    '{name} não é um CSV nem um ZIP. Envie o arquivo exatamente como o Letterboxd ou o IMDb o gerou.',
  'upload.not_utf8':
    '{name} não é texto UTF-8. Se você abriu em uma planilha, salve de novo como “CSV UTF-8” ou envie a exportação original.',
  'upload.zip_too_many': 'Esse ZIP tem mais de {max, number} arquivos; uma exportação do Letterboxd tem uns 20.',
  'upload.zip_entry_too_big':
    '{name} nesse ZIP passa de {mb, number} MB descompactado; isso não é uma exportação do Letterboxd.',
  'upload.zip_compression':
    '{name} nesse ZIP usa uma compressão que não consigo ler. Envie o ZIP exatamente como o Letterboxd o gerou.',
  'upload.zip_damaged': 'Esse ZIP está corrompido. Baixe a exportação de novo e envie sem alterar.',
  'upload.zip_too_big': 'Esse ZIP passa de {mb, number} MB descompactado; uma exportação do Letterboxd é bem menor.',
  'upload.csv_broken': '{name} não é um CSV legível (há aspas sem fechar ou as linhas estão quebradas).',
  'upload.empty': '{name} está vazio.',
  'upload.too_big': '{name} tem {mb, number} MB; as importações vão até {max, number} MB.',
  'upload.zip_no_files':
    'Esse ZIP não tem nenhum dos arquivos do Letterboxd ratings.csv, diary.csv, watched.csv ou watchlist.csv.',
  'upload.zip_unreadable': '{name} não é um ZIP legível. Baixe a exportação de novo e envie sem alterar.',
  'upload.list_ambiguous':
    '{file} parece uma lista do Letterboxd, mas não sei se são filmes que você viu ou quer ver: renomeie para watched.csv ou watchlist.csv.',
  'upload.expected':
    'Envie uma exportação do Letterboxd (o ZIP, ou ratings.csv, diary.csv, watched.csv ou watchlist.csv) ou um CSV do IMDb com avaliações ou lista Quero ver.',
  'upload.unknown_columns':
    'Não reconheço as colunas de {file} ({shown}). Envie uma exportação do Letterboxd (o ZIP, ou ratings.csv, diary.csv, watched.csv ou watchlist.csv) ou um CSV do IMDb com avaliações ou lista Quero ver.',
  'upload.wrong_source':
    '{file} parece uma exportação do {found, select, imdb {IMDb} other {Letterboxd}}, não do {chosen, select, imdb {IMDb} other {Letterboxd}}. Escolha a origem “auto” ou a certa.',
  'upload.too_many_rows':
    'Essa importação tem mais de {max, number} linhas; o Marquee aceita no máximo {max, number} por vez. Divida o arquivo e importe as partes uma depois da outra.',
  'upload.no_films': '{name} não tem nenhum filme.',
  'night.bad_time':
    'Não consegui entender “{input}” como horário. Tente 20:30, amanhã 20:30 ou 2026-12-05 20:30 ({timeZone}).',
  'night.gone': 'Essa noite de cinema não existe mais.',
  'night.bad_candidates': 'Escolha entre {min} e {max} candidatos.',
  'night.time_passed': 'Esse horário já passou. Escolha um horário no futuro.',
  'night.bad_join_minutes': 'As inscrições podem ficar abertas de 1 minuto a 24 horas.',
  'night.bad_poll_hours': 'Uma enquete dura de 1 a {max} horas.',
  'night.bad_max_runtime': 'Com duração máxima abaixo de 30 minutos, não sobra nenhum filme.',
  'night.already_planned':
    'Este servidor já tem uma noite de cinema sendo planejada. Finalize antes com /noite-de-cinema encerrar ou /noite-de-cinema cancelar.',
  'night.joining_closed': 'As inscrições para esta noite de cinema estão encerradas.',
  'night.members_only': 'Só membros deste servidor podem participar.',
  'night.not_in': 'Você não estava nesta noite de cinema.',
  'night.over': 'Essa noite de cinema já acabou.',
  'night.already_over': 'Essa noite de cinema já terminou.',
  'night.no_film_yet': 'Esta noite de cinema ainda não tem filme para avaliar.',
  'night.attendees_only': 'Só quem esteve nesta noite de cinema pode avaliar aqui.',
};
