/**
 * Block Kit validation that refuses what Slack refuses, so the stand-in (and the app's own view-builder unit tests)
 * catch over-long text, too many blocks or unknown block types before a real workspace does. Each problem carries a
 * readable path (`blocks[3].text.text: longer than 3000 characters`) and Slack's own wording
 * (`[ERROR] must be less than 3001 characters [json-pointer:/blocks/3/text/text]`), which is what Slack puts in
 * `response_metadata.messages`.
 *
 * Only the block and element types the app sends and the sandbox page shows are modelled; any other type is
 * refused, so a new one in the app fails in the tests until it is modelled here with Slack's limits.
 */

export type BlockKitSurface = 'message' | 'modal' | 'home';

export interface BlockIssue {
  /** Readable path, e.g. `blocks[3].text.text`. */
  path: string;
  /** JSON pointer as Slack reports it, e.g. `/blocks/3/text/text`. */
  pointer: string;
  /** Short human wording, e.g. `longer than 3000 characters`. */
  problem: string;
  /** Slack's wording, e.g. `must be less than 3001 characters`. */
  slack: string;
  /**
   * The error Slack answers for this problem when it is the only kind: `invalid_blocks` unless set. A second table
   * in a message is refused as `invalid_attachments` (see TABLES below).
   */
  answer?: 'invalid_attachments';
}

export type BlocksVerdict =
  | { ok: true }
  | {
      ok: false;
      error: 'invalid_blocks' | 'invalid_attachments';
      /** `path: problem` strings. */
      problems: string[];
      /** Slack's `response_metadata.messages` lines: `[ERROR] … [json-pointer:…]`. */
      messages: string[];
      issues: BlockIssue[];
    };

export type ViewVerdict =
  | { ok: true }
  | { ok: false; error: 'invalid_arguments'; problems: string[]; messages: string[]; issues: BlockIssue[] };

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  blockId: 255,
  actionId: 255,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  imageUrl: 3000,
  altText: 2000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  staticSelectOptions: 100,
  plainTextInputMaxLength: 3000,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  callbackId: 255,
  privateMetadata: 3000,
  externalId: 255,
  // The table block: see TABLES below for the sources.
  tableRows: 100,
  tableCells: 20,
  tableColumnSettings: 20,
  tableCharacters: 10_000,
  tablesPerMessage: 1,
} as const;

/**
 * The `table` block, as Slack documents it (the pages as a public copy captured them on 2026-09-14):
 * - https://docs.slack.dev/reference/block-kit/blocks/table-block, Fields: `rows` required, at most 100, each row
 *   at most 20 cells of type `rich_text`, `raw_text` or `raw_number`; `column_settings` at most 20 items, each
 *   `align` (left, center, right) and `is_wrapped` (boolean). Usage info: `null` skips a column's settings; a
 *   table's cells together at most 10,000 characters, and all table cells of one message together at most 10,000;
 *   a table goes in a message's `blocks` or `attachments`.
 * - https://docs.slack.dev/reference/block-kit/blocks, the Surfaces column: Messages and Home tabs, not Modals.
 * - One table per message is not on those pages; Slack's own guidance states it (slackapi/slack-skills-plugin,
 *   skills/block-kit/SKILL.md) and public reports quote the refusal as `invalid_attachments` with
 *   `only_one_table_allowed`. Where in the answer that word sits is not recorded: we put it in `errors` and
 *   `response_metadata.messages` like every other problem.
 * - Unstated, so refused here (the conservative reading): an empty `rows` or row, rows of different lengths (the
 *   data table block requires one length), a second table in a Home tab. Empty text is refused with Slack's
 *   `must be more than 0 characters` (@slack/types: raw_text's minimum is 1 character; public reports of
 *   refusals of empty cells quote that wording). Slack's wording for a table in a modal and for too many
 *   characters is not recorded: the `slack` strings below for those two are ours.
 */
const TABLES = {
  surfaces: new Set<BlockKitSurface>(['message', 'home']),
  cells: new Set(['rich_text', 'raw_text', 'raw_number']),
  align: new Set(['left', 'center', 'right']),
} as const;

type Path = (string | number)[];

/**
 * The properties Slack's schema allows on each object the validator knows; any other is refused as Slack refuses
 * it: `invalid additional property: <name> [json-pointer:<the object>]`.
 */
