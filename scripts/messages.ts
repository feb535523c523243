/**
 * Rewrites one update for the other channels residents read: SMS, social networks, answering machine,
 * alert apps (see src/lib/messages.ts for the limits).
 *
 *   npm run messages -- 2024-06-26-standard-retabli          # prints the four texts
 *   npm run messages -- 2024-06-26-standard-retabli --json   # { "sms", "social", "voicemail", "alert" } on stdout
 *
 * Flags: --json, --dir (content folder; default CONTENT_DIR or content), --lang (what is said around the
 * texts: fr, the default, or en; the texts themselves are in French, for residents).
 */
import { loadContent } from '../src/lib/content.ts';
import { updateMessages } from '../src/lib/messages.ts';
import { langOf, t } from '../src/i18n/ui.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { parseArgsOrUsage } from './lib/args.ts';
import { formatMessages } from './lib/print-messages.ts';

const { values, positionals } = parseArgsOrUsage(
	{
		allowPositionals: true,
		options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' }, lang: { type: 'string', default: 'fr' } },
	},
	'usage.messages',
);
const lang = langOf(values.lang);
const id = positionals[0]?.replace(/(\.en)?\.md$/, '').replace(/^.*[\\/]/, '');
if (!id) {
	console.error(t(lang, 'messages.which'));
	process.exit(1);
}
const { content, problems } = loadContent(values.dir);
if (!content) {
	console.error(t(lang, 'messages.contentErrors', { problems: formatProblems(problems, lang) }));
	process.exit(1);
}
if (!content.updateById.has(id)) {
	console.error(t(lang, 'messages.unknown', { id, recent: content.updates.slice(0, 5).map((u) => u.id).join(', ') || t(lang, 'messages.none') }));
	process.exit(1);
}
const messages = updateMessages(content, id, new URL(content.settings.data.fr.siteUrl));
console.log(values.json ? JSON.stringify(messages, null, 2) : formatMessages(messages, lang));
