declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgAdminUrl: string;
    pgDatabasePrefix: string;
    /** The migrated PGlite dump made once per run (test/support/pglite-template-setup.ts); unset on PostgreSQL. */
    pgliteTemplatePath?: string;
  }
}

export {};
