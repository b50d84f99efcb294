/** The wizard as Block Kit: one question with its options, and whichever step comes next (a question or the verdict). */
import type { QuestionView, WizardView } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import type { VerdictShape } from '../values.js';
import { button, context, escapeText, type KnownBlock, type SlackMessage, section } from './blocks.js';
import { conflictBlock, understoodBlocks } from './understood.js';
import { verdictMessage, type WizardSurface } from './verdict.js';

function navigation(view: QuestionView): KnownBlock {
  return {
    type: 'actions',
    block_id: 'wizard_navigation',
    elements: [
      ...(view.back ? [button('← Back', ACTION.back, view.back)] : []),
      button('Start over', ACTION.startOver, view.startOver),
    ],
  };
}

export function questionMessage(view: QuestionView, lead: KnownBlock[] = []): SlackMessage {
  const changing = view.options.some((o) => o.current);
  // Changing one answer shows where it sits among the wizard's questions, free text or not.
  const progress = view.understood && !changing ? 'One question' : `Question ${view.number} of ${view.total}`;
  const understood = view.understood?.answers.map((a) => `${a.answer}`) ?? [];
  const questionIds = view.comparison.wizard.questions.map((q) => q.id);
  return {
    text: escapeText(
      `${understood.length ? `Understood: ${understood.join(', ')}. ` : ''}${progress}: ${view.question.prompt}`,
    ),
    blocks: [
      context(`*${escapeText(view.comparison.title)}* · ${progress}${changing ? ' · changing one answer' : ''}`),
      ...lead,
      ...(view.understood ? understoodBlocks(view.understood, questionIds) : []),
      ...(view.conflict ? [conflictBlock(view.conflict)] : []),
      section(`*${escapeText(view.question.prompt)}*`),
      {
        type: 'actions',
        block_id: `wizard_question_${view.question.id}`,
        elements: view.options.map((option, i) =>
          button(
            option.current ? `✓ ${option.label}` : option.label,
            ACTION.answer(i),
            option.next,
            option.current ? 'primary' : undefined,
          ),
        ),
      },
      ...(view.number > 1 || view.back ? [navigation(view)] : []),
    ],
  };
}

/**
 * `lead`: blocks shown first, such as the person's words quoted back when the wizard starts from free text.
 * `shape`: for a verdict, collapsed (the default) or expanded, and where it was shared.
 */
export function wizardMessage(
  view: WizardView,
  surface: WizardSurface = 'message',
  lead: KnownBlock[] = [],
  shape?: VerdictShape,
): SlackMessage {
  return view.kind === 'question' ? questionMessage(view, lead) : verdictMessage(view, surface, lead, shape);
}
