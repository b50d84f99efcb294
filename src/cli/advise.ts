/**
 * The advisor on the command line: the quickest way to try it without Slack.
 *   npm run advise -- "<a situation>"      what it understands, then the one question open or the verdict
 *   npm run advise -- --json "<situation>" the same as JSON, for scripts and the evaluation
 *   npm run advise -- compare | <dimension> | <technology> | neither
 *   npm run advise -- --wizard            (reads answers from stdin, so it can be piped)
 * Everything that names the topic (examples, dimensions, how many questions) comes from the data.
 */
import { createInterface } from 'node:readline';
import { type Advisor, createAdvisor, loadComparisons, summarise, type WizardView } from '../advisor/index.js';
import {
  dataFileText,
  dimensionKeywords,
  dimensionText,
  neitherText,
  questionText,
  scorecardText,
  technologyKeywords,
  technologyText,
  understoodText,
  verdictText,
  wizardQuestionsText,
} from './render.js';

/** Situations from the data that free text settles on their own entry's pick: examples that are known to work. */
export function exampleSituations(advisor: Advisor, limit = 2): string[] {
  return advisor
    .comparison()
    .situationalPicks.filter((p) => {
      const { view } = advisor.understand(p.situation);
      return view.kind === 'verdict' && view.verdict.pick.id === p.pick;
    })
    .slice(0, limit)
    .map((p) => p.situation);
}

export function usageText(advisor: Advisor): string {
  const comparison = advisor.comparison();
  const examples = exampleSituations(advisor).map((s) => `"${s}"`);
  const file = dataFileText(comparison);
  return [
    `Usage (${comparison.title}):`,
    '  npm run advise -- "<your situation>"   what I understand, then a question or the verdict',
    '  npm run advise -- --json "<situation>" the same as JSON: each answer with its words and strength',
    '  npm run advise -- compare              the scorecard',
    `  npm run advise -- <dimension>          one dimension in depth (${dimensionKeywords(comparison).join(', ')})`,
    `  npm run advise -- <technology>         one side's strengths and when it wins (${technologyKeywords(comparison).join(', ')})`,
    '  npm run advise -- neither              when to pick neither',
    `  npm run advise -- --wizard             ${wizardQuestionsText(comparison)}, answered by number (b = back)`,
    ...(examples.length ? [`Situations to try: ${examples.join(', ')}`] : []),
    ...(file ? [`The content and its sources: ${file}`] : []),
  ].join('\n');
}

export function answerText(advisor: Advisor, text: string): string {
  const reply = advisor.reply(text);
  switch (reply.kind) {
    case 'wizard':
      return usageText(advisor);
    case 'help':
      return reply.unplaced
        ? `I could not place "${reply.unplaced}".${reply.suggestions.length ? ` Did you mean: ${reply.suggestions.join(', ')}?` : ''}\n${usageText(advisor)}`
        : usageText(advisor);
    case 'compare':
      return scorecardText(reply.comparison);
    case 'neither':
      return neitherText(reply.comparison);
    case 'history':
      return 'The decision log lives in Slack: /realtime history lists the decisions shared in a channel, and the Home tab shows yours. `npm run feedback` prints the answers to "Was this right?".';
    case 'dimension':
      return dimensionText(reply.comparison, reply.dimension);
    case 'understood':
      return understoodText(reply.view);
    case 'technology':
      return technologyText(reply.comparison, reply.profile);
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
  if (argv[0] === '--json') {
    const { view, reading } = advisor.understand(argv.slice(1).join(' '));
    process.stdout.write(`${JSON.stringify(summarise(view, reading), null, 2)}\n`);
    return 0;
  }
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${usageText(advisor)}\n`);
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
