import { Migration } from '@mikro-orm/migrations';

export class Migration20261130052448_movies_related extends Migration {
  override name = 'Migration20261130052448_movies_related';

  override up(): void | Promise<void> {
    this.addSql(`alter table "movies" add column "related" jsonb not null default '[]';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "movies" drop column "related";`);
  }
}
