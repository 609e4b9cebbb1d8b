// Marquee's i18n: one message catalogue per locale (./catalogue/), ICU messages formatted by intl-messageformat,
// Intl formatting helpers, and the rule for which locale a message is written in. See CONTRIBUTING.md, "Strings".
export type { MessageKey } from './catalogue/index.ts';
export * from './format.ts';
export { type Audience, type LocaleSources, localeFor } from './locale-for.ts';
export * from './locales.ts';
export { localizeCommand } from './localize-commands.ts';
export { type Translator, translator } from './translate.ts';
export { type MessageValues, type Text, t, text } from './translator.ts';
