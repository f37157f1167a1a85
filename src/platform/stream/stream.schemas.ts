import { z } from 'zod';

/** How far each consumer of the activity stream is behind: figures derived from it are that late. */
export const streamStatusDto = z.object({
  consumers: z.array(
    z.object({
      consumer: z.string(),
      /** Activities recorded but not applied yet (counted up to 100,000). */
      pending: z.number().int(),
      /** For how long this consumer has had activities waiting, as this instance saw it. */
      lagSeconds: z.number(),
    }),
  ),
  /** Whether any derived figure (analytics, article counters, loyalty) is still catching up. */
  behind: z.boolean(),
});
export type StreamStatusDto = z.infer<typeof streamStatusDto>;
