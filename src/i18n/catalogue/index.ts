// Every locale's catalogue. English is the typed source; the others are partial at compile time (so a new English
// string never breaks the build) and complete by test (test/unit/i18n-catalogue.test.ts).
import type { Locale } from '../locales.ts';
import { de } from './de.ts';
import { enUS } from './en-US.ts';
import { esES } from './es-ES.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { ptBR } from './pt-BR.ts';

export type MessageKey = keyof typeof enUS;

/** A translation: any subset of the English keys (an unknown key is a compile error: no misspelt translations). */
export type Messages = { readonly [K in MessageKey]?: string };

export const CATALOGUES: Readonly<Record<Locale, Messages>> = {
  'en-US': enUS,
  de,
  fr,
  'es-ES': esES,
  'pt-BR': ptBR,
  ja,
};
