import { Migration } from '@mikro-orm/migrations';

export class Migration20261130023206_users_dm_pause extends Migration {
  override name = 'Migration20261130023206_users_dm_pause';

  override up(): void | Promise<void> {
    this.addSql(`alter table "users" add "dm_paused_at" timestamptz null, add "dm_pause_noticed_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop column "dm_paused_at", drop column "dm_pause_noticed_at";`);
  }
}
