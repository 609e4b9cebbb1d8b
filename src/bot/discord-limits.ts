// Discord's length limits on what the bot sends: the one home for these numbers in the product (renderers clip to
// them; test/unit/i18n-limits.test.ts renders every message kind in every locale against them). The local Discord
// (fakes/discord/validation/) enforces the same rules independently, citing the same documents.

// developers/resources/message.mdx, "Create Message" (content) and "Embed Limits" (the rest; lengths are counted
// after trimming, and the total is over every embed of one message).
export const CONTENT_MAX = 2000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_MAX = 2048;
export const EMBED_AUTHOR_MAX = 256;
export const EMBEDS_TOTAL_MAX = 6000;
export const EMBEDS_PER_MESSAGE_MAX = 10;

// developers/components/reference.mdx, "Button" (label max 80) and "String Select" (up to 25 options; option label,
// value and description max 100; placeholder max 150).
export const BUTTON_LABEL_MAX = 80;
export const SELECT_OPTIONS_MAX = 25;
export const SELECT_OPTION_LABEL_MAX = 100;
export const SELECT_OPTION_DESCRIPTION_MAX = 100;
export const SELECT_PLACEHOLDER_MAX = 150;

// developers/interactions/application-commands.mdx, "Application Command Option Choice Structure" (name 1–100);
// the same limit holds for autocomplete suggestions (interactions/receiving-and-responding.mdx, "Autocomplete").
export const CHOICE_NAME_MAX = 100;

// ../shared/reference/discord-openapi.json, PollMediaCreateRequest (question text 1–300); answers 55, the stricter
// limit of Discord's poll guide (resources/poll.mdx, "Poll Media Object", not in the local copy).
export const POLL_QUESTION_MAX = 300;
export const POLL_ANSWER_MAX = 55;
