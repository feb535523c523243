import type { Lang } from '../i18n/ui.ts';

/**
 * The `lang` attribute of a piece of content on a page: `fr` when an English page shows the French
 * text because nothing translates it (the translation layer leaves the French value in place, so the
 * shown value is the French one), else nothing. Screen readers then read it with a French voice, and
 * the search index files it as French. Field by field, so a partly translated entry is marked exactly.
 *
 * @example
 * untranslated('en', service.data.fr.name, service.data.en.name); // 'fr' when there is no English name
 * untranslated('fr', 'État civil', 'État civil');                   // undefined: a French page is French
 */
export function untranslated(lang: Lang, french: unknown, shown: unknown): 'fr' | undefined {
	return lang === 'en' && french !== undefined && french === shown ? 'fr' : undefined;
}