const PROPERTIES: Record<string, ReadonlySet<string>> = {
  plain_text: new Set(['type', 'text', 'emoji']),
  mrkdwn: new Set(['type', 'text', 'verbatim']),
  option: new Set(['text', 'value', 'description', 'url']),
  'block:header': new Set(['type', 'block_id', 'text']),
  'block:section': new Set(['type', 'block_id', 'text', 'fields', 'accessory', 'expand']),
  'block:divider': new Set(['type', 'block_id']),
  'block:context': new Set(['type', 'block_id', 'elements']),
  'block:actions': new Set(['type', 'block_id', 'elements']),
  'block:image': new Set(['type', 'block_id', 'image_url', 'slack_file', 'alt_text', 'title']),
  'block:input': new Set(['type', 'block_id', 'label', 'element', 'dispatch_action', 'hint', 'optional']),
  'block:rich_text': new Set(['type', 'block_id', 'elements']),
  'block:table': new Set(['type', 'block_id', 'rows', 'column_settings']),
  'cell:raw_text': new Set(['type', 'text']),
  'cell:raw_number': new Set(['type', 'value', 'text']),
  'table:column_setting': new Set(['align', 'is_wrapped']),
  'element:button': new Set(['type', 'text', 'action_id', 'url', 'value', 'style', 'confirm', 'accessibility_label']),
  'element:image': new Set(['type', 'image_url', 'slack_file', 'alt_text']),
  'element:static_select': new Set([
    'type',
    'action_id',
    'options',
    'option_groups',
    'initial_option',
    'confirm',
    'focus_on_load',
    'placeholder',
  ]),
  'element:conversations_select': new Set([
    'type',
    'action_id',
    'placeholder',
    'initial_conversation',
    'default_to_current_conversation',
    'confirm',
    'response_url_enabled',
    'filter',
    'focus_on_load',
  ]),
  'element:plain_text_input': new Set([
    'type',
    'action_id',
    'initial_value',
    'multiline',
    'min_length',
    'max_length',
    'dispatch_action_config',
    'focus_on_load',
    'placeholder',
  ]),
};

const BUTTON_STYLES = new Set(['primary', 'danger']);

const ACTIONS_ELEMENTS = new Set(['button']);
const ACCESSORY_ELEMENTS = new Set(['button', 'image']);
const INPUT_ELEMENTS = new Set(['plain_text_input', 'static_select', 'conversations_select']);
const CONVERSATION_KINDS = new Set(['im', 'mpim', 'private', 'public']);

