/** PostgreSQL error codes, read through driver and ORM wrappers. */
function pgCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown): boolean => pgCode(err) === '23505';

/** A row another table still refers to: a foreign key's NO ACTION (23503) or RESTRICT (23001). */
export const isForeignKeyViolation = (err: unknown): boolean => pgCode(err) === '23503' || pgCode(err) === '23001';

/** The constraint a unique violation names (such as `store_variants_sku_key`), read through the same wrappers. */
export function violatedConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
