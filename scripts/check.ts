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
import { formatProblems, type Lang } from '../src/lib/problems.ts';
import { parseArgsOrUsage } from './lib/args.ts';

const { values } = parseArgsOrUsage({ options: { lang: { type: 'string', default: 'fr' }, dir: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' } } }, 'Usage : npm run check -- [--lang fr|en] [--dir dossier-du-contenu]');
const lang: Lang = values.lang === 'en' ? 'en' : 'fr';
const { content, problems } = loadContent(values.dir);
const errors = problems.filter((p) => p.severity === 'error').length;

if (problems.length) console.log(formatProblems(problems, lang));
if (errors === 0 && content) {
	const counts = { services: content.services.length, updates: content.updates.length, places: content.places.size, elections: content.elections.length };
	console.log(
		lang === 'fr'
			? `✓ Contenu valide : ${counts.services} services, ${counts.updates} actualités publiées, ${counts.places} lieux, ${counts.elections} élection(s).`
			: `✓ Content is valid: ${counts.services} services, ${counts.updates} published updates, ${counts.places} places, ${counts.elections} election(s).`,
	);
}
process.exit(errors ? 1 : 0);