const RICH_TEXT_CHILDREN = new Set([
  'rich_text_section',
  'rich_text_list',
  'rich_text_preformatted',
  'rich_text_quote',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readable(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function pointer(path: Path): string {
  return `/${path.join('/')}`;
}

class Collector {
  readonly issues: BlockIssue[] = [];

  add(path: Path, problem: string, slack: string): void {
    this.issues.push({ path: readable(path), pointer: pointer(path), problem, slack });
  }

  missing(path: Path, field: string): void {
    this.add([...path, field], 'missing required field', `missing required field: ${field}`);
  }

  tooLong(path: Path, max: number): void {
    this.add(path, `longer than ${max} characters`, `must be less than ${max + 1} characters`);
  }

  tooMany(path: Path, max: number): void {
    this.add(path, `more than ${max} items`, `no more than ${max} items allowed`);
  }

  tooFew(path: Path, min: number): void {
    this.add(path, `fewer than ${min} items`, `must provide at least ${min} items`);
  }

  empty(path: Path): void {
    this.add(path, 'empty text', 'must be more than 0 characters');
  }

  /** Refuses properties the schema does not allow (`kind` is a key of PROPERTIES). */
  extraProperties(value: Record<string, unknown>, path: Path, kind: string): void {
    const allowed = PROPERTIES[kind];
    if (!allowed) return;
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) this.add(path, `unknown property ${key}`, `invalid additional property: ${key}`);
    }
  }

  wrongType(path: Path, expected: string): void {
    this.add(path, `must be ${expected}`, `must provide ${expected}`);
  }

  /** Optional string field with a maximum length. */
  optionalString(parent: Record<string, unknown>, path: Path, field: string, max: number): void {
    const value = parent[field];
    if (value === undefined) return;
    if (typeof value !== 'string') this.wrongType([...path, field], 'a string');
    else if (value.length > max) this.tooLong([...path, field], max);
  }

  /** Required string field with a maximum length. */
  requiredString(parent: Record<string, unknown>, path: Path, field: string, max: number): void {
    if (parent[field] === undefined) this.missing(path, field);
    else this.optionalString(parent, path, field, max);
  }
}

interface TextRules {
  plainOnly?: boolean;
  max: number;
}

function checkText(c: Collector, value: unknown, path: Path, rules: TextRules): void {
  if (!isRecord(value)) {
    c.wrongType(path, 'a text object');
    return;
  }
  const { type, text } = value;
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    if (type === undefined) c.missing(path, 'type');
    else c.add([...path, 'type'], `unknown text type ${JSON.stringify(type)}`, 'must be one of plain_text, mrkdwn');
    return;
  }
  if (rules.plainOnly && type !== 'plain_text') {
    c.add([...path, 'type'], 'must be plain_text', 'must be plain_text');
  }
  if (Object.keys(value).some((key) => !PROPERTIES[type]?.has(key))) {
    // A text object is one of two schemas (plain_text, mrkdwn); Slack reports the mismatch, then the property.
    c.add(path, `not a valid ${type} object`, 'failed to match all allowed schemas');
    c.extraProperties(value, path, type);
  }
  if (text === undefined) {
    c.missing(path, 'text');
    return;
  }
  if (typeof text !== 'string') {
    c.wrongType([...path, 'text'], 'a string');
    return;
  }
  if (text.length === 0) c.empty([...path, 'text']);
  else if (text.length > rules.max) c.tooLong([...path, 'text'], rules.max);
}

function checkOptionalText(c: Collector, parent: Record<string, unknown>, path: Path, field: string, rules: TextRules) {
  if (parent[field] !== undefined) checkText(c, parent[field], [...path, field], rules);
}

function checkOptions(c: Collector, el: Record<string, unknown>, path: Path, min: number, max: number): void {
  const options = el.options;
  if (options === undefined) {
    if (el.option_groups !== undefined) return;
    c.missing(path, 'options');
    return;
  }
  if (!Array.isArray(options)) {
    c.wrongType([...path, 'options'], 'an array');
    return;
  }
  if (options.length < min) c.tooFew([...path, 'options'], min);
  if (options.length > max) c.tooMany([...path, 'options'], max);
  options.forEach((option, i) => {
    const at = [...path, 'options', i];
    if (!isRecord(option)) {
      c.wrongType(at, 'an option object');
      return;
    }
    c.extraProperties(option, at, 'option');
    if (option.text === undefined) c.missing(at, 'text');
    else checkText(c, option.text, [...at, 'text'], { max: LIMITS.optionText });
    c.requiredString(option, at, 'value', LIMITS.optionValue);
  });
}

function checkImageElement(c: Collector, el: Record<string, unknown>, path: Path): void {
  if (el.image_url === undefined && el.slack_file === undefined) c.missing(path, 'image_url');
  c.optionalString(el, path, 'image_url', LIMITS.imageUrl);
  c.requiredString(el, path, 'alt_text', LIMITS.altText);
}

