/**
 * The page the live preview (`npm run dev`) shows instead of the site while a saved file breaks the
 * content: every problem as `npm run check` says it, in the staff's words, with no code and no stack
 * trace. It asks Vite's client for the reload that the preview sends when a content file changes
 * (astro.config.mjs), so the site comes back as soon as the file is fixed.
 *
 * @example
 * problemsPage(problems, { lang: 'fr', base: '/' });
 * // → '<!doctype html><html lang="fr">…<h1>Le contenu a des erreurs</h1><ul><li>content/updates/x.md:4 — champ « kind » : …'
 * @module
 */
import { t, type Lang } from '../i18n/ui.ts';
import { escapeHtml } from './plain-text.ts';
import { formatProblem, type Problem } from './problems.ts';

/** A guillemet never ends or starts a line away from its word (the messages are plain terminal text). */
const keepGuillemets = (text: string) => text.replaceAll('« ', '«\u00a0').replaceAll(' »', '\u00a0»');

export function problemsPage(problems: Problem[], { lang, base }: { lang: Lang; base: string }): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const title = escapeHtml(t(lang, 'preview.title'));
	const items = errors.map((p) => `<li>${escapeHtml(keepGuillemets(formatProblem(p, lang)))}</li>`).join('');
	return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>
<script type="module" src="${escapeHtml(base)}@vite/client"></script>
<style>:root{color-scheme:light dark}body{font:1.1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}li{margin:.5rem 0;overflow-wrap:anywhere}</style></head>
<body><main><h1>${title}</h1><p>${escapeHtml(t(lang, 'problem.errors', { n: errors.length }))}</p><ul>${items}</ul><p>${escapeHtml(t(lang, 'preview.fix'))}</p></main></body></html>`;
}
