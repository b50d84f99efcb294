/**
 * Loads and validates the comparison data at start-up. A broken data file must stop the app with a message that
 * names the file, the JSON path and what is wrong, so that whoever edited the content can fix it in one go.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { type LearnedModel, learnedModelSchema } from './learned.js';
import { type Comparison, comparisonSchema } from './schema.js';
import { unreachableAnswerPaths } from './wizard.js';

/** `data/` at the repository root; the same relative path holds from `src/advisor` and from `dist/advisor`. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export class ComparisonDataError extends Error {
  override name = 'ComparisonDataError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid comparison data in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`;
}

/** A data file's text through its schema; every problem names the JSON path, `file` names the file. */
function parseWith<T>(schema: z.ZodType<T>, json: string, file: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ComparisonDataError(file, [`$: not valid JSON (${(error as Error).message})`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success)
    throw new ComparisonDataError(
      file,
      result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`),
    );
  return result.data;
}

/** Parses one file's text; `file` is only used to name it in errors. */
export function parseComparison(json: string, file: string): Comparison {
  const comparison = parseWith(comparisonSchema, json, file);
  const dead = unreachableAnswerPaths(comparison);
  if (dead.length > 0) {
    throw new ComparisonDataError(
      file,
      dead.map((answers) => `$.wizard.outcomes: no outcome matches the answers ${JSON.stringify(answers)}`),
    );
  }
  return comparison;
}

const dataFiles = new WeakMap<Comparison, string>();

/** The file a comparison was loaded from, e.g. to point a reader at its content and sources. */
export function dataFileOf(comparison: Comparison): string | undefined {
  return dataFiles.get(comparison);
}

export function loadComparisonFile(file: string): Comparison {
  const comparison = parseComparison(readFileSync(file, 'utf8'), file);
  dataFiles.set(comparison, file);
  return comparison;
}

/** Every `*.json` in the folder, in file-name order; adding a comparison is adding a file. */
export function loadComparisons(dir: string = DEFAULT_DATA_DIR): Comparison[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new ComparisonDataError(dir, ['no *.json comparison files in this folder']);
  const comparisons = files.map((name) => loadComparisonFile(join(dir, name)));
  const seen = new Map<string, string>();
  for (const [i, c] of comparisons.entries()) {
    const file = files[i] ?? '';
    const other = seen.get(c.id);
    if (other)
      throw new ComparisonDataError(join(dir, file), [`$.id: "${c.id}" is already used by ${basename(other)}`]);
    seen.set(c.id, file);
  }
  const defaults = comparisons.filter((c) => c.default);
  if (defaults.length > 1)
    throw new ComparisonDataError(dir, [
      `$.default: only one comparison can be the default; ${defaults.map((c) => c.id).join(' and ')} both are`,
    ]);
  for (const c of comparisons) {
    const file = join(dir, LEARNED_DIR, `${c.id}.json`);
    if (existsSync(file)) learnedModels.set(c, parseLearnedModel(readFileSync(file, 'utf8'), file, c));
  }
  return comparisons;
}

/** Learned weights sit in `data/learned/<comparison id>.json`, out of the comparison files' way. */
export const LEARNED_DIR = 'learned';

const learnedModels = new WeakMap<Comparison, LearnedModel>();

/** One bias and one row of weights a class, and one weight a feature in each row. */
function shapeProblems(
  path: string,
  classifier: Pick<LearnedModel, 'classes' | 'bias' | 'features' | 'weights'>,
): string[] {
  const { classes, features } = classifier;
  return [
    ...(['bias', 'weights'] as const).flatMap((key) =>
      classifier[key].length === classes.length
        ? []
        : [`${path}.${key}: ${classifier[key].length} entries for ${classes.length} classes`],
    ),
    ...classifier.weights.flatMap((row, c) =>
      row.length === features.length
        ? []
        : [`${path}.weights[${c}]: ${row.length} weights for ${features.length} features`],
    ),
  ];
}

/** The learned classifier loaded with a comparison, if its data folder has one (tests/advisor/eval/train.ts). */
export function learnedModelOf(comparison: Comparison): LearnedModel | undefined {
  return learnedModels.get(comparison);
}

/**
 * Parses a learned weights file for `comparison`; `file` names it in errors. Every class must be one of the
 * comparison's picks or questions, with one bias and one set of weights, so a stale file cannot predict a pick the
 * data no longer has.
 */
export function parseLearnedModel(json: string, file: string, comparison: Comparison): LearnedModel {
  const model = parseWith(learnedModelSchema, json, file);
  const known = new Set([
    ...comparison.technologies.map((t) => t.id),
    ...comparison.neither.map((n) => n.id),
    ...comparison.wizard.questions.map((q) => `ask:${q.id}`),
  ]);
  const problems = [
    ...(model.comparison === comparison.id ? [] : [`$.comparison: "${model.comparison}" is not ${comparison.id}`]),
    ...model.classes.flatMap((label, i) =>
      known.has(label) ? [] : [`$.classes[${i}]: "${label}" is no pick or question of ${comparison.id}`],
    ),
    ...shapeProblems('$', model),
    ...Object.entries(model.answers ?? {}).flatMap(([questionId, head]) => {
      const question = comparison.wizard.questions.find((q) => q.id === questionId);
      if (!question) return [`$.answers.${questionId}: "${questionId}" is no question of ${comparison.id}`];
      const options = new Set([...question.options.map((o) => o.id), 'open']);
      return [
        ...head.classes.flatMap((label, i) =>
          options.has(label) ? [] : [`$.answers.${questionId}.classes[${i}]: "${label}" is no option of ${questionId}`],
        ),
        ...shapeProblems(`$.answers.${questionId}`, head),
      ];
    }),
  ];
  if (problems.length > 0) throw new ComparisonDataError(file, problems);
  return model;
}
