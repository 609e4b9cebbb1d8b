import { Migration } from '@mikro-orm/migrations';

export class Migration20261130024609_rate_limit_uses extends Migration {
  override name = 'Migration20261130024609_rate_limit_uses';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "rate_limit_uses" ("id" serial primary key, "bucket" varchar(32) not null, "user_id" varchar(32) not null, "used_at" timestamptz not null);`,
    );
    this.addSql(`create index "rate_limit_uses_key_index" on "rate_limit_uses" ("bucket", "user_id", "used_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_limit_uses" cascade;`);
  }
}
