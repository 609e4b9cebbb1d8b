// What an autocomplete answer may hold. interactions/receiving-and-responding.mdx § Interaction Callback Data
// Structure (Autocomplete: max 25 choices) and interactions/application-commands.mdx § Application Command Option
// Choice Structure (name 1-100 characters; value up to 100 characters if a string, typed like its option).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';

/** `option`: the definition of the focused option, whose type each choice's value must have. */
export function validateChoices(choices: Json, option?: Json): void {
  const errors = new FormErrors();
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    errors.throwIfAny();
  }
  if (choices.length > 25) errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((c: Json, i: number) => {
    const at = ['data', 'choices', i];
    errors.length([...at, 'name'], c?.name, 1, 100);
    checkChoiceValue([...at, 'value'], c?.value, option?.type, errors);
  });
  errors.throwIfAny();
}

/** A choice value of the option's type: string ≤ 100 characters, a safe integer, or a finite number. */
export function checkChoiceValue(
  at: (string | number)[],
  value: unknown,
  type: ApplicationCommandOptionType | undefined,
  errors: FormErrors,
): void {
  if (type === ApplicationCommandOptionType.Integer) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      errors.add(at, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
    }
  } else if (type === ApplicationCommandOptionType.Number) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.add(at, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not a valid number.`);
    }
  } else if (type === ApplicationCommandOptionType.String || type === undefined) {
    if (type === undefined && typeof value === 'number') return;
    errors.length(at, value, 1, 100);
  }
}
