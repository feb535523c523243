import { z } from 'astro/zod';

/** A plain page in markdown (`content/pages/<id>.md`): legal notice, accessibility statement, FAQ. */
export const pageSchema = z.strictObject({
	/** Page title, also the link text in the footer. */
	title: z.string().min(1),
	/** One sentence for search engines and link previews. */
	description: z.string().min(1).max(200),
	/** Position in the footer (smaller first). Default 100. */
	order: z.number().int().default(100),
});

export const pageTranslationSchema = pageSchema.pick({ title: true, description: true });

export type PageData = z.infer<typeof pageSchema>;
