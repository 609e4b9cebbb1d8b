import { Migration } from '@mikro-orm/migrations';

export class Migration20261130020645_users_dm_channel_id extends Migration {
  override name = 'Migration20261130020645_users_dm_channel_id';

  override up(): void | Promise<void> {
    this.addSql(`alter table "users" add "dm_channel_id" varchar(32) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop column "dm_channel_id";`);
  }
}
