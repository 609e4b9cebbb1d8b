// A person at a keyboard, talking to the bot through the local Discord: parses what they type (`/rate movie:Heat
// stars:4.5`, `/as bob`, `click 2`), resolves autocomplete options the way a person would (the first suggestion),
// and renders what the bot answered as readable text with numbered buttons.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Locale } from 'discord-api-types/v10';
import { FakeDiscord } from './fake-discord.ts';
import { waitUntil } from './people.ts';
import type { FakeUser, StoredMessage } from './types.ts';

export interface SandboxSessionOptions {
  readonly user?: string;
  /**
   * Extra `/name [args]` actions of the sandbox itself (e.g. `/weekly`, `/wait 2h`), given the session and the rest of
   * the line; they return transcript text.
   */
  readonly meta?: Readonly<Record<string, (session: SandboxSession, args: string) => Promise<string>>>;
  /** How many suggestions to show for an autocomplete option. */
  readonly showSuggestions?: number;
  /** Where files the bot sends are saved (their paths are printed); default `./sandbox-files`. */
  readonly filesDir?: string;
}

/** A reply that starts with this is still working (an import's progress): a script waits for its final state. */
const IN_PROGRESS = '📥';

// biome-ignore lint/suspicious/noExplicitAny: command definitions are JSON
type Json = any;

export class SandboxSession {
  readonly discord: FakeDiscord;
  private user: FakeUser;
  private inDm = false;
  private lastWithButtons: StoredMessage | null = null;
  private lastWithSelect: StoredMessage | null = null;
  private readonly showSuggestions: number;
  private readonly meta: Readonly<Record<string, (session: SandboxSession, args: string) => Promise<string>>>;
  private readonly filesDir: string;
  private readonly saved = new Set<string>();

  constructor(discord: FakeDiscord, opts: SandboxSessionOptions = {}) {
    this.discord = discord;
    this.filesDir = opts.filesDir ?? 'sandbox-files';
    this.meta = opts.meta ?? {};
    this.user = discord.user(opts.user ?? 'alice');
    this.showSuggestions = opts.showSuggestions ?? 3;
  }

  get userName(): string {
    return this.user.username;
  }

  get currentUser(): FakeUser {
    return this.user;
  }

  /** Command names and subcommands, for tab completion. */
  commandNames(): string[] {
    const out: string[] = [];
    for (const list of this.discord.commands.values()) {
      for (const c of list) {
        const subs = (c.options ?? []).filter((o: Json) => o.type === 1);
        if (subs.length) for (const sub of subs) out.push(`/${c.name} ${sub.name}`);
        else out.push(`/${c.name}`);
      }
    }
    return [...new Set(out)].sort();
  }

  get where(): string {
    return this.inDm ? 'DM' : `#movie-night`;
  }

