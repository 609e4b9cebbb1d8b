import { Migration } from '@mikro-orm/migrations';

export class Migration20261130080500_guild_discord_locale extends Migration {
  override name = 'Migration20261130080500_guild_discord_locale';

  override up(): void | Promise<void> {
    this.addSql(`alter table "guild_settings" add "discord_locale" varchar(16) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "guild_settings" drop column "discord_locale";`);
  }
}
