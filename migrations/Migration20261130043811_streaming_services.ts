import { Migration } from '@mikro-orm/migrations';

export class Migration20261130043811_streaming_services extends Migration {
  override name = 'Migration20261130043811_streaming_services';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "user_streaming_services" ("user_id" varchar(32) not null, "provider_id" int not null, "provider_name" varchar(100) not null, "added_at" timestamptz not null, primary key ("user_id", "provider_id"));`,
    );

    this.addSql(
      `create table "watch_offers" ("movie_id" int not null, "region" varchar(2) not null, "link" varchar(300) null, "offers" jsonb not null, "fetched_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("movie_id", "region"));`,
    );
    this.addSql(`create index "watch_offers_expires_at_index" on "watch_offers" ("expires_at");`);

    this.addSql(`alter table "watchlist" add "reminded_at" timestamptz null;`);

    this.addSql(
      `alter table "user_streaming_services" add constraint "user_streaming_services_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "watch_offers" add constraint "watch_offers_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "user_streaming_services" cascade;`);
    this.addSql(`drop table if exists "watch_offers" cascade;`);

    this.addSql(`alter table "watchlist" drop column "reminded_at";`);
  }
}
