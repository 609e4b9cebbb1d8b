declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgAdminUrl: string;
    pgDatabasePrefix: string;
  }
}

export {};
