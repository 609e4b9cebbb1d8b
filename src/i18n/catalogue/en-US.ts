// The English source catalogue: every message Marquee writes, as ICU MessageFormat
// (https://unicode-org.github.io/icu/userguide/format_parse/messages/). Its keys are the type `MessageKey`, so a
// missing or misspelt key is a compile error. Other locales translate these keys (same `{arguments}`); see
// docs/i18n-glossary.md for the words we always translate the same way.
//
// Writing messages: Discord markdown is fine (`**bold**`, backticks). A literal `{` or `}` (or `#` inside a plural)
// is quoted with apostrophes: '{'. Use `{n, plural, one {# film} other {# films}}` for counts, never "film(s)".
export const enUS = {
  // src/bot/failures.ts: what a person sees when something goes wrong.
  'failure.option_missing':
    "I didn't get a usable value for `{option}`. Fill it in (or pick a suggestion) and try again.",
  'failure.options_incomplete':
    "That command arrived without all of its options. Please run it again from Discord's command list.",
  'failure.database_unavailable':
    "I can't reach my database right now — it may be restarting. Please try again in a moment.",
  'failure.bug': 'Something went wrong on my side, sorry. If it keeps happening, mention error id `{errorId}`.',
  'failure.restarting': "I'm restarting right now. Please try again in a moment.",
  'failure.unknown_command': 'I no longer know that command. It may have been renamed.',
  'failure.too_slow': 'Sorry, that is taking far longer than it should on my side. Please try again in a moment.',
  // src/bot/render.ts: search, the film card, ratings, the watch log, the watchlist, picks, onboarding, feedback.
  'card.tmdb_score': 'TMDB {score}/10',
  'card.no_details': 'No details yet',
  'card.director': '{count, plural, one {Director} other {Directors}}',
  'card.cast': 'Cast',
  'card.you': 'You',
  'card.you_rated': 'rated {stars}',
  'card.you_not_rated': 'not rated',
  'card.you_watched': 'watched {date}',
  'card.you_on_watchlist': 'on your watchlist',
  'card.mark_watched': 'Mark watched',
  'card.watchlist_add': 'Watchlist',
  'card.watchlist_remove': 'Remove from watchlist',
  'search.results': 'Results for “{query}”:',
  'search.none': 'No films found for “{query}”. Check the spelling or try fewer words.',
  'search.none_any_year':
    'No films found for “{query}” in {year} or any other year. Check the spelling or try fewer words.',
  'search.other_years':
    'Nothing from {year} matches “{query}”, but other years do: {examples}. Try another year or leave it out.',
  'search.watched_button': 'Watched',
  'rating.not_rated': 'not rated',
  'rating.changed': '⭐ {verb, select, new {Rated} same {Kept} other {Updated}} **{title}**: {before} → {after}',
  'rating.remove_button': 'Remove rating',
  'rating.nothing_to_remove': "You hadn't rated **{title}**, so there was nothing to remove.",
  'rating.removed': '🗑️ Removed your rating of **{title}** (was {stars}).',
  'watched.logged': '👁️ Logged **{title}** as watched on {date}.',
  'watched.again': "👁️ **{title}** again — that's {viewings, plural, other {# viewings}} (latest {date}).",
  'watched.rating_line': '⭐ {before} → {after}',
  'watched.removed': '🗑️ Removed **{title}** from your watch log.',
  'watched.not_in_log': "**{title}** wasn't in your watch log.",
  'watched.list_title_self': 'Your watch log',
  'watched.list_title_other': "{name}'s watch log",
  'watched.list_empty_self': 'Your watch log is empty. Add a film with `/watched add`.',
  'watched.list_empty_other': "{name} hasn't logged any films yet.",
  'list.footer': 'Page {page} of {pages} · {total, plural, one {# film} other {# films}}',
  'list.previous': 'Previous',
  'list.next': 'Next',
  'feedback.seen_button': 'Seen it',
  'feedback.not_interested_button': 'Not interested',
  'feedback.up_on': '👍 Noted: more like **{title}**.',
  'feedback.up_off': 'Removed your 👍 for **{title}**.',
  'feedback.down_on': '👎 Noted: fewer like **{title}**.',
  'feedback.down_off': 'Removed your 👎 for **{title}**.',
  'feedback.seen_on': "👁️ Got it, you've seen **{title}**.",
  'feedback.seen_off': "Okay, you haven't seen **{title}**.",
  'feedback.not_interested_on': "🙈 I won't suggest **{title}**.",
  'feedback.not_interested_off': 'I may suggest **{title}** again.',
  'feedback.undo_hint': '(Click again to undo.)',
  'feedback.rate_prompt': 'How was it? One click rates it:',
  'picks.intro': 'Picked for you:',
  'picks.none':
    "I couldn't find anything new that matches. Try fewer filters, or rate a few more films so I learn your taste.",
  'onboarding.meh': 'Meh',
  'onboarding.liked': 'Liked',
  'onboarding.loved': 'Loved',
  'onboarding.show_picks': 'Show my picks',
  'onboarding.welcome':
    "👋 Welcome! I don't know your taste yet. Tap how you felt about a few films you've seen (skip the rest), then **{show}**.",
  'onboarding.progress': 'Thanks — {done} rated. Rate a couple more for better picks, or tap **{show}**.',
  'watchlist.added': '🔖 Added **{title}** to your watchlist.',
  'watchlist.undo_hint': '(Click 🔖 again to undo.)',
  'watchlist.already': '🔖 **{title}** is already on your watchlist.',
  'watchlist.removed': 'Removed **{title}** from your watchlist.',
  'watchlist.not_on': "**{title}** wasn't on your watchlist.",
  'watchlist.empty_self': 'Your watchlist is empty. Add a film with `/watchlist add`, or 🔖 on any card or pick.',
  'watchlist.empty_other': "{name}'s watchlist is empty.",
  'watchlist.line': '{film} · added {date}',
  'watchlist.title_self': '🔖 Your watchlist',
  'watchlist.title_other': "🔖 {name}'s watchlist",
  'dm.paused_notice':
    "📭 By the way: I couldn't DM you your weekly picks two weeks running (Discord says your DMs are closed to me), so I've paused them rather than keep trying. To get them again, allow direct messages from this server's members (Privacy Settings), then run `/settings dms on`.",
  'help.title': '🎬 Marquee — film picks for you and your friends',
  'help.search': '`/search query [year]` — find a film; open it to rate it or mark it watched',
  'help.rate': '`/rate movie stars` — rate 0.5–5 stars in half steps (shows old → new; a button removes it)',
  'help.watched_add':
    '`/watched add movie [date] [stars]` — log a film you saw (date like 2024-05-31, "today", "yesterday")',
  'help.watched_list': "`/watched list [user]` — your (or a friend's) watch log, page by page",
  'help.watched_remove': '`/watched remove movie` — take a film off your log',
  'help.similar': '`/similar movie` — films like one you name, each with why (👍 and 🔖 on each)',
  'help.compare':
    '`/compare user` — your taste match with a friend, what you agree and disagree on, and a film for you both',
  'help.watchlist':
    '`/watchlist add|list|remove` — films you mean to see (🔖 on any card or pick adds one; rating or logging it takes it off)',
  'help.recommend':
    '`/recommend [count] [genre] [from-year] [to-year] [max-runtime] [available:mine]` — picks with a reason each and where to stream them (`available:mine`: only what is on your services); 👍 👎 Seen it / Not interested teach me',
  'help.movienight':
    '`/movienight start|end|reschedule|cancel|history` — group picks for tonight, a poll to decide, a server event',
  'help.stats': "`/stats [user] [server]` — your taste (or the server's) as a picture",
  'help.import': '`/import file [source] [undo]` — bring your Letterboxd or IMDb ratings, diary and watchlist',
  'help.privacy': '`/privacy export|delete` — everything Marquee holds about you, as a ZIP by DM, or deleted',
  'help.settings':
    '`/settings dms on|off`, `/settings region`, `/settings services`, `/settings profile`, `/settings language`, `/settings show` — weekly picks by DM (opt-in), your country and streaming services (for where to watch), who sees your log, the language I answer you in',
  'help.config':
    '`/config picks-channel|schedule|language|enable|disable|show` — weekly picks for this server and the language of its public posts (Manage Server)',
  'help.help': '`/help` — this message',
  'help.tip':
    'Start typing a title in any `movie` option and pick from the suggestions. Personal commands work in DMs too.',
  'help.tmdb_notice': 'This product uses the TMDB API but is not endorsed or certified by TMDB.',

  // src/bot/reason-text.ts: why a film was picked (the engine's reasons, src/recommender/reasons.ts).
  'reason.close_to_taste': 'Close to your taste',
  'reason.close_to_rated': 'Close to {title}, which you rated {stars}',
  'reason.because': 'Because you {verb, select, loved {loved} liked {liked} other {watched}} {titles}',
  'reason.in_the_vein':
    'In the vein of {titles}, which you {verb, select, loved {loved} liked {liked} other {watched}}',
  'reason.a_film_you_rated': 'a film you rated',
  'reason.shared_director': 'From {name}, who made {title}',
  'reason.shared_collection': 'Part of {name}, like {title}',
  'reason.shared_cast': 'With {name}, as in {title}',
  'reason.shared_keywords': 'Shares {keywords} with {title}',
  'reason.neighbours_watched': '{people, plural, one {# person} other {# people}} with your taste watched it',
  'reason.neighbours_rated': '{people, plural, one {# person} other {# people}} with your taste gave it {stars}',
  'reason.friends_rated': '{names}, who {count, plural, one {shares} other {share}} your taste, gave it {stars}',
  'reason.friends_watched': '{names}, who {count, plural, one {shares} other {share}} your taste, watched it',
  'reason.friends_rated_others_watched':
    '{names}, who {count, plural, one {shares} other {share}} your taste, gave it {stars}; {watchers} watched it',
  'reason.popular_here': 'Popular here: {ratings, plural, one {# rating} other {# ratings}} averaging {stars}',
  'reason.highly_rated': 'Highly rated: {score}/10 from {votes, plural, one {# vote} other {# votes}}',
  'reason.starter': 'A well-loved pick to start with',
  'reason.group_fit': 'A good fit for all {members} of you',
  // src/bot/buttons.ts
  'button.stale': "That button isn't one I recognise. Run the command again.",
  'button.label_only': 'That one is just a label — use the buttons next to it.',
  'common.someone': 'Someone',
  'watched.list_private': "{name}'s watch log is private.",

  // src/bot/privacy-render.ts: /privacy and /settings profile.
  'privacy.export_sent':
    "📦 Sent you a DM with a ZIP of everything I hold about you ({rows, plural, one {# row} other {# rows}}). It has JSON, a CSV per table, and your ratings, watch log and watchlist in Letterboxd's layout, so `/import` takes it back.",
  'privacy.export_dm': '📦 Here is everything Marquee holds about you. `/privacy delete` removes it all.',
  'privacy.delete_confirm':
    '⚠️ This deletes **everything** Marquee holds about you: ratings, watch log, watchlist, feedback, the picks you were shown, settings, imports and server memberships. It cannot be undone. Want a copy first? `/privacy export`.',
  'privacy.export_dm_closed':
    "I couldn't DM you the export. Allow direct messages from this server's members (or from apps) and try again.",
  'privacy.delete_button': 'Delete everything',
  'privacy.cancel_button': 'Cancel',
  'privacy.deleted':
    '🗑️ Done. I deleted everything I held about you ({rows, plural, one {# row} other {# rows}}). If you use Marquee again it starts from nothing.',
  'privacy.delete_cancelled': 'Nothing was deleted.',
  'profile.visibility':
    '🔒 Profile {changed, select, yes {set to} other {is}} **{level, select, public {public} server {server} other {private}}**: {meaning}.',
  'profile.public_means':
    'anyone can see your watch log and ratings, compare with you, and picks may be explained with your name',
  'profile.server_means':
    'people in a server you share with them can see your watch log, compare with you, and see your name in reasons',
  'profile.private_means': 'only you see your watch log; nobody can compare with you, and reasons never name you',
  // src/bot/compare-render.ts: /compare.
  'compare.verdict_too_few': 'too few films in common to say much yet',
  'compare.verdict_kindred': 'kindred spirits',
  'compare.verdict_a_lot': 'a lot in common',
  'compare.verdict_some': 'some common ground',
  'compare.verdict_opposites': 'opposites attract?',
  'compare.line': '{film} — you {mine}, {name} {theirs}',
  'compare.agree': 'You agree on',
  'compare.disagree': 'You disagree on',
  'compare.together': '🍿 Watch together',
  'compare.together_line': '{film} — good for both of you, and neither has seen it',
  'compare.title': '🎭 You and {name}: {match, number, percent} taste match',
  'compare.none_in_common': "You haven't rated any of the same films yet, so this is a neutral guess. Rate a few more!",
  'compare.common': '{common, plural, one {# film} other {# films}} rated by both of you — {verdict}.',
  'compare.footer': 'The match leans towards {half, number, percent} until you have many films in common.',

  // src/bot/similar-render.ts: /similar.
  'similar.fans_rated': 'Fans of {seed} gave it {stars} ({fans, plural, other {# of them}})',
  'similar.same_director': 'Same director: {name}',
  'similar.same_collection': 'Also in {name}',
  'similar.same_cast': 'Also with {name}',
  'similar.shared_keywords': 'Also about {keywords}',
  'similar.co_watched': '{people, plural, one {# person} other {# people}} who watched {seed} watched it too',
  'similar.close_in_style': 'Close in style: {genres}',
  'similar.close_to_seed': 'Close to {seed} in style',
  'similar.none': 'I have nothing new like **{seed}** for you yet — you may have seen them all. Try `/recommend`.',
  'similar.intro': 'More like **{seed}**:',

  // src/bot/weekly-render.ts: the weekly DM and the channel digest.
  'weekly.dm_intro':
    "🎬 Your {count, plural, one {pick} other {# picks}} for this week. Tell me what you think with the buttons — every click sharpens next week's picks.",
  'weekly.dm_footer': 'You get these because you turned on weekly DMs. /settings dms off stops them.',
  'weekly.digest_title': "🍿 **This week's Marquee picks** ({week})",
  'weekly.digest_footer': 'Want five picks made just for you by DM? `/settings dms on` (off again any time).',
  'weekly.digest_empty':
    'Nobody here has weekly picks yet. Rate a few films with /rate and turn on DMs with /settings dms on.',
  'weekly.digest_line': '**{film}** — a pick for {members, plural, one {# member} other {# members}}',
  // src/bot/movie-night-render.ts, movie-night-buttons.ts, movie-night-discord.ts: movie night.
  'night.reason_unseen': 'nobody has seen it',
  'night.reason_fit': '{all, select, yes {all {n}} other {{n} of {of}}} of you should love it; nobody has seen it',
  'night.reason_director': '{count, plural, other {# of you}} loved {title}, by the same director ({name})',
  'night.reason_director_named': '{who} loved {title}, by the same director ({name})',
  'night.reason_cast': '{count, plural, other {# of you}} loved {name} in {title}',
  'night.reason_cast_named': '{who} loved {name} in {title}',
  'night.in_button': "I'm in",
  'night.out_button': "I'm out",
  'night.join_title': '🎬 **Movie night** {when}',
  'night.join_in': 'In ({count}): {people}',
  'night.join_nobody': 'nobody yet',
  'night.join_open':
    "Tap **{in}** to join (or **{out}** to drop out) — I'll pick {films} films none of you has seen and open a poll {when}.",
  'night.join_closed': 'Joining has closed.',
  'night.shortlist_title': 'The shortlist — none of you has seen these',
  'night.poll_footer': 'Vote in the poll below. Ties go to the film that suits the group best.',
  'night.poll_content': '🗳️ Movie night {when}: vote for the film!',
  'night.poll_question': 'What do we watch on {date}?',
  'night.no_votes': 'Nobody voted, so I picked the best fit for the group.',
  'night.votes': '{votes, plural, one {# vote} other {# votes}}.',
  'night.winner': '🏆 Movie night {when}: **{film}**! {how}',
  'night.watched_button': 'I watched it',
  'night.everyone_who_watched': 'Everyone who watched',
  'night.rate_prompt':
    '⭐ {who}: how was **{film}**? Tap your stars (it goes in your ratings and watch log). Missed from the list? Tap **{button}** first.',
  'night.rated': "⭐ You gave {title} {stars}. The group's score so far: {group}.",
  'night.history_empty': 'No movie nights here yet. Start one with /movienight start.',
  'night.history_not_rated': 'not rated yet',
  'night.history_score': '{stars} from {ratings, plural, one {# rating} other {# ratings}}',
  'night.history_line': '**{title}** · {when} · {attended} attended · {score}',
  'night.history_title': 'Past movie nights',
  'night.unavailable': 'Movie nights are not available right now.',
  'night.attended': '👁️ Noted: you were there. Now tap your stars above.',
  'night.not_yet': "This movie night hasn't happened yet.",
  'night.event_name': 'Movie night: {title}',
  'night.event_description': "{film}. Picked by the group's poll.",
  'night.event_location_tba': 'To be announced',
  'night.event_no_permission':
    "📅 I couldn't add the screening to the server's events: I need the Manage Events permission.",
  'night.event_failed': "📅 I couldn't add the screening to the server's events (Discord answered {status}).",
  'night.off_not_enough': "🎬 Movie night is off: I couldn't find enough films none of you has seen.",
  // src/bot/where-to-watch.ts, src/bot/services-render.ts, src/bot/picks.ts: where to stream (JustWatch data via TMDB).
  'stream.credit': 'Streaming data: JustWatch.',
  'stream.more': '{names} and {n, plural, one {# more} other {# more}}',
  'stream.yours': '{name} (yours)',
  'stream.stream_on': 'Stream on {names}',
  'stream.free_on': 'Free on {names}',
  'stream.rent_on': 'Rent on {names}',
  'stream.buy_on': 'Buy on {names}',
  'stream.field_title': 'Where to watch ({region})',
  'stream.field_title_no_region': 'Where to watch',
  'stream.field_no_region': 'Set your country with `/settings region` to see where to stream it.',
  'stream.field_nothing': 'Not streaming, for rent or for sale in {region} as far as I know.',
  'stream.reminder': '🔖 From your watchlist: **{film}** is streaming on {services} ({region}) now.',
  'stream.needs_region':
    "🌍 To pick from what's on your streaming services I need your country first: `/settings region code:GB` (your two-letter code), then `/settings services`.",
  'stream.needs_services':
    "📺 You haven't told me your streaming services in {region} yet. Choose them with `/settings services`, then ask again.",
  'stream.nothing_on_services':
    '📺 Nothing new for you on {services} matches right now. Try fewer filters, choose more services with `/settings services`, or ask without `available`.',
  'stream.unavailable': "Where to stream isn't available right now. Please try again later.",
  'stream.services_unreachable':
    "The movie database isn't answering right now, so I can't list the streaming services. Please try again in a minute.",
  'stream.not_offered': "That service isn't one I offered. Please choose again.",
  'services.needs_region':
    'Streaming services differ from country to country, so I need yours first: `/settings region code:GB` (your two-letter code), then `/settings services` again.',
  'services.none_listed': 'TMDB lists no streaming services for {region} yet, so there is nothing to choose.',
  'services.saved': '✅ Saved.',
  'services.ask': '📺 Which streaming services do you have in {region}? Tick them below (untick to remove).',
  'services.yours': 'Yours: {services}.',
  'services.yours_none': 'You have none chosen yet.',
  'services.explain':
    'Films on them come first in "where to watch" on cards and picks, `/recommend available:mine` keeps to them, and your weekly DM tells you when a film on your watchlist arrives on one.',
  'services.page': 'Services {from}–{to} of {total}, most widely used first: ◀ ▶ for the others.',
  'services.placeholder': 'Your services in {region}',
  'services.previous': 'Previous',
  'services.next': 'Next',
} as const satisfies Record<string, string>;
