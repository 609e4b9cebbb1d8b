import { Migration } from '@mikro-orm/migrations';

export class Migration20261130014033_blend_weights_and_taste_version extends Migration {
  override name = 'Migration20261130014033_blend_weights_and_taste_version';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "blend_weights" ("scope" varchar(16) not null, "version" varchar(64) not null, "weights" jsonb not null, "updated_at" timestamptz not null, primary key ("scope"));`,
    );

    this.addSql(
      `create table "user_blend_weights" ("user_id" varchar(32) not null, "weights" jsonb not null, primary key ("user_id"));`,
    );

    this.addSql(`alter table "users" add "taste_version" int not null default 0;`);

    this.addSql(
      `alter table "user_blend_weights" add constraint "user_blend_weights_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "blend_weights" cascade;`);
    this.addSql(`drop table if exists "user_blend_weights" cascade;`);

    this.addSql(`alter table "users" drop column "taste_version";`);
  }
}
