// Japanese. Glossary: docs/i18n-glossary.md. Polite です/ます style, as Discord's Japanese interface writes.
import type { Messages } from './index.ts';

export const ja: Messages = {
  'failure.option_missing':
    '`{option}` に使える値が届きませんでした。入力する（または候補から選ぶ）と、もう一度お試しください。',
  'failure.options_incomplete':
    'コマンドのオプションがすべて届きませんでした。Discord のコマンド一覧からもう一度実行してください。',
  'failure.database_unavailable':
    '今はデータベースに接続できません。再起動中かもしれません。少し待ってからもう一度お試しください。',
  'failure.bug':
    'こちらで問題が発生しました。申し訳ありません。繰り返し起きる場合は、エラー ID `{errorId}` をお知らせください。',
  'failure.restarting': 'ただいま再起動中です。少し待ってからもう一度お試しください。',
  'failure.unknown_command': 'そのコマンドはもう使えません。名前が変わった可能性があります。',
  'failure.too_slow':
    '申し訳ありません、こちらの処理に時間がかかりすぎています。少し待ってからもう一度お試しください。',
};
