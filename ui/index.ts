/**
 * `uselessctl/ui`: a live view of a cluster's objects in the browser, served on 127.0.0.1 from
 * the same list and watch API any client uses.
 */
export { startUiServer, type UiApp, type UiServer, type UiServerOptions } from "./server.js";
