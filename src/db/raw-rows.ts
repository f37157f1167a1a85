import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Reads rows of raw SQL (`db.execute`: snake_case names, driver values) of `table` into the shape
 * Drizzle's own selects return (camelCase keys, mapped values), for repositories whose statement
 * Drizzle's builder cannot express (a CTE around an UPDATE, `jsonb_to_recordset`).
 */
export function rawRowReader<T extends Table>(table: T): (raw: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };
}
