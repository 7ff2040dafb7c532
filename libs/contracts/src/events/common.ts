import { z } from 'zod';

/** 学科类 subject-type, or a non-subject category with its competent department. */
export const Category = z.enum(['subject', 'sports', 'arts', 'science-tech']);
export type Category = z.infer<typeof Category>;

/** Online-only and offline licenses are separate scopes (DOMAIN.md, Licensing). */
export const Scope = z.enum(['online', 'offline']);
export type Scope = z.infer<typeof Scope>;

export const LegalForm = z.enum(['non-profit', 'for-profit']);

/** A calendar date; ISO 8601 has a year 0 (1 BC), PostgreSQL does not, so it is refused here. */
export const IsoDate = z.iso.date().refine((d) => !d.startsWith('0000-'), 'a date from the year 1 on');
export const Fen = z.number().int().nonnegative();

export const Location = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
