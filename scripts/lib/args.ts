import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * `parseArgs` for the staff commands: a mistyped or unknown option prints what went wrong and the
 * usage line, and exits 2, instead of a Node stack trace (ERR_PARSE_ARGS_UNKNOWN_OPTION).
 *
 * @example
 * const { values } = parseArgsOrUsage({ options: { lang: { type: 'string' } } }, 'Usage : npm run verify -- <adresse> [--lang en]');
 */
export function parseArgsOrUsage<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
	try {
		return parseArgs(config);
	} catch (error) {
		if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw error;
		console.error(`✗ ${(error as Error).message.split('\n')[0]}`);
		console.error(usage);
		process.exit(2);
	}
}
