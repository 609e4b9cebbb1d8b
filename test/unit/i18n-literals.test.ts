// Every sentence a person reads comes from the message catalogue (src/i18n), never from an English literal in a
// command, a renderer or a service (CONTRIBUTING.md, "Strings"). This scans the code that talks to people for string
// literals that read as English prose and are not inside a log call, a bug (`new Error`) or a command definition (the
// English source of src/i18n/commands.ts). Services return data and `UserFacingError.of(code, key, values)`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Code that talks to people. Operator tools (the doctor, deploy, backups, seeding) print for the person running them. */
const SCANNED = ['src/commands', 'src/bot', 'src/services', 'src/weekly'];
const OPERATOR_FILES = [
  'src/bot/doctor.ts',
  'src/bot/deploy.ts',
  'src/services/database-backup.ts',
  'src/services/movielens-import.ts',
  'src/services/seed/',
  'src/services/tmdb/', // TmdbError messages are for logs; the user reads tmdb.unavailable
];

/** Literals that are not ours to translate yet, each with the reason (file: start of the literal). */
const KNOWN: readonly string[] = [
  // MatcherUnavailableError's message (`super(...)`): for logs; the person reads import.* messages.
  'src/services/import/match.ts: TMDB is unavailable',
];

/** Calls whose string arguments are not read by a person in Discord. */
const EXEMPT_CALLS =
  /(?:\b(?:log|logger|jobLog|this\.log|\w+Log)\.(?:trace|debug|info|warn|error|fatal)|\w*Error|\.setDescription|\.setName|\.describe|\bexecute|\.execute|\bassert\w*|personalCommand|serverCommand|languageOption)$/;

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!statSync(abs).isDirectory()) return [dir];
  return readdirSync(abs).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Blanks comments (keeping offsets), so that a literal's enclosing call can be found by scanning backwards. */
function stripComments(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (m, p1: string) => p1 + ' '.repeat(m.length - p1.length));
}

/** The name of the call whose argument list contains offset `at` ('' when none). */
function enclosingCall(code: string, at: number): string {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = code[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return /[\w.$]+\s*$/.exec(code.slice(Math.max(0, i - 60), i))?.[0]?.trim() ?? '';
      depth--;
    } else if (c === ';' || c === '{' || c === '}') {
      if (depth === 0 && c !== '{' && c !== '}') return '';
    }
  }
  return '';
}

/** English prose: three or more words, at least two of them lowercase words of 2+ letters, with a space between. */
const PROSE = /[A-Za-z]{2,}[ ,]+(?:[a-z]{2,}[ ,]+){1,}[a-z]{2,}/;
const SQL =
  /^\s*(select|insert|update|delete|with|create|alter|set local)\b|\b(from|where|order by|nulls first|not in)\b/i;

function englishLiterals(file: string): string[] {
  const code = stripComments(readFileSync(join(ROOT, file), 'utf8'));
  const out: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const s = m[1] ?? m[2] ?? m[3] ?? '';
    if (!PROSE.test(s.replace(/\$\{[^}]*\}/g, '')) || SQL.test(s)) continue;
    const call = enclosingCall(code, m.index ?? 0);
    const callName = call.split(/\s+/).at(-1) ?? '';
    if (EXEMPT_CALLS.test(call) || EXEMPT_CALLS.test(callName)) continue;
    // A command's own definition (`description: '…'`): the English source that src/i18n/commands.ts translates.
    if (
      file.startsWith('src/commands/') &&
      /\bdescription\s*:\s*$/.test(code.slice(Math.max(0, (m.index ?? 0) - 40), m.index))
    )
      continue;
    const id = `${file}: ${s}`;
    if (KNOWN.some((k) => id.startsWith(k))) continue;
    out.push(`${id.slice(0, 160)}`);
  }
  return out;
}

describe('user-visible text', () => {
  const scanned = SCANNED.flatMap(files).filter((f) => !OPERATOR_FILES.some((o) => f.startsWith(o)));

  it('when the commands, renderers and services are scanned, then no English sentence is left outside the catalogue', () => {
    expect(scanned.length).toBeGreaterThan(50);
    expect(scanned.flatMap(englishLiterals)).toEqual([]);
  });

  it('when a service throws a UserFacingError, then it carries a message key, not English', () => {
    const literal = /new UserFacingError\(\s*'[a-z_]+',\s*[`'"]/;
    const offenders = scanned.filter((f) => literal.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });

  it('when the scanner meets an English reply, then it reports it (the scan can fail)', () => {
    const code = stripComments("await ctx.respond.send({ content: 'Your watchlist is empty for now.' });");
    const hits = [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].filter(
      (m) => PROSE.test(m[1] ?? '') && !EXEMPT_CALLS.test(enclosingCall(code, m.index ?? 0)),
    );
    expect(hits).toHaveLength(1);
    const logged = stripComments("logger.info({ userId }, 'weekly picks were sent to the channel');");
    expect(EXEMPT_CALLS.test(enclosingCall(logged, logged.indexOf("'weekly")))).toBe(true);
  });
});