  /** Runs one line and returns the transcript of what happened (without the echoed line). */
  async run(line: string): Promise<string> {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return '';
    try {
      const as = /^\/as\s+(\S+)(\s+admin)?$/i.exec(text);
      if (as) {
        this.user = this.discord.user(as[1] ?? '');
        // `/as NAME admin` gives NAME the server's Admin role (Manage Server), so /config and the weekly set-up can be
        // tried; the server owner (`/as owner`) has every permission anyway. Everyone else is a plain member.
        if (as[2]) this.discord.makeAdmin(this.user);
        // Another person sees public messages, but never someone else's private ones.
        if (this.lastWithButtons?.ephemeralFor && this.lastWithButtons.ephemeralFor !== this.user.id) {
          this.lastWithButtons = null;
        }
        const role =
          this.user.id === this.discord.permissions.ownerId
            ? ', the server owner'
            : this.discord.permissions.rolesOf(this.user.id).includes(this.discord.permissions.adminRoleId)
              ? ', an admin (Manage Server)'
              : '';
        return `(you are now ${this.user.global_name}${role}, id ${this.user.id})`;
      }
      const locale = /^\/locale(?:\s+(\S+))?$/i.exec(text);
      if (locale) return this.switchLocale(locale[1]);
      // `/voice join NAME` puts NAME (default: you) in the server's voice channel, `/voice leave NAME` takes them out;
      // the bot hears it as VOICE_STATE_UPDATE (movie-night attendance reads who is there).
      const voice = /^\/voice\s+(join|leave)(?:\s+(\S+))?$/i.exec(text);
      if (voice) return this.voice(voice[1]?.toLowerCase() === 'join', voice[2]);
      if (/^\/dm$/i.test(text) || /^\/server$/i.test(text)) {
        this.inDm = /^\/dm$/i.test(text);
        return `(now talking in ${this.where})`;
      }
      const [metaName = '', ...metaArgs] = text.slice(1).split(/\s+/);
      const meta = text.startsWith('/') ? this.meta[metaName.toLowerCase()] : undefined;
      if (meta) return await meta(this, metaArgs.join(' '));
      const click = /^click\s+(\d+)$/i.exec(text);
      if (click) return await this.click(Number(click[1]));
      const choose = /^choose\s+(none|\d+(?:\s*,\s*\d+)*)$/i.exec(text);
      if (choose) return await this.choose(choose[1] ?? '');
      const vote = /^vote\s+(\d+(?:\s*,\s*\d+)*)$/i.exec(text);
      if (vote) return this.vote((vote[1] ?? '').split(',').map((x) => Number(x.trim())));
      if (text.startsWith('/')) return await this.slash(text);
      return 'Type a slash command like /help, `click N`, `vote N`, `/as NAME` or `/voice join NAME`.';
    } catch (err) {
      return `(!) ${(err as Error).message}`;
    }
  }

  /**
   * `/locale de`: sets the current person's Discord client language, which every interaction they send then carries
   * as `locale` (developers/reference.mdx § Locales lists the codes). `/locale` alone shows it.
   */
  private switchLocale(code: string | undefined): string {
    const name = (l: string) => new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l;
    if (!code) {
      const current = this.discord.clientLocale(this.user);
      return `(${this.user.global_name}'s Discord is in ${name(current)} (${current}))`;
    }
    const match = (Object.values(Locale) as string[]).find((l) => l.toLowerCase() === code.toLowerCase());
    if (!match) throw new Error(`${code} is not a Discord locale; try de, fr, es-ES, pt-BR, ja or en-US`);
    this.discord.setClientLocale(this.user, match);
    return `(${this.user.global_name}'s Discord is now in ${name(match)} (${match}))`;
  }

  private parse(text: string): { path: string; values: Record<string, string> } {
    const body = text.slice(1);
    const firstOpt = body.search(/(^|\s)[A-Za-z][\w-]*:/);
    const head = (firstOpt === -1 ? body : body.slice(0, firstOpt)).trim();
    const rest = firstOpt === -1 ? '' : body.slice(firstOpt).trim();
    const values: Record<string, string> = {};
    if (rest) {
      // Option names start with a letter, so a value like `tomorrow 20:30` stays one value.
      for (const part of rest.split(/\s+(?=[A-Za-z][\w-]*:)/)) {
        const i = part.indexOf(':');
        values[part.slice(0, i)] = part.slice(i + 1).trim();
      }
    }
    return { path: head, values };
  }

  private leafOptions(path: string): Json[] {
    const [name, ...sub] = path.split(/\s+/);
    const command = this.discord.findCommand(name ?? '');
    if (!command) throw new Error(`/${name} is not a command here. Try /help.`);
    let level: Json[] = command.options ?? [];
    for (const part of sub) {
      level = level.find((o: Json) => o.name === part && (o.type === 1 || o.type === 2))?.options ?? [];
    }
    return level;
  }

