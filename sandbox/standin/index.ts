/**
 * Public entry point of the Slack stand-in: start it with `startSlackStandin()`, point a Bolt app at
 * `standin.apiUrl`, tell it where the app listens with `setAppUrl()`, then act as people and inspect the workspace.
 */
export * from './block-kit.js';
export * from './client.js';
export * from './response-url.js';
export * from './server.js';
export * from './web-api.js';
export * from './workspace.js';
