// A message that tells someone to use a command names it as their Discord shows it: German users see `/hilfe`, not
// `/help` (docs/i18n-glossary.md: "Commands quoted in a message use that locale's command names"). Every `/name …`
// quoted in a locale's messages must be a command, subcommand (and option) of that locale's command localizations
// (src/i18n/commands.ts; English: the definitions themselves).
import { describe, expect, it } from 'vitest';
import { commandsJson } from '../../src/commands/index.ts';
import { CATALOGUES } from '../../src/i18n/catalogue/index.ts';
import { LOCALES, type Locale } from '../../src/i18n/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: command JSON
type Json = any;

/** Every locale's names: command → its subcommands, and the option names of each. */
function namesIn(locale: Locale) {
  const name = (x: Json): string => (locale === 'en-US' ? x.name : (x.name_localizations?.[locale] ?? x.name));
  const commands = new Map<string, { subs: Set<string>; options: Set<string> }>();
  for (const c of commandsJson() as Json[]) {
    const subs = new Set<string>();
    const options = new Set<string>();
    for (const o of c.options ?? []) {
      if (o.type === 1 || o.type === 2) {
        subs.add(name(o));
        for (const so of o.options ?? []) {
          if (so.type === 1) subs.add(name(so));
          else options.add(name(so));
          for (const leaf of so.options ?? []) options.add(name(leaf));
        }
      } else options.add(name(o));
    }
    commands.set(name(c), { subs, options });
  }
  return commands;
}

/**
 * Commands quoted in a message: `/name` anywhere (not `/10` or a path), and inside backticks `/name sub`, where the
 * word after the name is a subcommand (outside backticks it may be prose: "/hilfe zeigt …").
 */
function mentions(text: string): { command: string; next: string | null }[] {
  const out: { command: string; next: string | null }[] = [];
  for (const m of text.matchAll(
    /(`?)(?<![\w/<:.])\/(\p{L}[\p{L}\p{N}_-]*)(?: ([\p{L}\p{N}_-]+)(?![\p{L}\p{N}_-]*:))?/gu,
  )) {
    out.push({ command: m[2] as string, next: m[1] ? (m[3] ?? null) : null });
  }
  return out;
}

describe('commands named in messages', () => {
  it.each(LOCALES)('when a %s message names a command, then it is that locale’s command name', (locale) => {
    const names = namesIn(locale);
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(CATALOGUES[locale])) {
      for (const { command, next } of mentions(text ?? '')) {
        const c = names.get(command);
        if (!c) {
          wrong.push(`${key}: /${command}`);
          continue;
        }
        if (next && c.subs.size > 0 && !c.subs.has(next)) wrong.push(`${key}: /${command} ${next}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
