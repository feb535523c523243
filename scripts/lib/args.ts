import { parseArgs, type ParseArgsConfig } from 'node:util';
import { langOf, t, type MessageKey } from '../../src/i18n/ui.ts';

/**
 * `parseArgs` for the staff commands: a mistyped or unknown option prints what went wrong and the
 * usage line (in the language `--lang` asks for, if it could be read), and exits 2, instead of a Node
 * stack trace (ERR_PARSE_ARGS_UNKNOWN_OPTION); `--help` (or `-h`) prints the usage line and exits 0.
 *
 * @example
 * const { values } = parseArgsOrUsage({ options: { lang: { type: 'string' } } }, 'usage.verify');
 */
export function parseArgsOrUsage<T extends ParseArgsConfig>(config: T, usage: MessageKey): ReturnType<typeof parseArgs<T>> {
	const args = process.argv;
	const usageText = () => t(langOf(args[args.indexOf('--lang') + 1]), usage);
	let parsed: ReturnType<typeof parseArgs<T>>;
	try {
		parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } }) as ReturnType<typeof parseArgs<T>>;
	} catch (error) {
		if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw error;
		console.error(`✗ ${(error as Error).message.split('\n')[0]}`);
		console.error(usageText());
		process.exit(2);
	}
	if ((parsed.values as { help?: boolean }).help) {
		console.log(usageText());
		process.exit(0);
	}
	return parsed;
}
