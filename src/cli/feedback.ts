/**
 * `npm run feedback`: the answers to "Was this right?", each beside the situation that led to it, for a person
 * who tunes the advisor. Reads the database the app uses (DATABASE_URL, else DATABASE_PATH, else the default file).
 *   npm run feedback               most recently answered first, as text
 *   npm run feedback -- --json     the same as evaluation-set rows: situation, expected pick where the answer was
 *                                  yes (left null where it was no: a person decides), the note as the reason
 *   npm run feedback -- --limit 50
 */
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { type Advisor, createAdvisor, loadComparisons } from '../advisor/index.js';
import { openStore } from '../store/index.js';
import { type DatabaseConfig, DEFAULT_DATABASE_PATH, type Decision } from '../store/store.js';

/** The situation in words, else what the person answered in the wizard. */
function situationOf(advisor: Advisor, decision: Decision): { words: string | null; answers: string[] } {
  const revisited = advisor.revisit(decision);
  const answers = revisited.reasons.flatMap((r) => (r.question ? [`${r.question} ${r.answer ?? ''}`.trim()] : []));
  return { words: decision.situation, answers };
}

export function feedbackText(advisor: Advisor, decisions: readonly Decision[]): string {
  if (decisions.length === 0) return 'No answers to "Was this right?" yet.';
  const lines = [
    `${decisions.length} answer${decisions.length === 1 ? '' : 's'} to "Was this right?", most recently answered first`,
  ];
  for (const decision of decisions) {
    const { feedback } = decision;
    if (!feedback) continue;
    const { words, answers } = situationOf(advisor, decision);
    const pick = advisor.revisit(decision).shared.name;
    lines.push(
      '',
      `${feedback.answer === 'yes' ? 'RIGHT' : 'NOT RIGHT'}  ${pick}  (decision ${decision.id}, shared ${decision.createdAt.toISOString().slice(0, 10)}, answered ${feedback.at.toISOString().slice(0, 10)})`,
      words ? `  Situation: ${words}` : `  Situation: none in words; the wizard's answers: ${answers.join('; ')}`,
      ...(feedback.note ? [`  Note: ${feedback.note}`] : []),
      `  Link: ${decision.permalink.url ?? `none (${decision.permalink.reason})`}`,
    );
  }
  return lines.join('\n');
}

/** Rows in the evaluation set's shape (tests/advisor/eval/situations.json), for a person to review and add. */
export function feedbackRows(advisor: Advisor, decisions: readonly Decision[]) {
  return decisions.flatMap((decision) => {
    if (!decision.feedback) return [];
    const { words, answers } = situationOf(advisor, decision);
    return [
      {
        id: `feedback-${decision.id}`,
        situation: words,
        wizardAnswers: answers,
        source: decision.permalink.url ?? `decision ${decision.id}`,
        shared: decision.pick,
        answer: decision.feedback.answer,
        expected: decision.feedback.answer === 'yes' ? decision.pick : null,
        reason: decision.feedback.note,
        dataVersion: decision.dataVersion,
      },
    ];
  });
}

export function databaseFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'sqlite', path: env.DATABASE_PATH || DEFAULT_DATABASE_PATH };
}

async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const json = argv.includes('--json');
  const at = argv.indexOf('--limit');
  const limit = at >= 0 ? Number(argv[at + 1]) : 200;
  const advisor = createAdvisor(loadComparisons());
  const store = await openStore(databaseFromEnv(process.env));
  try {
    const decisions = await store.decisions.listWithFeedback({ limit: Number.isFinite(limit) ? limit : 200 });
    process.stdout.write(
      `${json ? JSON.stringify(feedbackRows(advisor, decisions), null, 2) : feedbackText(advisor, decisions)}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`npm run feedback: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
