/** Shared test set-up: the real data, loaded and validated once per test file. */
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';

export const comparisons = loadComparisons();
export const advisor = createAdvisor(comparisons);
/** The hand-written reader with no learned second opinion: for rules of the reader and the wizard alone. */
export const readerAlone = createAdvisor(comparisons, { learned: new Map() });
export const websocketVsSse = advisor.comparison('websocket-vs-sse');
