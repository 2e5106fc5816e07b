/**
 * The files the search loads in the browser, written by the build (src/pages/zoeken/*.ts): the header search
 * box's script (every page, 0.3 KB), and, on the first keystroke, the suggestions with Fuse.js, their
 * stylesheet and the regions. Fixed addresses: the build bundles the scripts with esbuild, outside Vite
 * (see src/pages/zoeken/_suggest-bundle.ts).
 */
export const SEARCH_BOX_SCRIPT = '/zoeken/zoekvak.js';
export const SUGGEST_SCRIPT = '/zoeken/suggesties.js';
export const SUGGEST_STYLESHEET = '/zoeken/suggesties.css';
export const REGIONS_FILE = '/zoeken/regios.json';
