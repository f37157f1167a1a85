import { z } from 'zod';

/** Field schemas shared by every module and by the web app's forms. */
export const emailField = z
  .email('must be a valid email address')
  .max(254)
  .transform((v) => v.trim().toLowerCase());

export const passwordField = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');

export const nameField = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

export const uuidParam = z.object({ id: z.uuid('must be a valid id') });

export const isoDate = z.iso.datetime();
