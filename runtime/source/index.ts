/**
 * Sources of events for controllers: {@link kindSource} (a kind's shared informer) and
 * {@link channelSource} (code-driven generic events). The builder creates kind sources for
 * `for`, `owns` and `watches`; create them by hand to wire a controller without it.
 */
export { kindSource, channelSource, type Source, type ChannelSource } from "./source.js";