function checkElement(c: Collector, value: unknown, path: Path, allowed: Set<string>, actionIds: Set<string>): void {
  if (!isRecord(value)) {
    c.wrongType(path, 'an element object');
    return;
  }
  const type = value.type;
  if (typeof type !== 'string') {
    c.missing(path, 'type');
    return;
  }
  if (!allowed.has(type)) {
    c.add([...path, 'type'], `element type ${JSON.stringify(type)} not allowed here`, `unsupported type: ${type}`);
    return;
  }
  c.extraProperties(value, path, `element:${type}`);
  if (type === 'image') {
    checkImageElement(c, value, path);
    return;
  }
  const actionId = value.action_id;
  if (actionId !== undefined) {
    if (typeof actionId !== 'string') c.wrongType([...path, 'action_id'], 'a string');
    else if (actionId.length > LIMITS.actionId) c.tooLong([...path, 'action_id'], LIMITS.actionId);
    else if (actionIds.has(actionId)) {
      c.add(
        [...path, 'action_id'],
        `duplicate action_id ${JSON.stringify(actionId)} in this block`,
        'duplicate action_id',
      );
    } else actionIds.add(actionId);
  }
  switch (type) {
    case 'button': {
      if (value.text === undefined) c.missing(path, 'text');
      else checkText(c, value.text, [...path, 'text'], { plainOnly: true, max: LIMITS.buttonText });
      c.optionalString(value, path, 'value', LIMITS.buttonValue);
      c.optionalString(value, path, 'url', LIMITS.buttonUrl);
      c.optionalString(value, path, 'accessibility_label', LIMITS.buttonText);
      if (value.style !== undefined && !BUTTON_STYLES.has(String(value.style))) {
        c.add([...path, 'style'], 'must be primary or danger', 'must be one of primary, danger');
      }
      break;
    }
    case 'static_select':
      checkOptionalText(c, value, path, 'placeholder', { plainOnly: true, max: LIMITS.placeholder });
      checkOptions(c, value, path, 1, LIMITS.staticSelectOptions);
      break;
    case 'conversations_select': {
      checkOptionalText(c, value, path, 'placeholder', { plainOnly: true, max: LIMITS.placeholder });
      for (const flag of ['response_url_enabled', 'default_to_current_conversation', 'focus_on_load'])
        if (value[flag] !== undefined && typeof value[flag] !== 'boolean') c.wrongType([...path, flag], 'a boolean');
      c.optionalString(value, path, 'initial_conversation', 255);
      const filter = value.filter;
      if (filter !== undefined) {
        const include = isRecord(filter) ? filter.include : undefined;
        if (!isRecord(filter)) c.wrongType([...path, 'filter'], 'an object');
        else if (
          include !== undefined &&
          (!Array.isArray(include) || include.some((k) => !CONVERSATION_KINDS.has(String(k))))
        )
          c.add(
            [...path, 'filter', 'include'],
            'must list im, mpim, private or public',
            'must be one of im, mpim, private, public',
          );
      }
      break;
    }
    case 'plain_text_input': {
      checkOptionalText(c, value, path, 'placeholder', { plainOnly: true, max: LIMITS.placeholder });
      const maxLength = value.max_length;
      if (maxLength !== undefined && (typeof maxLength !== 'number' || maxLength > LIMITS.plainTextInputMaxLength)) {
        c.add([...path, 'max_length'], 'must be a number ≤ 3000', 'must be less than or equal to 3000');
      }
      c.optionalString(value, path, 'initial_value', LIMITS.plainTextInputMaxLength);
      break;
    }
  }
}

/** A required, non-empty array field of a block (elements, rows) with a maximum length; checks each item. */
function checkList(
  c: Collector,
  block: Record<string, unknown>,
  key: string,
  path: Path,
  max: number,
  each: (item: unknown, at: Path) => void,
): void {
  const items = block[key];
  if (items === undefined) {
    c.missing(path, key);
    return;
  }
  if (!Array.isArray(items)) {
    c.wrongType([...path, key], 'an array');
    return;
  }
  if (items.length === 0) c.tooFew([...path, key], 1);
  if (items.length > max) c.tooMany([...path, key], max);
  items.forEach((item, i) => {
    each(item, [...path, key, i]);
  });
}

function checkRichText(c: Collector, block: Record<string, unknown>, path: Path): void {
  checkList(c, block, 'elements', path, Number.POSITIVE_INFINITY, (el, at) => {
    if (!isRecord(el)) {
      c.wrongType(at, 'a rich text element');
      return;
    }
    if (typeof el.type !== 'string' || !RICH_TEXT_CHILDREN.has(el.type)) {
      c.add([...at, 'type'], `unknown rich text element ${JSON.stringify(el.type)}`, `unsupported type: ${el.type}`);
      return;
    }
    if (!Array.isArray(el.elements)) c.missing(at, 'elements');
  });
}

/** The characters a person reads in a rich_text cell: its `text` elements and the text of its links. */
function richTextCharacters(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + richTextCharacters(n), 0);
  if (!isRecord(node)) return 0;
  const own = typeof node.text === 'string' ? node.text.length : 0;
  return own + richTextCharacters(node.elements);
}

