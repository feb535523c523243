import type { Ask } from '../../scripts/lib/interview.ts';

/**
 * Answers the staff assistants' prompts in order, and records what was asked, so a test can play a
 * whole interview without a terminal.
 *
 * @example
 * const ask = scripted(['incident', 'Urbanisme fermé']);
 * await interview(ask, content, {}); // ask.asked → ["Quel type d'actualité ?", 'Titre …', …]
 */
export function scripted(answers: unknown[]): Ask & { asked: string[] } {
	const queue = [...answers];
	const asked: string[] = [];
	const answer = async ({ message }: { message: string }) => {
		asked.push(message);
		if (!queue.length) throw new Error(`unexpected question: ${message}`);
		return queue.shift() as never;
	};
	return { asked, select: answer, input: answer, checkbox: answer, confirm: answer };
}
