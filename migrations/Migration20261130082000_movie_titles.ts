import { Migration } from '@mikro-orm/migrations';

export class Migration20261130082000_movie_titles extends Migration {
  override name = 'Migration20261130082000_movie_titles';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "movie_titles" ("movie_id" int not null, "language" varchar(8) not null, "title" varchar(300) not null, "fetched_at" timestamptz not null, primary key ("movie_id", "language"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "movie_titles" cascade;`);
  }
}
