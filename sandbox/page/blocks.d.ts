/** Types for blocks.js, the page's Block Kit renderer (plain JavaScript, served as is). */
export type VNode = string | { t: string; a: Record<string, string>; c: VNode[] };
export interface TextContext {
  /** User id → display name. */
  users?: Record<string, string>;
  /** Channel id → name. */
  channels?: Record<string, string>;
}
export interface BlockContext extends TextContext {
  /** A modal's `response_action: errors`, by block_id. */
  errors?: Record<string, string>;
}
export function h(t: string, a?: Record<string, string | undefined> | null, ...children: unknown[]): VNode;
export function decodeEntities(text: string): string;
export function safeUrl(url: string): string | undefined;
export function mrkdwn(text: string, ctx?: TextContext): VNode;
export function plainText(obj: unknown): VNode;
export function textObject(obj: unknown, ctx?: TextContext): VNode | null;
export function renderBlock(block: unknown, ctx?: BlockContext): VNode | null;
export function renderBlocks(blocks: unknown, ctx?: BlockContext): VNode;
/** The part of `Document` toDom uses (the type check has no DOM library). */
export interface DocumentLike {
  createElement(tag: string): { setAttribute(name: string, value: string): void; appendChild(child: never): unknown };
  createTextNode(text: string): unknown;
}
export function toDom(node: VNode, doc: DocumentLike): unknown;
export function textOf(node: VNode): string;
