import { Migration } from '@mikro-orm/migrations';

export class Migration20261130010701_watchlist extends Migration {
  override name = 'Migration20261130010701_watchlist';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "watchlist" ("id" bigserial primary key, "user_id" varchar(32) not null, "movie_id" int not null, "source" varchar(32) not null, "added_at" timestamptz not null);`,
    );
    this.addSql(`create index "watchlist_user_added_at_index" on "watchlist" ("user_id", "added_at");`);
    this.addSql(`alter table "watchlist" add constraint "watchlist_user_movie_unique" unique ("user_id", "movie_id");`);

    this.addSql(
      `alter table "watchlist" add constraint "watchlist_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "watchlist" add constraint "watchlist_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "watchlist" cascade;`);
  }
}
