/**
 * Views in the workspace: each person's modal stack (open, push, update in place, close one or all) and Home tab,
 * in the `ViewOutput` shape Slack returns, with a new `hash` on every change so stale updates can be refused.
 */
import { randomHex, randomId, withEmojiFlags, withGeneratedIds } from './ids.js';
import { isRecord, type JsonObject } from './json.js';
import { WorkspaceMessages } from './workspace-messages.js';

/** A view in the `ViewOutput` shape Slack returns and puts in payloads. */
export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title: JsonObject | null;
  submit: JsonObject | null;
  close: JsonObject | null;
  blocks: JsonObject[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, JsonObject>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  [key: string]: unknown;
}

/** Slack allows a modal stack of at most three views. */
export const MAX_MODAL_STACK = 3;

export class WorkspaceViews extends WorkspaceMessages {
  private readonly modalStacks = new Map<string, StoredView[]>();
  private readonly homes = new Map<string, StoredView>();

  private buildView(
    input: JsonObject,
    placement: { id?: string; rootViewId?: string | null; previousViewId?: string | null },
  ): StoredView {
    const id = placement.id ?? randomId('V');
    const type = input.type === 'home' ? 'home' : 'modal';
    return {
      id,
      team_id: this.opts.teamId,
      type,
      title: isRecord(input.title) ? withEmojiFlags(structuredClone(input.title)) : null,
      submit: isRecord(input.submit) ? withEmojiFlags(structuredClone(input.submit)) : null,
      close: isRecord(input.close) ? withEmojiFlags(structuredClone(input.close)) : null,
      blocks: withGeneratedIds(input.blocks),
      private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
      callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
      external_id: typeof input.external_id === 'string' ? input.external_id : '',
      state: { values: {} },
      hash: `${Math.floor(this.now() / 1000)}.${randomHex(4)}`,
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
      // A Home tab is its own root, as Slack reports it (views.publish answers root_view_id = the view's id).
      root_view_id: placement.rootViewId ?? id,
      previous_view_id: placement.previousViewId ?? null,
      app_id: this.opts.appId,
      app_installed_team_id: this.opts.teamId,
      bot_id: this.opts.botId,
    };
  }

  /** Finds a modal or Home view by id (or external_id). */
  locateView(ref: { id?: string; externalId?: string }): { user: string; view: StoredView } | undefined {
    const matches = (v: StoredView) =>
      (ref.id !== undefined && v.id === ref.id) ||
      (ref.externalId !== undefined && ref.externalId !== '' && v.external_id === ref.externalId);
    for (const [user, stack] of this.modalStacks) {
      const view = stack.find(matches);
      if (view) return { user, view };
    }
    for (const [user, view] of this.homes) if (matches(view)) return { user, view };
    return undefined;
  }

  externalIdTaken(externalId: string, exceptViewId?: string): boolean {
    if (externalId === '') return false;
    const found = this.locateView({ externalId });
    return found !== undefined && found.view.id !== exceptViewId;
  }

  /** views.open: a new modal replaces whatever stack the person had. */
  openModal(user: string, input: JsonObject): StoredView {
    const view = this.buildView(input, {});
    this.modalStacks.set(user, [view]);
    this.emit({ kind: 'view_opened', user, view: structuredClone(view) });
    return structuredClone(view);
  }

  pushModal(user: string, input: JsonObject): StoredView {
    const stack = this.modalStacks.get(user) ?? [];
    const top = stack.at(-1);
    const view = this.buildView(input, { rootViewId: top?.root_view_id ?? null, previousViewId: top?.id ?? null });
    stack.push(view);
    this.modalStacks.set(user, stack);
    this.emit({ kind: 'view_pushed', user, view: structuredClone(view) });
    return structuredClone(view);
  }

  /** Replaces a view's content in place: same id, new hash. */
  replaceView(viewId: string, input: JsonObject): StoredView {
    const found = this.locateView({ id: viewId });
    if (!found) throw new Error(`no view ${viewId}`);
    const old = found.view;
    const view = this.buildView(input, {
      id: old.id,
      rootViewId: old.root_view_id,
      previousViewId: old.previous_view_id,
    });
    if (view.external_id === '' && input.external_id === undefined) view.external_id = old.external_id;
    if (old.type === 'home') {
      this.homes.set(found.user, view);
      this.emit({ kind: 'home_published', user: found.user, view: structuredClone(view) });
    } else {
      const stack = this.modalStacks.get(found.user) ?? [];
      stack[stack.findIndex((v) => v.id === viewId)] = view;
      this.emit({ kind: 'view_updated', user: found.user, view: structuredClone(view) });
    }
    return structuredClone(view);
  }

  setViewState(viewId: string, values: StoredView['state']['values']): void {
    const found = this.locateView({ id: viewId });
    if (found) found.view.state = { values: structuredClone(values) };
  }

  setViewErrors(viewId: string, errors: Record<string, string>): void {
    const found = this.locateView({ id: viewId });
    if (!found) return;
    found.view.errors = structuredClone(errors);
    this.emit({ kind: 'view_updated', user: found.user, view: structuredClone(found.view) });
  }

  /** Closes the top modal of a person's stack, or all of them. */
  closeModal(user: string, all = false): void {
    const stack = this.modalStacks.get(user) ?? [];
    const closing = all ? stack.splice(0) : stack.splice(-1);
    for (const view of closing.reverse()) this.emit({ kind: 'view_closed', user, viewId: view.id });
    if (stack.length === 0) this.modalStacks.delete(user);
  }

  openViews(user: string): StoredView[] {
    return structuredClone(this.modalStacks.get(user) ?? []);
  }

  publishHome(user: string, input: JsonObject): StoredView {
    const existing = this.homes.get(user);
    const view = this.buildView(input, { id: existing?.id });
    this.homes.set(user, view);
    this.emit({ kind: 'home_published', user, view: structuredClone(view) });
    return structuredClone(view);
  }

  homeView(user: string): StoredView | undefined {
    const view = this.homes.get(user);
    return view ? structuredClone(view) : undefined;
  }
}
