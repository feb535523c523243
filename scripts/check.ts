/**
 * Checks all content without building the site, and prints every problem.
 *
 *   npm run check                 # in French
 *   npm run check -- --lang en    # in English
 *   npm run check -- --dir path   # another content folder
 *
 * Exit code 1 when there is at least one error; warnings alone exit 0.
 */
import { loadContent } from '../src/lib/content.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { langOf, t } from '../src/i18n/ui.ts';
import { parseArgsOrUsage } from './lib/args.ts';

const { values } = parseArgsOrUsage({ options: { lang: { type: 'string', default: 'fr' }, dir: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' } } }, 'usage.check');
const lang = langOf(values.lang);
const { content, problems } = loadContent(values.dir);
const errors = problems.filter((p) => p.severity === 'error').length;

if (problems.length) console.log(formatProblems(problems, lang));
if (errors === 0 && content) {
	console.log(t(lang, 'check.valid', { services: content.services.length, updates: content.updates.length, places: content.places.size, elections: content.elections.length }));
}
process.exit(errors ? 1 : 0);