/** One table cell; returns its characters, as they count against TABLE's character limits. */
function checkTableCell(c: Collector, cell: unknown, at: Path): number {
  if (!isRecord(cell)) {
    c.wrongType(at, 'a table cell');
    return 0;
  }
  if (typeof cell.type !== 'string' || !TABLES.cells.has(cell.type)) {
    c.add(
      [...at, 'type'],
      'cell must be rich_text, raw_text or raw_number',
      'must be one of rich_text, raw_text, raw_number',
    );
    return 0;
  }
  if (cell.type === 'rich_text') {
    c.extraProperties(cell, at, 'block:rich_text');
    checkRichText(c, cell, at);
    const characters = richTextCharacters(cell.elements);
    if (characters === 0) c.empty([...at, 'elements']);
    return characters;
  }
  c.extraProperties(cell, at, `cell:${cell.type}`);
  if (cell.type === 'raw_number' && typeof cell.value !== 'number') {
    if (cell.value === undefined) c.missing(at, 'value');
    else c.wrongType([...at, 'value'], 'a number');
  }
  if (cell.text === undefined) c.missing(at, 'text');
  else if (typeof cell.text !== 'string') c.wrongType([...at, 'text'], 'a string');
  else if (cell.text.length === 0) c.empty([...at, 'text']);
  return typeof cell.text === 'string' ? cell.text.length : 0;
}

/** A table block's rows and column settings; returns the characters of its cells. */
function checkTable(c: Collector, block: Record<string, unknown>, path: Path): number {
  let characters = 0;
  let width: number | undefined;
  checkList(c, block, 'rows', path, LIMITS.tableRows, (row, at) => {
    if (!Array.isArray(row)) {
      c.wrongType(at, 'an array of cells');
      return;
    }
    if (row.length === 0) c.tooFew(at, 1);
    if (row.length > LIMITS.tableCells) c.tooMany(at, LIMITS.tableCells);
    if (width === undefined) width = row.length;
    else if (row.length !== width)
      c.add(at, `a row of ${row.length} cells after rows of ${width}`, 'all rows must have the same number of cells');
    row.forEach((cell, i) => {
      characters += checkTableCell(c, cell, [...at, i]);
    });
  });
  const settings = block.column_settings;
  if (settings !== undefined) {
    if (!Array.isArray(settings)) c.wrongType([...path, 'column_settings'], 'an array');
    else {
      if (settings.length > LIMITS.tableColumnSettings)
        c.tooMany([...path, 'column_settings'], LIMITS.tableColumnSettings);
      settings.forEach((setting, i) => {
        const at = [...path, 'column_settings', i];
        if (setting === null) return; // "Use null to skip a column."
        if (!isRecord(setting)) {
          c.wrongType(at, 'a column settings object or null');
          return;
        }
        c.extraProperties(setting, at, 'table:column_setting');
        if (setting.align !== undefined && !TABLES.align.has(String(setting.align)))
          c.add([...at, 'align'], 'must be left, center or right', 'must be one of left, center, right');
        if (setting.is_wrapped !== undefined && typeof setting.is_wrapped !== 'boolean')
          c.wrongType([...at, 'is_wrapped'], 'a boolean');
      });
    }
  }
  if (characters > LIMITS.tableCharacters)
    c.add(
      [...path, 'rows'],
      `cells total ${characters} characters, more than ${LIMITS.tableCharacters}`,
      `table cells must total no more than ${LIMITS.tableCharacters} characters`,
    );
  return characters;
}

