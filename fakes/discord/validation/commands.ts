// What Discord accepts when an application registers its commands. interactions/application-commands.mdx
// § Application Command Object (Naming, Structure, Option Structure, Option Choice Structure), § Slash Commands (the
// 8,000-character budget), § Subcommands and Subcommand Groups, § Localization.
import { ApplicationCommandType, Locale, ApplicationCommandOptionType as O } from 'discord-api-types/v10';
import { type FieldPath, FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';
import { checkChoiceValue } from './autocomplete.ts';

// § Application Command Naming: CHAT_INPUT command and option names.
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const BUDGET = 8000;
const VALUED = new Set<number>([O.String, O.Integer, O.Number]);

/** Throws 400 50035 with every problem of the bulk-overwrite body `commands`. */
export function validateCommands(commands: Json): void {
  const errors = new FormErrors();
  if (!Array.isArray(commands)) {
    errors.add([], 'BASE_TYPE_LIST', 'Must be a list.');
    errors.throwIfAny();
  }
  const names = new Set<string>();
  commands.forEach((c: Json, i: number) => {
    const type = c?.type ?? ApplicationCommandType.ChatInput;
    const chat = type === ApplicationCommandType.ChatInput;
    checkName(errors, [i], c?.name, chat);
    checkLocalized(errors, [i, 'name_localizations'], c?.name_localizations, (at, v) => checkName(errors, at, v, chat));
    const key = `${type}:${c?.name}`;
    if (names.has(key))
      errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    names.add(key);
    if (chat) {
      // § Application Command Structure: description 1-100 characters for CHAT_INPUT.
      errors.length([i, 'description'], c?.description, 1, 100);
      checkLocalized(errors, [i, 'description_localizations'], c?.description_localizations, (at, v) =>
        errors.length(at, v, 1, 100),
      );
      if (c?.options != null) checkOptions(errors, [i, 'options'], c.options, 0);
      // § Slash Commands: at most 8,000 characters of names, descriptions and values per command, counting only the
      // longest localization of each field.
      if (budget(c) > BUDGET) {
        errors.add([i], 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${BUDGET})`);
      }
    } else {
      // § Application Command Structure: options only for CHAT_INPUT; description empty for USER and MESSAGE.
      if (c?.options != null)
        errors.add([i, 'options'], 'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED', 'Only CHAT_INPUT commands have options');
      if (c?.description) errors.add([i, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be empty for this command type');
    }
  });
  errors.throwIfAny();
}

function checkName(errors: FormErrors, at: FieldPath, name: unknown, chat: boolean): void {
  const where = typeof at[at.length - 1] === 'number' ? [...at, 'name'] : at;
  if (typeof name !== 'string') {
    errors.add(where, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (!chat) {
    errors.length(where, name, 1, 32);
    return;
  }
  // § Application Command Naming: the regex, and lowercase wherever a letter has a lowercase form.
  if (!NAME.test(name) || name !== name.toLowerCase()) {
    errors.add(where, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

// § Localization: keys are Discord locales; values follow the field's own rules.
function checkLocalized(
  errors: FormErrors,
  at: FieldPath,
  dict: unknown,
  check: (at: FieldPath, value: unknown) => void,
): void {
  if (dict == null) return;
  if (typeof dict !== 'object') {
    errors.add(at, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  for (const [locale, value] of Object.entries(dict)) {
    if (!LOCALES.has(locale)) errors.add([...at, locale], 'LOCALE_INVALID', `"${locale}" is not a valid locale`);
    else check([...at, locale], value);
  }
}

function checkOptions(errors: FormErrors, at: FieldPath, options: Json, depth: number): void {
  if (!Array.isArray(options)) {
    errors.add(at, 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  // § Application Command Structure: max 25 options (and up to 25 subcommands or groups).
  if (options.length > 25) errors.add(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const subs = options.filter((o: Json) => o?.type === O.Subcommand || o?.type === O.SubcommandGroup).length;
  // § Subcommands and Subcommand Groups: a command with subcommands has no options of its own.
  if (subs > 0 && subs < options.length) {
    errors.add(
      at,
      'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      'Sub-command and sub-command group option types are mutually exclusive to all other types',
    );
  }
  checkLocalizedNamesDistinct(errors, at, options);
  const seen = new Set<string>();
  let optionalSeen = false;
  options.forEach((o: Json, i: number) => {
    const here = [...at, i];
    checkName(errors, [...here, 'name'], o?.name, true);
    if (typeof o?.name === 'string') {
      // § Application Command Option Structure: names unique within the array.
      if (seen.has(o.name))
        errors.add([...here, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE', 'Option names must be unique');
      seen.add(o.name);
    }
    errors.length([...here, 'description'], o?.description, 1, 100);
    checkLocalized(errors, [...here, 'name_localizations'], o?.name_localizations, (a, v) =>
      checkName(errors, a, v, true),
    );
    checkLocalized(errors, [...here, 'description_localizations'], o?.description_localizations, (a, v) =>
      errors.length(a, v, 1, 100),
    );
    const type = o?.type;
    if (type === O.Subcommand || type === O.SubcommandGroup) {
      // A group holds subcommands only, and nests one level: command → group → subcommand → options.
      if (type === O.SubcommandGroup && depth > 0)
        errors.add([...here, 'type'], 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Groups cannot be nested');
      if (type === O.Subcommand && depth > 1)
        errors.add([...here, 'type'], 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Too deeply nested');
      if (o.options != null) {
        if (type === O.SubcommandGroup && o.options.some((x: Json) => x?.type !== O.Subcommand)) {
          errors.add(
            [...here, 'options'],
            'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
            'A group holds only subcommands',
          );
        }
        checkOptions(errors, [...here, 'options'], o.options, depth + 1);
      }
      return;
    }
    if (!Object.values(O).includes(type)) errors.add([...here, 'type'], 'BASE_TYPE_CHOICES', 'Invalid option type');
    // § Application Command Option Structure (warning): required options come before optional ones.
    if (o.required) {
      if (optionalSeen)
        errors.add(
          [...here, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
    } else optionalSeen = true;
    if (o.choices != null) {
      if (!VALUED.has(type))
        errors.add(
          [...here, 'choices'],
          'APPLICATION_COMMAND_OPTION_INVALID_FIELD',
          'Only string, integer and number options have choices',
        );
      // ** autocomplete may not be set to true if choices are present.
      if (o.autocomplete)
        errors.add(
          [...here, 'autocomplete'],
          'APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES',
          'Autocomplete cannot be set with choices',
        );
      if (!Array.isArray(o.choices) || o.choices.length > 25) {
        errors.add([...here, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      } else {
        o.choices.forEach((c: Json, k: number) => {
          errors.length([...here, 'choices', k, 'name'], c?.name, 1, 100);
          checkLocalized(errors, [...here, 'choices', k, 'name_localizations'], c?.name_localizations, (a, v) =>
            errors.length(a, v, 1, 100),
          );
          checkChoiceValue([...here, 'choices', k, 'value'], c?.value, type, errors);
        });
      }
    }
    if (o.autocomplete && !VALUED.has(type)) {
      errors.add(
        [...here, 'autocomplete'],
        'APPLICATION_COMMAND_OPTION_INVALID_FIELD',
        'Only string, integer and number options autocomplete',
      );
    }
    for (const bound of ['min_value', 'max_value'] as const) {
      if (o[bound] == null) continue;
      if (type !== O.Integer && type !== O.Number)
        errors.add(
          [...here, bound],
          'APPLICATION_COMMAND_OPTION_INVALID_FIELD',
          `${bound} is only for integer and number options`,
        );
      else if (typeof o[bound] !== 'number' || (type === O.Integer && !Number.isInteger(o[bound]))) {
        errors.add(
          [...here, bound],
          'NUMBER_TYPE_COERCE',
          `${bound} must be ${type === O.Integer ? 'an integer' : 'a number'}`,
        );
      }
    }
    if (typeof o.min_value === 'number' && typeof o.max_value === 'number' && o.min_value > o.max_value) {
      errors.add([...here, 'min_value'], 'NUMBER_TYPE_MAX', 'min_value must not exceed max_value');
    }
    for (const [bound, lo] of [
      ['min_length', 0],
      ['max_length', 1],
    ] as const) {
      if (o[bound] == null) continue;
      if (type !== O.String)
        errors.add([...here, bound], 'APPLICATION_COMMAND_OPTION_INVALID_FIELD', `${bound} is only for string options`);
      else if (!Number.isInteger(o[bound]) || o[bound] < lo || o[bound] > 6000) {
        errors.add([...here, bound], 'NUMBER_TYPE_MAX', `${bound} must be between ${lo} and 6000`);
      }
    }
    if (Number.isInteger(o.min_length) && Number.isInteger(o.max_length) && o.min_length > o.max_length) {
      errors.add([...here, 'min_length'], 'NUMBER_TYPE_MAX', 'min_length must not exceed max_length');
    }
  });
}

/**
 * § Localization: a localized option name must differ from the other options' default names and from their names in
 * the same locale (siblings in one options array: the names a person picks from at that point).
 */
function checkLocalizedNamesDistinct(errors: FormErrors, at: FieldPath, options: Json[]): void {
  const defaults = options.map((o: Json) => o?.name);
  options.forEach((o: Json, i: number) => {
    for (const [locale, name] of Object.entries((o?.name_localizations ?? {}) as Record<string, unknown>)) {
      const clash = options.some(
        (other: Json, j: number) => j !== i && (defaults[j] === name || other?.name_localizations?.[locale] === name),
      );
      if (clash) {
        errors.add(
          [...at, i, 'name_localizations', locale],
          'APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE',
          'Localized option names must be unique',
        );
      }
    }
  });
}

/** § Slash Commands: names, descriptions and (string) values, the longest localization of each field counted. */
export function commandSize(node: Json): number {
  return budget(node);
}

function budget(node: Json): number {
  const longest = (base: unknown, loc: unknown) =>
    Math.max(
      typeof base === 'string' ? base.length : 0,
      ...Object.values((loc as Record<string, unknown>) ?? {}).map((v) => (typeof v === 'string' ? v.length : 0)),
    );
  let n = longest(node?.name, node?.name_localizations) + longest(node?.description, node?.description_localizations);
  if (node?.value !== undefined) n += String(node.value).length;
  for (const o of node?.options ?? []) n += budget(o);
  for (const c of node?.choices ?? []) n += budget(c);
  return n;
}
