// Puts the command catalogue (./commands.ts) on the command definitions Discord registers, as
// `name_localizations` / `description_localizations` on every command, subcommand and option and `name_localizations`
// on every choice (interactions/application-commands.mdx § Localization). Discord then shows each person the commands
// in their client's language; interactions still arrive with the English names, so nothing else changes.
import { COMMAND_LOCALIZATIONS, type CommandText } from './commands.ts';

/** The part of a command definition this reads and writes (a command, subcommand, group or option). */
export interface CommandNode {
  readonly name: string;
  readonly description?: string;
  readonly options?: readonly CommandNode[];
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
}

/** Path keys of a command tree in catalogue order: `watched`, `watched.add`, `watched.add.movie`, `….choice.VALUE`. */
export function commandPaths(node: CommandNode, prefix = ''): { path: string; kind: 'node' | 'choice' }[] {
  const path = prefix ? `${prefix}.${node.name}` : node.name;
  const out: { path: string; kind: 'node' | 'choice' }[] = [{ path, kind: 'node' }];
  for (const o of node.options ?? []) out.push(...commandPaths(o, path));
  for (const c of node.choices ?? []) out.push({ path: `${path}.choice.${c.value}`, kind: 'choice' });
  return out;
}

function withText<T extends object>(node: T, text: CommandText | undefined, description: boolean): T {
  if (!text) return node;
  return {
    ...node,
    ...(text.name ? { name_localizations: { ...text.name } } : {}),
    ...(description && text.description ? { description_localizations: { ...text.description } } : {}),
  };
}

function localizeNode<T extends CommandNode>(node: T, prefix: string, strings: typeof COMMAND_LOCALIZATIONS): T {
  const path = prefix ? `${prefix}.${node.name}` : node.name;
  const out: CommandNode = {
    ...node,
    ...(node.options ? { options: node.options.map((o) => localizeNode(o, path, strings)) } : {}),
    ...(node.choices
      ? { choices: node.choices.map((c) => withText(c, strings[`${path}.choice.${c.value}`], false)) }
      : {}),
  };
  return withText(out, strings[path], true) as T;
}

/** A copy of `command` with every localization the catalogue has for it. */
export function localizeCommand<T extends CommandNode>(command: T, strings = COMMAND_LOCALIZATIONS): T {
  return localizeNode(command, '', strings);
}