function checkBlock(c: Collector, block: unknown, path: Path, surface: BlockKitSurface): number {
  if (!isRecord(block)) {
    c.wrongType(path, 'a block object');
    return 0;
  }
  const type = block.type;
  if (typeof type !== 'string') {
    c.missing(path, 'type');
    return 0;
  }
  const actionIds = new Set<string>();
  c.extraProperties(block, path, `block:${type}`);
  switch (type) {
    case 'header':
      if (block.text === undefined) c.missing(path, 'text');
      else checkText(c, block.text, [...path, 'text'], { plainOnly: true, max: LIMITS.headerText });
      break;
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        c.add(path, 'must define either text or fields', 'must define either `text` or `fields`');
      }
      checkOptionalText(c, block, path, 'text', { max: LIMITS.sectionText });
      const fields = block.fields;
      if (fields !== undefined) {
        if (!Array.isArray(fields)) c.wrongType([...path, 'fields'], 'an array');
        else {
          if (fields.length > LIMITS.sectionFields) c.tooMany([...path, 'fields'], LIMITS.sectionFields);
          fields.forEach((field, i) => {
            checkText(c, field, [...path, 'fields', i], { max: LIMITS.sectionFieldText });
          });
        }
      }
      if (block.accessory !== undefined) {
        checkElement(c, block.accessory, [...path, 'accessory'], ACCESSORY_ELEMENTS, actionIds);
      }
      break;
    }
    case 'divider':
      break;
    case 'context':
      checkList(c, block, 'elements', path, LIMITS.contextElements, (el, at) => {
        if (isRecord(el) && el.type === 'image') {
          c.extraProperties(el, at, 'element:image');
          checkImageElement(c, el, at);
        } else checkText(c, el, at, { max: LIMITS.sectionText });
      });
      break;
    case 'actions':
      checkList(c, block, 'elements', path, LIMITS.actionsElements, (el, at) => {
        checkElement(c, el, at, ACTIONS_ELEMENTS, actionIds);
      });
      break;
    case 'image':
      checkImageElement(c, block, path);
      checkOptionalText(c, block, path, 'title', { plainOnly: true, max: LIMITS.altText });
      break;
    case 'input':
      if (block.label === undefined) c.missing(path, 'label');
      else checkText(c, block.label, [...path, 'label'], { plainOnly: true, max: LIMITS.inputLabel });
      checkOptionalText(c, block, path, 'hint', { plainOnly: true, max: LIMITS.inputHint });
      if (block.element === undefined) c.missing(path, 'element');
      else checkElement(c, block.element, [...path, 'element'], INPUT_ELEMENTS, actionIds);
      break;
    case 'rich_text':
      checkRichText(c, block, path);
      break;
    case 'table':
      if (!TABLES.surfaces.has(surface))
        c.add([...path, 'type'], `table blocks are not allowed in a ${surface}`, `unsupported type: ${type}`);
      return checkTable(c, block, path);
    default:
      c.add([...path, 'type'], `unknown block type ${JSON.stringify(type)}`, `unsupported type: ${type}`);
  }
  return 0;
}

function verdictFrom(issues: BlockIssue[]) {
  return {
    problems: issues.map((i) => `${i.path}: ${i.problem}`),
    messages: issues.map((i) => `[ERROR] ${i.slack} [json-pointer:${i.pointer}]`),
    issues,
  };
}

/** Checks a list of blocks; `root` is the path prefix (`['blocks']` or `['view', 'blocks']`). */
function collectBlocks(c: Collector, blocks: unknown, surface: BlockKitSurface, root: Path): void {
  if (!Array.isArray(blocks)) {
    c.wrongType(root, 'an array of blocks');
    return;
  }
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) c.tooMany(root, max);
  const blockIds = new Set<string>();
  let tables = 0;
  let tableCharacters = 0;
  blocks.forEach((block, i) => {
    const path = [...root, i];
    const characters = checkBlock(c, block, path, surface);
    if (!isRecord(block)) return;
    if (block.type === 'table') {
      tables += 1;
      tableCharacters += characters;
      if (tables > LIMITS.tablesPerMessage)
        c.issues.push({
          path: readable(path),
          pointer: pointer(path),
          problem: `more than ${LIMITS.tablesPerMessage} table block`,
          slack: 'only_one_table_allowed',
          answer: 'invalid_attachments',
        });
    }
    const blockId = block.block_id;
    if (blockId !== undefined) {
      if (typeof blockId !== 'string') c.wrongType([...path, 'block_id'], 'a string');
      else if (blockId.length > LIMITS.blockId) c.tooLong([...path, 'block_id'], LIMITS.blockId);
      else if (blockIds.has(blockId)) {
        c.add([...path, 'block_id'], `duplicate block_id ${JSON.stringify(blockId)}`, 'duplicate block_id');
      } else blockIds.add(blockId);
    }
  });
  // Each table within its own limit can still add up past the message's.
  if (tables > 1 && tableCharacters > LIMITS.tableCharacters)
    c.add(
      root,
      `table cells total ${tableCharacters} characters, more than ${LIMITS.tableCharacters}`,
      `table cells must total no more than ${LIMITS.tableCharacters} characters`,
    );
}

