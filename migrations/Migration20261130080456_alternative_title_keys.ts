import { Migration } from '@mikro-orm/migrations';

export class Migration20261130080456_alternative_title_keys extends Migration {
  override name = 'Migration20261130080456_alternative_title_keys';

  override up(): void | Promise<void> {
    // The key is stored (src/title-key.ts titleKey) instead of an expression index computed per row: a "contains"
    // match must not run the key's regular expression over every alternative title. Rows already there get the same
    // key from its SQL form (titleKeySql, which test/integration/title-search.test.ts holds equal to titleKey).
    this.addSql(`alter table "movie_alternative_titles" drop constraint "movie_alternative_titles_pkey";`);
    this.addSql(`alter table "movie_alternative_titles" add "key" varchar(300) null;`);
    this.addSql(
      `update "movie_alternative_titles" set "key" = lower(regexp_replace(normalize("title", NFD), E'[\\u0300-\\u036f \\u00a0\\u2009\\t\\n!-/:-@\\[-\`{-~·’‘“”–—…]', '', 'g'));`,
    );
    this.addSql(`delete from "movie_alternative_titles" where "key" = '';`);
    this.addSql(`alter table "movie_alternative_titles" alter column "key" set not null;`);
    this.addSql(`alter table "movie_alternative_titles" add primary key ("movie_id", "key");`);
    this.addSql(`drop index "movie_alternative_titles_key_index";`);
    this.addSql(
      `create index "movie_alternative_titles_key_index" on "movie_alternative_titles" ("key" text_pattern_ops);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "movie_alternative_titles_key_index";`);
    this.addSql(`alter table "movie_alternative_titles" drop constraint "movie_alternative_titles_pkey";`);
    this.addSql(`alter table "movie_alternative_titles" drop column "key";`);
    this.addSql(`alter table "movie_alternative_titles" add primary key ("movie_id", "title");`);
    this.addSql(
      `create index "movie_alternative_titles_key_index" on "movie_alternative_titles" (lower(regexp_replace(normalize("title", NFD), E'[\\u0300-\\u036f \\u00a0\\u2009\\t\\n!-/:-@\\[-\`{-~·’‘“”–—…]', '', 'g')) text_pattern_ops);`,
    );
  }
}
