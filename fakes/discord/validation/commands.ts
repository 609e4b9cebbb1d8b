// What Discord accepts when an application registers its commands. interactions/application-commands.mdx
// § Application Command Object (Application Command Naming, Application Command Structure, Option Structure).
import { ApplicationCommandType } from 'discord-api-types/v10';
import { FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';

/** Throws 400 50035 with every problem of the bulk-overwrite body `commands`. */
export function validateCommands(commands: Json): void {
  const errors = new FormErrors();
  if (!Array.isArray(commands)) {
    errors.add([], 'BASE_TYPE_LIST', 'Must be a list.');
    errors.throwIfAny();
  }
  commands.forEach((c: Json, i: number) => {
    // § Application Command Naming
    if (typeof c?.name !== 'string' || !/^[-_\p{L}\p{N}]{1,32}$/u.test(c.name)) {
      errors.add([i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    if ((c?.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput) {
      errors.length([i, 'description'], c?.description, 1, 100);
    }
  });
  errors.throwIfAny();
}
