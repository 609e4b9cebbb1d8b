import { Migration } from '@mikro-orm/migrations';

export class Migration20261130021120_title_key_index extends Migration {
  override name = 'Migration20261130021120_title_key_index';

  override up(): void | Promise<void> {
    this.addSql(`drop index "movies_title_prefix_index";`);
    this.addSql(
      `create index "movies_title_key_index" on "movies" (lower(regexp_replace(normalize("title", NFD), E'[\\u0300-\\u036f \\u00a0\\u2009\\t\\n!-/:-@\\[-\`{-~·’‘“”–—…]', '', 'g')) text_pattern_ops);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "movies_title_key_index";`);
    this.addSql(
      `CREATE INDEX movies_title_prefix_index ON public.movies USING btree (lower((title)::text) text_pattern_ops);`,
    );
  }
}
