import { Migration } from '@mikro-orm/migrations';

export class Migration20261130051800_locale_settings extends Migration {
  override name = 'Migration20261130051800_locale_settings';

  override up(): void | Promise<void> {
    this.addSql(`alter table "guild_settings" add "language" varchar(8) null;`);

    this.addSql(`alter table "users" add "locale_override" varchar(8) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "guild_settings" drop column "language";`);

    this.addSql(`alter table "users" drop column "locale_override";`);
  }
}
