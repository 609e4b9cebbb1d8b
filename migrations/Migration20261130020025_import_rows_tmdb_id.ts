import { Migration } from '@mikro-orm/migrations';

export class Migration20261130020025_import_rows_tmdb_id extends Migration {
  override name = 'Migration20261130020025_import_rows_tmdb_id';

  override up(): void | Promise<void> {
    this.addSql(`alter table "import_rows" add "tmdb_id" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "import_rows" drop column "tmdb_id";`);
  }
}
