/**
 * A message with a table, sent once more without it when Slack refuses it for its blocks. The table block is
 * young, its limits partly undocumented (views/table.ts), and Slack's docs name only chat.postMessage as a place
 * for it; a refusal means nothing was posted, so sending the same message with the table as text cannot post
 * twice, and the person gets the answer instead of "Slack refused that".
 */
import { refusedForBlocks } from './slack-errors.js';
import { withTablesAsText } from './views/table.js';

export async function sendWithTableFallback<M extends { blocks?: readonly { type: string }[] | undefined }, T>(
  message: M,
  send: (message: M) => Promise<T>,
): Promise<T> {
  try {
    return await send(message);
  } catch (error) {
    const asText = refusedForBlocks(error) ? withTablesAsText(message) : undefined;
    if (!asText) throw error;
    return send(asText);
  }
}
