import type { FieldIssue, FieldIssueCode } from '../../core/errors.ts';
import { FIELD_ISSUES } from '../../core/errors.schemas.ts';

/** One failed check as fastify-type-provider-zod reports it: the zod issue's code and the rest of the issue. */
export type ZodValidationEntry = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

const SIZE_ISSUES: Record<'too_small' | 'too_big', Record<string, FieldIssueCode>> = {
  too_small: { string: 'too_short', number: 'too_small', int: 'too_small', bigint: 'too_small', array: 'too_few', set: 'too_few' },
  too_big: { string: 'too_long', number: 'too_big', int: 'too_big', bigint: 'too_big', array: 'too_many', set: 'too_many' },
};

const isFieldIssue = (value: unknown): value is FieldIssueCode => typeof value === 'string' && Object.hasOwn(FIELD_ISSUES, value);

/**
 * A zod issue as a field issue a client can translate: its kind and the numbers it needs. A
 * refinement names its issue in `params.issue`; anything without a translation of its own is `invalid`.
 */
export function fieldIssueOf(entry: ZodValidationEntry): Pick<FieldIssue, 'issue' | 'params'> {
  const p = entry.params ?? {};
  switch (entry.keyword) {
    case 'too_small':
    case 'too_big': {
      const issue = SIZE_ISSUES[entry.keyword][String(p.origin)];
      const bound = entry.keyword === 'too_small' ? p.minimum : p.maximum;
      if (!issue || p.inclusive === false || (typeof bound !== 'number' && typeof bound !== 'bigint')) return { issue: 'invalid' };
      if (issue === 'too_short' && Number(bound) === 1) return { issue: 'required' };
      return { issue, params: entry.keyword === 'too_small' ? { minimum: Number(bound) } : { maximum: Number(bound) } };
    }
    case 'invalid_format':
      return { issue: p.format === 'email' ? 'invalid_email' : p.format === 'url' ? 'invalid_url' : 'invalid' };
    case 'invalid_value':
      return { issue: 'invalid_option' };
    case 'custom': {
      const named = (p.params as { issue?: unknown } | undefined)?.issue;
      return { issue: isFieldIssue(named) && Object.keys(FIELD_ISSUES[named] as object).length === 0 ? named : 'invalid' };
    }
    default:
      return { issue: 'invalid' };
  }
}
