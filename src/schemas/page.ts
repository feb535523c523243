import { z } from 'astro/zod';
import { translationOf } from './english-overlay.ts';

/** A plain page in markdown (`content/pages/<id>.md`): legal notice, accessibility statement, FAQ. */
export const pageSchema = z.strictObject({
	/**
	 * Page title, also the link text in the footer.
	 * @label Titre
	 * @hint Aussi le texte du lien en pied de page.
	 */
	title: z.string().min(1),
	/**
	 * One sentence for search engines and link previews.
	 * @label Description
	 * @hint Une phrase pour les moteurs de recherche et les aperçus de liens (200 caractères au plus).
	 */
	description: z.string().min(1).max(200),
	/**
	 * Position in the footer (smaller first). Default 100.
	 * @label Ordre en pied de page
	 * @hint Le plus petit en premier. Par défaut 100.
	 */
	order: z.number().int().default(100),
});

/** An English file (`<id>.en.md`) gives the title and description, and the body. */
export const pageTranslationSchema = translationOf(pageSchema, { title: true, description: true }, { complete: true });

export type PageData = z.infer<typeof pageSchema>;
