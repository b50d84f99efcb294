/**
 * What Slack takes from manifest.yml rather than from the code, read from the manifest itself so the sandbox
 * shows what Slack would show.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SHORTCUT_CALLBACK } from '../../src/slack/ids.js';

/** The message shortcut's name in the ⋯ menu: the one manifest.yml declares for SHORTCUT_CALLBACK. */
export const SHORTCUT_NAME = shortcutNameFromManifest();

function shortcutNameFromManifest(): string {
  const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
    features?: { shortcuts?: { name?: unknown; callback_id?: unknown }[] };
  };
  const name = manifest.features?.shortcuts?.find((s) => s.callback_id === SHORTCUT_CALLBACK)?.name;
  if (typeof name !== 'string') throw new Error(`manifest.yml declares no shortcut ${SHORTCUT_CALLBACK}`);
  return name;
}
