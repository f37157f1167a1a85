/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of `values`, sent as ONE text parameter and cast
 * in SQL (`${pgArray(ids)}::uuid[]`): many rows' column in one parameter for `unnest(…)`, without
 * JSON to build and parse. Every element is quoted, `"` and `\` escaped; null is NULL.
 */
export function pgArray(values: readonly (string | number | bigint | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}
