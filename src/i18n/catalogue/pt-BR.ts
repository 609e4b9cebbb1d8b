// Brazilian Portuguese. Glossary: docs/i18n-glossary.md. "Você", as Discord's Brazilian interface addresses people.
import type { Messages } from './index.ts';

export const ptBR: Messages = {
  'failure.option_missing':
    'Não recebi um valor válido para `{option}`. Preencha o campo (ou escolha uma sugestão) e tente de novo.',
  'failure.options_incomplete':
    'Esse comando chegou sem todas as opções. Execute-o de novo pela lista de comandos do Discord.',
  'failure.database_unavailable':
    'Não consigo acessar meu banco de dados agora — ele pode estar reiniciando. Tente de novo daqui a pouco.',
  'failure.bug': 'Algo deu errado do meu lado, desculpe. Se continuar acontecendo, informe o ID de erro `{errorId}`.',
  'failure.restarting': 'Estou reiniciando agora. Tente de novo daqui a pouco.',
  'failure.unknown_command': 'Não conheço mais esse comando. Talvez ele tenha sido renomeado.',
  'failure.too_slow':
    'Desculpe, isso está demorando muito mais do que deveria do meu lado. Tente de novo daqui a pouco.',
};
