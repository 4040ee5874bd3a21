import type { PluginOption } from 'vite';
import config from '../vite.config';

/**
 * The app's own build config without its initial-JS budget check: the bench measures
 * sync, and must not stop because someone's screen is a few bytes over while they work.
 */
const plugins = (config.plugins ?? []).flat(2) as PluginOption[];

export default {
  ...config,
  plugins: plugins.filter((plugin) => !(plugin !== null && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'jejak:initial-js-budget')),
};
