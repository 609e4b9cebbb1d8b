// What an autocomplete answer may hold. interactions/receiving-and-responding.mdx § Interaction Callback Data
// Structure (Autocomplete) and interactions/application-commands.mdx § Application Command Option Choice Structure.
import { FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';

export function validateChoices(choices: Json): void {
  const errors = new FormErrors();
  if (!Array.isArray(choices) || choices.length > 25) {
    errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    errors.throwIfAny();
  }
  choices.forEach((c: Json, i: number) => {
    errors.length(['data', 'choices', i, 'name'], c?.name, 1, 100);
  });
  errors.throwIfAny();
}
