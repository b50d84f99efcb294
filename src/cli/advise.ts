/**
 * The advisor on the command line: the quickest way to try it without Slack.
 *   npm run advise -- "streaming LLM tokens to a browser"
 *   npm run advise -- compare | reconnect | neither
 *   npm run advise -- --wizard            (reads answers from stdin, so it can be piped)
 */
import { createInterface } from 'node:readline';
import { type Advisor, createAdvisor, loadComparisons, type WizardView } from '../advisor/index.js';
import { adviceText, dimensionText, neitherText, questionText, scorecardText, verdictText } from './render.js';

const USAGE = `Usage:
  npm run advise -- "<your situation>"   free-text advice
  npm run advise -- compare              the scorecard
  npm run advise -- <dimension>          one dimension in depth (direction, protocol, binary, reconnect, proxies, limits)
  npm run advise -- neither              when to pick neither
  npm run advise -- --wizard             three questions, answered by number (b = back)`;

export function answerText(advisor: Advisor, text: string): string {
  const reply = advisor.reply(text);
  switch (reply.kind) {
    case 'wizard':
      return USAGE;
    case 'help':
      return reply.unplaced
        ? `I could not place "${reply.unplaced}".${reply.suggestions.length ? ` Did you mean: ${reply.suggestions.join(', ')}?` : ''}\n${USAGE}`
        : USAGE;
    case 'compare':
      return scorecardText(reply.comparison);
    case 'neither':
      return neitherText(reply.comparison);
    case 'dimension':
      return dimensionText(reply.comparison, reply.dimension);
    case 'advice':
      return adviceText(reply.advice);
  }
}

/** Runs the wizard over a stream of answer lines; returns the final verdict text, or undefined if input ran out. */
export async function runWizard(advisor: Advisor, lines: AsyncIterable<string>, print: (text: string) => void) {
  let view: WizardView = advisor.start();
  const input = lines[Symbol.asyncIterator]();
  while (view.kind === 'question') {
    print(questionText(view));
    print('> ');
    const next = await input.next();
    if (next.done) return undefined;
    const reply = next.value.trim().toLowerCase();
    const chosen =
      reply === 'b'
        ? view.back
        : (view.options[Number(reply) - 1] ?? view.options.find((o) => o.label.toLowerCase().startsWith(reply)))?.next;
    if (!chosen || reply === '') {
      print(`Please answer with a number from 1 to ${view.options.length}${view.back ? ', or b to go back' : ''}.`);
      continue;
    }
    const resumed = advisor.resume(chosen);
    if (resumed.ok) view = resumed.view;
  }
  const text = verdictText(view.comparison, view.verdict);
  print(text);
  return text;
}

async function main(argv: string[]): Promise<number> {
  const advisor = createAdvisor(loadComparisons());
  if (argv[0] === '--wizard') {
    const lines = createInterface({ input: process.stdin, terminal: false });
    const verdict = await runWizard(advisor, lines, (text) =>
      process.stdout.write(text.endsWith('> ') ? text : `${text}\n`),
    );
    lines.close();
    if (!verdict) {
      process.stderr.write('\nInput ended before the wizard reached a verdict.\n');
      return 1;
    }
    return 0;
  }
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.stdout.write(`${answerText(advisor, argv.join(' '))}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
