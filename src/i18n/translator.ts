// Turns a message key and its values into text in one locale.
//
// Messages are ICU MessageFormat (plurals, selects, numbers and dates formatted for the locale), compiled by FormatJS's
// `intl-messageformat`. We chose it over i18next + i18next-icu because it is only the ICU formatter: no global
// instance to initialise, no backends or async loading, no plugin layer between our catalogue and the ICU rules; it
// uses the platform's Intl (Node 24 ships full ICU data), and its parser is the reference one FormatJS's own tooling
// uses, so the completeness test can compare each translation's arguments with the English ones.
// A locale without a message (a key added in English and not yet translated) falls back to English; the completeness
// test (test/unit/i18n-catalogue.test.ts) is what keeps that from shipping.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { enUS } from './catalogue/en-US.ts';
import { CATALOGUES, type MessageKey } from './catalogue/index.ts';
import { type Locale, SOURCE_LOCALE } from './locales.ts';

/** What a message's `{name}` arguments may be: plain values; formatting is the message's business. */
export type MessageValues = Readonly<Record<string, PrimitiveType>>;

const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    const own = CATALOGUES[locale][key];
    const source = own ?? enUS[key];
    const lang = own === undefined ? SOURCE_LOCALE : locale;
    // `ignoreTag`: our text is Discord markdown, and `<t:…>` timestamps and `<@id>` mentions are not ICU rich-text
    // tags.
    f = new IntlMessageFormat(source, lang, undefined, { ignoreTag: true });
    compiled.set(id, f);
  }
  return f;
}

/** The text of `key` in `locale`. A missing value is a bug (thrown by the formatter), never silently blank. */
export function t(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const out = formatter(locale, key).format(values);
  if (typeof out !== 'string') throw new Error(`message ${key} did not format to a string`);
  return out;
}

/** A key with its values: what services and errors carry so that the words are made in the bot layer. */
export interface Text {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

export function text(key: MessageKey, values?: MessageValues): Text {
  return values === undefined ? { key } : { key, values };
}
