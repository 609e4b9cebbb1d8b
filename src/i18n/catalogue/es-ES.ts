// Spanish (Spain). Glossary: docs/i18n-glossary.md. "Tú", as Discord's Spanish interface addresses people.
import type { Messages } from './index.ts';

export const esES: Messages = {
  'failure.option_missing':
    'No me ha llegado un valor válido para `{option}`. Rellénalo (o elige una sugerencia) y vuelve a intentarlo.',
  'failure.options_incomplete':
    'Ese comando ha llegado sin todas sus opciones. Vuelve a lanzarlo desde la lista de comandos de Discord.',
  'failure.database_unavailable':
    'Ahora mismo no puedo acceder a mi base de datos; puede que se esté reiniciando. Inténtalo de nuevo en un momento.',
  'failure.bug': 'Algo ha fallado por mi parte, lo siento. Si vuelve a pasar, menciona el ID de error `{errorId}`.',
  'failure.restarting': 'Me estoy reiniciando ahora mismo. Inténtalo de nuevo en un momento.',
  'failure.unknown_command': 'Ya no conozco ese comando. Puede que le hayan cambiado el nombre.',
  'failure.too_slow':
    'Lo siento, esto está tardando mucho más de lo normal por mi parte. Inténtalo de nuevo en un momento.',
};
