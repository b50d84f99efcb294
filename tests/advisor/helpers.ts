/** Shared test set-up: the real data, loaded and validated once per test file. */
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';

export const comparisons = loadComparisons();
export const advisor = createAdvisor(comparisons);
export const websocketVsSse = advisor.comparison('websocket-vs-sse');
