// Every locale's catalogue is complete and says the same thing structurally: every English key is translated, no
// translation has a key English lacks, and each translation uses exactly the English message's arguments, so a value
// can never go missing or be ignored in one language. Only names are compared: a language may need a plural where
// English needs none ("{n} attended" is invariant in English, not in French).
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../src/i18n/catalogue/en-US.ts';
import { CATALOGUES } from '../../src/i18n/catalogue/index.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** Every argument's name, nested ones included (arguments inside plural and select branches). */
function argumentsOf(message: string): string[] {
  const out = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      out.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...out].sort();
}

const englishKeys = Object.keys(enUS).sort();

describe.each(LOCALES.filter((l) => l !== 'en-US'))('the %s catalogue', (locale) => {
  const catalogue = CATALOGUES[locale] as Record<string, string | undefined>;

  it('when compared with English, then it has every key and no other', () => {
    const missing = englishKeys.filter((k) => catalogue[k] === undefined);
    const extra = Object.keys(catalogue).filter((k) => !(k in enUS));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("when each message is parsed, then it uses exactly the English message's arguments", () => {
    const differ = englishKeys
      .filter((k) => catalogue[k] !== undefined)
      .filter((k) => {
        const english = argumentsOf(enUS[k as keyof typeof enUS]).join(',');
        return argumentsOf(catalogue[k] as string).join(',') !== english;
      });
    expect(differ).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('when each message is parsed, then every one is valid ICU MessageFormat', () => {
    const broken = englishKeys.filter((k) => {
      try {
        parse(enUS[k as keyof typeof enUS], { ignoreTag: true });
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });
});

describe('the French register', () => {
  // docs/i18n-glossary.md: French says "tu" to the person it answers; "vous" only where a message speaks to two
  // people or a group (a comparison, a movie night's members). A singular "vous" anywhere else is a slip.
  const GROUP = /^(compare\.|night\.)|^(help\.compare|profile\.server_means)$/;
  const VOUS =
    /(?<!\p{L})(vous|votre|vos|vôtres?)(?!\p{L})|(?<!\p{L})(?!(?:assez|chez|nez)(?!\p{L}))\p{L}+ez(?!\p{L})/iu;

  it('when a message addresses one person, then it says "tu", never "vous" or a -ez imperative', () => {
    const slips = Object.entries(CATALOGUES.fr as Record<string, string>)
      .filter(([key, text]) => !GROUP.test(key) && VOUS.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(slips).toEqual([]);
  });
});