  private async slash(text: string): Promise<string> {
    const { path, values: typed } = this.parse(text);
    const values: Record<string, unknown> = { ...typed };
    const out: string[] = [];
    const leaf = this.leafOptions(path);
    // `file:@path/to/export.zip` attaches a local file, as a person's client uploads it with the command.
    for (const def of leaf) {
      const raw = typed[def.name];
      if (def.type !== 11 || raw === undefined) continue;
      if (!raw.startsWith('@')) throw new Error(`${def.name} takes a file: ${def.name}:@path/to/file`);
      const file = raw.slice(1);
      values[def.name] = this.discord.attachFile(basename(file), readFileSync(file));
      out.push(`  ↳ ${def.name}: attached ${basename(file)} (${sizeText(readFileSync(file).length)})`);
    }
    for (const def of leaf) {
      const raw = typed[def.name];
      if (!def.autocomplete || raw === undefined || /^\d+$/.test(raw)) continue;
      // `movie:hea?` lists the suggestions without running; `movie:heat#2` takes the second one.
      const listOnly = raw.endsWith('?');
      const pick = /#(\d+)$/.exec(raw);
      const given = raw.replace(/\?$/, '').replace(/#\d+$/, '').trim();
      const choices = await this.discord.autocomplete(this.user, path, { ...values, [def.name]: given }, def.name, {
        dm: this.inDm,
      });
      if (listOnly) {
        out.push(`  suggestions for ${def.name}: “${given}”`);
        for (const [i, c] of choices.entries()) out.push(`    #${i + 1} ${c.name}`);
        if (choices.length === 0) out.push('    (none)');
        return out.join('\n');
      }
      const index = pick ? Number(pick[1]) - 1 : 0;
      const chosen = choices[index];
      if (!chosen && choices.length === 0) {
        // Discord lets a person send what they typed without picking; the bot has to cope with free text.
        out.push(`  ↳ ${def.name}: “${given}” (no suggestions; sent as typed)`);
        values[def.name] = given;
        continue;
      }
      if (!chosen) throw new Error(`no suggestion ${index + 1} for ${def.name}: “${given}”`);
      const others = choices.filter((_, i) => i !== index).slice(0, this.showSuggestions - 1);
      const more = others.length ? `  (also: ${others.map((c) => c.name).join(', ')})` : '';
      out.push(`  ↳ ${def.name}: “${given}” → ${chosen.name}${more}`);
      values[def.name] = String(chosen.value);
    }
    // Like Discord's client, `@name` of someone in the server is sent as a mention (`<@id>`).
    for (const [k, v] of Object.entries(values)) {
      if (typeof v !== 'string') continue;
      values[k] = v.replace(/@(\w+)/g, (whole: string, name: string) => {
        const u = [...this.discord.users.values()].find((x) => x.username === name.toLowerCase());
        return u ? `<@${u.id}>` : whole;
      });
    }
    const dmsBefore = this.discord.dmsTo(this.user.id).length;
    const handle = this.discord.command(this.user, path, values, { dm: this.inDm });
    let messages = await handle.settled();
    if (messages.some((m) => m.content.startsWith(IN_PROGRESS))) {
      await waitUntil(this.discord, () => !handle.messages().some((m) => m.content.startsWith(IN_PROGRESS)), 180_000);
      messages = await handle.settled();
    }
    out.push(...messages.map((m) => this.render(m)));
    // Messages the bot sent to this person's DMs while handling the command (an export, for instance).
    const dms = this.discord.dmsTo(this.user.id).slice(dmsBefore);
    for (const m of dms)
      if (!messages.some((x) => x.id === m.id)) out.push(`  (in your DMs) ${this.render(m).trimStart()}`);
    return out.join('\n');
  }

  private async click(n: number): Promise<string> {
    const source = this.lastWithButtons;
    if (!source) throw new Error('there is no message with buttons to click yet');
    const current = this.discord.messages.get(source.id) ?? source;
    const buttons = this.discordButtons(current);
    const b = buttons[n - 1];
    if (!b) throw new Error(`the last message has ${buttons.length} buttons; there is no [${n}]`);
    if (b.disabled) throw new Error(`[${n}] ${b.label} is disabled`);
    const handle = this.discord.click(this.user, current, b.customId, { dm: current.guild_id === undefined });
    const messages = await handle.settled();
    return [`  (clicked [${n}] ${b.label})`, ...messages.map((m) => this.render(m, m.id === current.id))].join('\n');
  }

  /**
   * Chooses options in the last message's select menu by their numbers (`choose 1,3`; `choose none` clears it): as in
   * Discord, what is sent is the whole selection, so options not named end up unticked.
   */
  private async choose(which: string): Promise<string> {
    const source = this.lastWithSelect;
    if (!source) throw new Error('there is no message with a menu to choose from yet');
    const current = this.discord.messages.get(source.id) ?? source;
    const select = FakeDiscord.selects(current)[0];
    if (!select) throw new Error('the last message with a menu has none any more');
    const numbers = which.toLowerCase() === 'none' ? [] : which.split(',').map((x) => Number(x.trim()));
    const values = numbers.map((n) => {
      const o = select.options[n - 1];
      if (!o) throw new Error(`the menu has ${select.options.length} options; there is no (${n})`);
      return o.value;
    });
    const labels = numbers.map((n) => select.options[n - 1]?.label);
    const handle = this.discord.choose(this.user, current, select.customId, values, {
      dm: current.guild_id === undefined,
    });
    const messages = await handle.settled();
    return [
      `  (chose ${labels.length ? labels.join(', ') : 'nothing'})`,
      ...messages.map((m) => this.render(m, m.id === current.id)),
    ].join('\n');
  }

  private voice(join: boolean, name: string | undefined): string {
    const person = name ? this.discord.user(name.replace(/^@/, '')) : this.user;
    if (!join) {
      const was = this.discord.voiceStates.get(person.id);
      this.discord.leaveVoice(person);
      const channel = was ? this.discord.channel(was.channelId)?.name : undefined;
      return channel ? `  (${person.global_name} left 🔊 ${channel})` : `  (${person.global_name} was not in voice)`;
    }
    this.discord.joinVoice(person);
    const channel = this.discord.channel(this.discord.voiceStates.get(person.id)?.channelId ?? '');
    return `  (${person.global_name} joined 🔊 ${channel?.name})`;
  }

  /** Votes on the latest poll in this channel as the current person (`vote 2`, or `vote 1,3` when multiselect). */
  private vote(answerIds: number[]): string {
    const channelId = this.inDm ? this.discord.dmChannelFor(this.user.id) : this.discord.guild.channelId;
    const poll = this.discord
      .channelMessages(channelId)
      .filter((m) => m.poll)
      .at(-1);
    if (!poll?.poll) throw new Error('there is no poll here to vote on yet');
    this.discord.vote(this.user, poll, answerIds);
    const chosen = poll.poll.answers.filter((a) => answerIds.includes(a.answer_id)).map((a) => a.poll_media.text);
    return `  (${this.user.global_name} voted for ${chosen.join(' and ')})`;
  }

  private discordButtons(m: StoredMessage) {
    const out: { label: string; customId: string; disabled: boolean }[] = [];
    for (const row of m.components ?? []) {
      for (const c of row.components ?? []) {
        if (c.type === 2 && c.custom_id) {
          out.push({
            label: [c.emoji?.name, c.label].filter(Boolean).join(' '),
            customId: c.custom_id,
            disabled: Boolean(c.disabled),
          });
        }
      }
    }
    return out;
  }

  /** Saves an attachment the bot sent under filesDir (once per attachment) and returns the path. */
  private save(a: Json): string {
    const path = join(this.filesDir, a.filename);
    if (!this.saved.has(a.id)) {
      const data = this.discord.fileData(String(a.id));
      if (data) {
        mkdirSync(this.filesDir, { recursive: true });
        writeFileSync(path, data);
        this.saved.add(a.id);
      }
    }
    return path;
  }

  private fileLabel(url: string, m: StoredMessage): string {
    const a = (m.attachments ?? []).find((x: Json) => x.url === url);
    return a ? `the attached ${a.filename}` : url;
  }

  private plain(s: string): string {
    return plainText(s)
      .replace(/<@(\d+)>/g, (_m, id: string) => `@${this.discord.users.get(id)?.username ?? id}`)
      .replace(/<#(\d+)>/g, (_m, id: string) => `#${this.discord.channel(id)?.name ?? id}`)
      .replace(/<t:(\d+):[tTdDfFR]>/g, (_m, t: string) => timestamp(Number(t) * 1000));
  }

  /** A message as text: who can see it, content, embeds as boxes, buttons numbered `[1] 👍`. */
  render(m: StoredMessage, updated = false): string {
    const lines: string[] = [];
    const who = m.ephemeralFor ? 'Marquee (only you can see this)' : 'Marquee';
    lines.push(`${who}${updated ? ' (updated the message above)' : ''}:`);
    for (const l of this.plain(m.content).split('\n')) if (l.trim()) lines.push(`  ${l}`);
    for (const e of m.embeds ?? []) {
      if (e.title) lines.push(`  ┃ ${this.plain(e.title)}`);
      for (const l of this.plain(e.description ?? '').split('\n')) if (l.trim()) lines.push(`  ┃ ${l}`);
      for (const f of e.fields ?? []) lines.push(`  ┃ ${this.plain(f.name)}: ${this.plain(f.value)}`);
      if (e.thumbnail?.url) lines.push(`  ┃ poster: ${e.thumbnail.url}`);
      if (e.image?.url) lines.push(`  ┃ image: ${this.fileLabel(e.image.url, m)}`);
      if (e.footer?.text) lines.push(`  ┃ — ${this.plain(e.footer.text)}`);
    }
    for (const a of m.attachments ?? [])
      lines.push(`  📎 ${a.filename} (${sizeText(a.size)}) saved to ${this.save(a)}`);
    if (m.poll) {
      const counts = new Map<number, number>();
      for (const set of m.poll.votes.values()) for (const id of set) counts.set(id, (counts.get(id) ?? 0) + 1);
      const ended = this.discord.clock.now() >= m.poll.expiry;
      lines.push(
        `  📊 ${m.poll.question.text} (${ended ? 'final results' : `poll open until ${timestamp(m.poll.expiry)}`})`,
      );
      for (const a of m.poll.answers) {
        const c = counts.get(a.answer_id) ?? 0;
        lines.push(`     ${a.poll_media.text} — ${c} vote${c === 1 ? '' : 's'}`);
      }
    }
    let n = 0;
    for (const row of m.components ?? []) {
      const cells: string[] = [];
      for (const c of row.components ?? []) {
        if (c.type !== 2) continue;
        n++;
        const label = [c.emoji?.name, c.label].filter(Boolean).join(' ');
        cells.push(c.disabled ? `[${n}] (${label})` : `[${n}] ${label}`);
      }
      if (cells.length) lines.push(`  ${cells.join('  ')}`);
    }
    const selects = FakeDiscord.selects(m);
    for (const sel of selects) {
      lines.push(`  ▾ ${sel.placeholder} (choose any: \`choose 1,3\`, or \`choose none\`)`);
      const cells = sel.options.map((o, i) => `(${i + 1}) ${o.selected ? '☑' : '☐'} ${o.label}`);
      for (let i = 0; i < cells.length; i += 5) lines.push(`    ${cells.slice(i, i + 5).join('  ')}`);
    }
    if (selects.length > 0) this.lastWithSelect = m;
    if (n > 0) this.lastWithButtons = m;
    return lines.join('\n');
  }
}

function sizeText(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A Discord timestamp as the sandbox shows it: UTC, to the minute. */
function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function plainText(s: string): string {
  return s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}
