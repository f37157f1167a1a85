import { z } from 'zod';

/**
 * What a tier gives, from a typed list (other modules read the typed ones: the store's discount,
 * the festival's early access, events' priority) plus free text for the membership page.
 */
export const perkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('members_only_articles') }),
  /** Festival sales open this many minutes early for the tier (up to a week). */
  z.object({ kind: z.literal('early_access'), minutes: z.number().int().min(1).max(10_080) }),
  /** A store discount for the tier, in percent. */
  z.object({ kind: z.literal('store_discount'), percent: z.number().int().min(1).max(90) }),
  z.object({ kind: z.literal('event_priority') }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(200) }),
]);
export type Perk = z.infer<typeof perkSchema>;
export const PERK_KINDS = perkSchema.options.map((o) => o.shape.kind.value);

/** At most one of each typed perk; free-text ones may repeat. */
export const perksSchema = z
  .array(perkSchema)
  .max(20)
  .refine((perks) => {
    const typed = perks.filter((p) => p.kind !== 'text').map((p) => p.kind);
    return new Set(typed).size === typed.length;
  }, 'each kind of perk at most once (free-text perks may repeat)');
