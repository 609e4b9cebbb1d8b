import { Migration } from '@mikro-orm/migrations';

export class Migration20261130073252_movie_alternative_titles extends Migration {
  override name = 'Migration20261130073252_movie_alternative_titles';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "movie_alternative_titles" ("movie_id" int not null, "title" varchar(300) not null, primary key ("movie_id", "title"));`,
    );
    this.addSql(
      `create index "movie_alternative_titles_key_index" on "movie_alternative_titles" (lower(regexp_replace(normalize("title", NFD), E'[\\u0300-\\u036f \\u00a0\\u2009\\t\\n!-/:-@\\[-\`{-~·’‘“”–—…]', '', 'g')) text_pattern_ops);`,
    );

    this.addSql(
      `alter table "movie_alternative_titles" add constraint "movie_alternative_titles_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
    // Films fetched before details carried alternative titles are due now: the background refresher (paced,
    // TMDB_REFRESH_BATCH a run) re-fetches them, alternative titles included. Their rows keep serving meanwhile.
    this.addSql(
      `update "movies" set "expires_at" = now() where "fetched_at" is not null and ("expires_at" is null or "expires_at" > now());`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "movie_alternative_titles" cascade;`);
  }
}
