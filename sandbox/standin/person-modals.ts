/**
 * A person submitting or closing a modal: the `view_submission` payload with `view.state.values` as Slack builds
 * them from the inputs, Slack's handling of the ack's `response_action` (errors, update, push, clear), and
 * `view_closed` when the view asked for it.
 */
import type { AckResult, AppRequests } from './app-requests.js';
import { validateView } from './block-kit.js';
import { isRecord, type JsonObject } from './json.js';
import { enterpriseField, personFields, teamFields } from './payload-parts.js';
import { MAX_MODAL_STACK, type StoredView } from './workspace-views.js';

/** A value for an input block in `submitView`: a string (text, or an option value), several option values, or raw. */
export type SubmittedValue = string | string[] | JsonObject;

export interface SubmitResult extends AckResult {
  payload: JsonObject;
  outcome: 'closed' | 'errors' | 'updated' | 'pushed' | 'cleared' | 'kept';
  errors?: Record<string, string>;
}

function optionFor(element: JsonObject, value: string): JsonObject | undefined {
  const options = Array.isArray(element.options) ? element.options : [];
  const groups = Array.isArray(element.option_groups) ? element.option_groups : [];
  const all = [...options, ...groups.flatMap((g) => (isRecord(g) && Array.isArray(g.options) ? g.options : []))];
  return all.find((o): o is JsonObject => isRecord(o) && o.value === value);
}

/** The `view.state.values` entry Slack sends for one input element (the input elements block-kit.ts allows). */
function stateValue(element: JsonObject, submitted: SubmittedValue | undefined): JsonObject {
  const type = String(element.type);
  if (isRecord(submitted)) return { type, ...submitted };
  const first = Array.isArray(submitted) ? submitted[0] : submitted;
  if (type === 'conversations_select') {
    const chosen = first ?? (typeof element.initial_conversation === 'string' ? element.initial_conversation : '');
    return { type, selected_conversation: chosen === '' ? null : chosen };
  }
  if (type === 'static_select') {
    const chosen = first ?? (isRecord(element.initial_option) ? String(element.initial_option.value) : '');
    return { type, selected_option: chosen === '' ? null : (optionFor(element, chosen) ?? null) };
  }
  const initial = typeof element.initial_value === 'string' ? element.initial_value : null;
  const value = first ?? initial;
  return { type, value: value === '' ? null : value };
}

function isEmptyState(state: JsonObject): boolean {
  if ('value' in state) return state.value === null || state.value === '';
  if ('selected_conversation' in state) return state.selected_conversation === null;
  if ('selected_option' in state) return state.selected_option === null;
  return Object.entries(state).every(([key, v]) => key === 'type' || v === null);
}

function viewState(view: StoredView, values: Record<string, Record<string, SubmittedValue>> = {}) {
  const state: Record<string, Record<string, JsonObject>> = {};
  const missing: string[] = [];
  for (const block of view.blocks) {
    if (block.type !== 'input' || !isRecord(block.element)) continue;
    const blockId = String(block.block_id);
    const actionId = String(block.element.action_id);
    const entry = stateValue(block.element, values[blockId]?.[actionId]);
    state[blockId] = { [actionId]: entry };
    if (block.optional !== true && isEmptyState(entry)) missing.push(blockId);
  }
  return { state, missing };
}

/**
 * A response_url for each conversation picked in a `conversations_select` with `response_url_enabled` (Slack
 * allows it only there, in a modal's input block): bound to the conversation and the person, it posts there
 * whether or not the app is a member.
 */
function responseUrls(
  app: AppRequests,
  view: StoredView,
  state: Record<string, Record<string, JsonObject>>,
  user: string,
): JsonObject[] {
  const urls: JsonObject[] = [];
  for (const block of view.blocks) {
    if (block.type !== 'input' || !isRecord(block.element)) continue;
    const element = block.element;
    if (element.type !== 'conversations_select' || element.response_url_enabled !== true) continue;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    const channel = state[blockId]?.[actionId]?.selected_conversation;
    if (typeof channel !== 'string') continue;
    const resolved = app.ws.resolveChannel(channel)?.id ?? channel;
    const responseUrl = app.ws.mintResponseUrl({ channel: resolved, user });
    urls.push({ block_id: blockId, action_id: actionId, channel_id: resolved, response_url: responseUrl });
  }
  return urls;
}

