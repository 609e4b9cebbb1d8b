import { Migration } from '@mikro-orm/migrations';

export class Migration20261130045434_model_snapshots extends Migration {
  override name = 'Migration20261130045434_model_snapshots';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "model_snapshots" ("name" varchar(32) not null, "version" varchar(64) null, "built_at" timestamptz null, "build_ms" int null, "payload" bytea null, "lease_holder" varchar(64) null, "lease_until" timestamptz null, primary key ("name"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "model_snapshots" cascade;`);
  }
}