/**
 * Validates `blocks` for a surface. Every problem gives `invalid_blocks`, more than 50 message blocks too (Slack
 * answers `errors: ["no more than 50 items allowed [json-pointer:/blocks]"]`); a second table alone gives
 * `invalid_attachments`, as Slack shows a message's table as an attachment.
 */
export function validateBlocks(blocks: unknown, surface: BlockKitSurface): BlocksVerdict {
  const c = new Collector();
  collectBlocks(c, blocks, surface, ['blocks']);
  if (c.issues.length === 0) return { ok: true };
  const error = c.issues.every((i) => i.answer === 'invalid_attachments') ? 'invalid_attachments' : 'invalid_blocks';
  return { ok: false, error, ...verdictFrom(c.issues) };
}

/**
 * Validates a view payload for views.open / views.push / views.update / views.publish. Slack answers a bad view
 * with `invalid_arguments` and the problems in `response_metadata.messages`.
 *
 * Only the block and element types the app sends and the sandbox page shows are modelled; any other type is
 * refused, so a new one in the app fails in the tests until it is modelled here with Slack's limits.
 */
export function validateView(view: unknown, expectedType?: 'modal' | 'home'): ViewVerdict {
  const c = new Collector();
  const root: Path = ['view'];
  if (!isRecord(view)) {
    c.wrongType(root, 'a view object');
    return { ok: false, error: 'invalid_arguments', ...verdictFrom(c.issues) };
  }
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    if (type === undefined) c.missing(root, 'type');
    else c.add([...root, 'type'], `unknown view type ${JSON.stringify(type)}`, 'must be one of modal, home');
  } else if (expectedType !== undefined && type !== expectedType) {
    c.add([...root, 'type'], `must be ${expectedType} here`, `must be ${expectedType}`);
  }
  const surface: BlockKitSurface = type === 'home' ? 'home' : 'modal';
  if (type === 'modal') {
    if (view.title === undefined) c.missing(root, 'title');
    else checkText(c, view.title, [...root, 'title'], { plainOnly: true, max: LIMITS.viewTitle });
    checkOptionalText(c, view, root, 'submit', { plainOnly: true, max: LIMITS.viewSubmit });
    checkOptionalText(c, view, root, 'close', { plainOnly: true, max: LIMITS.viewClose });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isRecord(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      c.add(
        [...root, 'submit'],
        'required when the modal has input blocks',
        'must define `submit` to use an `input` block in modals',
      );
    }
  }
  c.optionalString(view, root, 'callback_id', LIMITS.callbackId);
  c.optionalString(view, root, 'private_metadata', LIMITS.privateMetadata);
  c.optionalString(view, root, 'external_id', LIMITS.externalId);
  if (view.blocks === undefined) c.missing(root, 'blocks');
  else collectBlocks(c, view.blocks, surface, [...root, 'blocks']);
  if (c.issues.length === 0) return { ok: true };
  return { ok: false, error: 'invalid_arguments', ...verdictFrom(c.issues) };
}

/** A button as a person would see it, found by walking message or view blocks. */
export interface FoundButton {
  blockId: string;
  actionId: string;
  text: string;
  value?: string;
  url?: string;
  style?: string;
  element: Record<string, unknown>;
}

/** Lists every button in `blocks` (section accessories and actions blocks), in display order. */
export function findButtons(blocks: unknown): FoundButton[] {
  if (!Array.isArray(blocks)) return [];
  const found: FoundButton[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    const candidates: unknown[] = [];
    if (block.type === 'section') candidates.push(block.accessory);
    if (block.type === 'actions' && Array.isArray(block.elements)) candidates.push(...block.elements);
    for (const el of candidates) {
      if (!isRecord(el) || el.type !== 'button') continue;
      const text = isRecord(el.text) && typeof el.text.text === 'string' ? el.text.text : '';
      found.push({
        blockId,
        actionId: typeof el.action_id === 'string' ? el.action_id : '',
        text,
        ...(typeof el.value === 'string' ? { value: el.value } : {}),
        ...(typeof el.url === 'string' ? { url: el.url } : {}),
        ...(typeof el.style === 'string' ? { style: el.style } : {}),
        element: el,
      });
    }
  }
  return found;
}