/**
 * Submits the person's top modal. `values` is keyed by block_id then action_id. Slack's client refuses to submit
 * while a required input is empty; so does this. The ack's `response_action` is applied as Slack applies it.
 */
export async function submitView(
  app: AppRequests,
  input: { user?: string; viewId: string; values?: Record<string, Record<string, SubmittedValue>> },
): Promise<SubmitResult> {
  const ws = app.ws;
  const found = ws.locateView({ id: input.viewId });
  if (found?.view.type !== 'modal') throw new Error(`no open modal ${input.viewId}`);
  const user = input.user ?? found.user;
  const stack = ws.openViews(found.user);
  if (stack.at(-1)?.id !== input.viewId) throw new Error(`modal ${input.viewId} is not the one on top`);
  const { state, missing } = viewState(found.view, input.values);
  if (missing.length > 0) throw new Error(`Slack would not submit: required input empty in ${missing.join(', ')}`);
  for (const [blockId, byAction] of Object.entries(state))
    for (const entry of Object.values(byAction)) {
      const chosen = entry.selected_conversation;
      if (typeof chosen === 'string' && !ws.resolveChannel(chosen))
        throw new Error(`no conversation ${chosen} (${blockId})`);
    }
  ws.setViewState(input.viewId, state);
  const view = structuredClone(ws.locateView({ id: input.viewId })?.view as StoredView);
  const payload: JsonObject = {
    type: 'view_submission',
    team: teamFields(ws),
    user: personFields(ws, user),
    api_app_id: ws.opts.appId,
    token: app.config.verificationToken,
    trigger_id: ws.mintTrigger(user),
    view,
    response_urls: responseUrls(app, found.view, state, user),
    is_enterprise_install: ws.installedOrgWide,
    enterprise: enterpriseField(ws),
  };
  const result = await app.sendInteraction('view_submission', payload);
  if (app.reportFailure(result, user, undefined, 'The form')) return { ...result, payload, outcome: 'kept' };
  if (result.body === '') {
    ws.closeModal(found.user);
    return { ...result, payload, outcome: 'closed' };
  }
  const ack = isRecord(result.json) ? result.json : undefined;
  const invalid = (why: string): SubmitResult => {
    ws.addNotice({ kind: 'invalid_response', user, text: `The form could not be submitted: ${why}` });
    return { ...result, payload, outcome: 'kept' };
  };
  switch (ack?.response_action) {
    case 'errors': {
      const errors = isRecord(ack.errors) ? (ack.errors as Record<string, string>) : {};
      ws.setViewErrors(input.viewId, errors);
      return { ...result, payload, outcome: 'errors', errors };
    }
    case 'update': {
      const verdict = validateView(ack.view, 'modal');
      if (!verdict.ok) return invalid(verdict.problems.join('; '));
      ws.replaceView(input.viewId, ack.view as JsonObject);
      return { ...result, payload, outcome: 'updated' };
    }
    case 'push': {
      const verdict = validateView(ack.view, 'modal');
      if (!verdict.ok) return invalid(verdict.problems.join('; '));
      if (ws.openViews(found.user).length >= MAX_MODAL_STACK) return invalid('push_limit_reached');
      ws.pushModal(found.user, ack.view as JsonObject);
      return { ...result, payload, outcome: 'pushed' };
    }
    case 'clear':
      ws.closeModal(found.user, true);
      return { ...result, payload, outcome: 'cleared' };
    default:
      return invalid(`unexpected ack body ${result.body.slice(0, 200)}`);
  }
}

/** Closes the person's top modal (Cancel). The app hears `view_closed` only if the view set `notify_on_close`. */
export async function closeView(
  app: AppRequests,
  input: { user?: string; viewId: string },
): Promise<(AckResult & { payload: JsonObject }) | undefined> {
  const ws = app.ws;
  const found = ws.locateView({ id: input.viewId });
  if (found?.view.type !== 'modal') throw new Error(`no open modal ${input.viewId}`);
  const user = input.user ?? found.user;
  ws.closeModal(found.user);
  if (!found.view.notify_on_close) return undefined;
  const payload: JsonObject = {
    type: 'view_closed',
    team: teamFields(ws),
    user: personFields(ws, user),
    view: found.view,
    api_app_id: ws.opts.appId,
    token: app.config.verificationToken,
    is_cleared: false,
    is_enterprise_install: ws.installedOrgWide,
    enterprise: enterpriseField(ws),
  };
  const result = await app.sendInteraction('view_closed', payload);
  return { ...result, payload };
}
