import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/**
 * Command-line flags of a staff command, parsed strictly. A mistyped or unknown flag, or a flag
 * missing its value, prints what was wrong and the command's usage line, then exits with code 2:
 * never a stack trace. `--help` prints the usage line and exits 0.
 *
 * @example
 * const values = parseFlags({ dir: { type: 'string', default: 'content' } }, 'npm run check -- [--lang fr|en] [--dir dossier]');
 * // npm run check -- --langue en   →   « Option inconnue : --langue » then « Usage : npm run check -- … », exit 2
 */
export function parseFlags<O extends ParseArgsOptionsConfig>(options: O, usage: string): ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>['values'] {
	try {
		const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
		if ((values as { help?: boolean }).help) {
			console.log(`Usage : ${usage}`);
			process.exit(0);
		}
		return values as ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>['values'];
	} catch (error) {
		if (!(error instanceof TypeError) || !('code' in error) || !String(error.code).startsWith('ERR_PARSE_ARGS_')) throw error;
		console.error(`${explain(error)}\nUsage : ${usage}`);
		process.exit(2);
	}
}

/** parseArgs' message in French: the flag at fault and what is wrong with it. */
function explain(error: TypeError & { code?: unknown }): string {
	const flag = /'([^']+)'/.exec(error.message)?.[1]?.split(' ')[0] ?? '';
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `Option inconnue : ${flag}`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return `Option mal utilisée : ${flag} (${/argument missing/.test(error.message) ? 'il manque sa valeur' : 'elle ne prend pas de valeur'})`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `Argument inattendu : ${/'([^']+)'/.exec(error.message)?.[1] ?? ''} (les valeurs s'écrivent après une option, ex. --title "…")`;
		default:
			return error.message;
	}
}
