// German. Glossary: docs/i18n-glossary.md. Informal "du", as Discord itself writes German.
import type { Messages } from './index.ts';

export const de: Messages = {
  'failure.option_missing':
    'Für `{option}` habe ich keinen brauchbaren Wert bekommen. Füll das Feld aus (oder wähl einen Vorschlag) und versuch es noch einmal.',
  'failure.options_incomplete':
    'Der Befehl kam ohne alle seine Optionen an. Bitte starte ihn noch einmal aus Discords Befehlsliste.',
  'failure.database_unavailable':
    'Ich erreiche meine Datenbank gerade nicht – vielleicht startet sie neu. Bitte versuch es gleich noch einmal.',
  'failure.bug':
    'Bei mir ist etwas schiefgelaufen, tut mir leid. Wenn das öfter passiert, nenn bitte die Fehler-ID `{errorId}`.',
  'failure.restarting': 'Ich starte gerade neu. Bitte versuch es gleich noch einmal.',
  'failure.unknown_command': 'Diesen Befehl kenne ich nicht mehr. Vielleicht wurde er umbenannt.',
  'failure.too_slow':
    'Entschuldige, das dauert bei mir viel länger als es sollte. Bitte versuch es gleich noch einmal.',
};
