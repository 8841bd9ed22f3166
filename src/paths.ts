import path from 'node:path';

/** Folders of the project that code reads at run time. */
export const ROOT_DIR = path.resolve(__dirname, '..');
export const BPMN_DIR = path.join(ROOT_DIR, 'bpmn');
