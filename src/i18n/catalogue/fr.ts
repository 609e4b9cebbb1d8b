// French. Glossary: docs/i18n-glossary.md. "Tu", as Discord's French interface addresses people.
import type { Messages } from './index.ts';

export const fr: Messages = {
  'failure.option_missing':
    "Je n'ai pas reçu de valeur utilisable pour `{option}`. Remplis-la (ou choisis une suggestion) et réessaie.",
  'failure.options_incomplete':
    'Cette commande est arrivée sans toutes ses options. Relance-la depuis la liste des commandes de Discord.',
  'failure.database_unavailable':
    "Je n'arrive pas à joindre ma base de données pour le moment ; elle redémarre peut-être. Réessaie dans un instant.",
  'failure.bug':
    "Quelque chose s'est mal passé de mon côté, désolé. Si ça se reproduit, indique l'identifiant d'erreur `{errorId}`.",
  'failure.restarting': 'Je redémarre en ce moment. Réessaie dans un instant.',
  'failure.unknown_command': 'Je ne connais plus cette commande. Elle a peut-être été renommée.',
  'failure.too_slow': 'Désolé, ça prend beaucoup plus de temps que prévu de mon côté. Réessaie dans un instant.',
};
