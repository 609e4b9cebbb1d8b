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
} as const satisfies Record<string, string>;
