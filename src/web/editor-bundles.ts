import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../paths';
import type { Logger } from '../logger';

/**
 * The browser editors (bpmn-js Modeler with the Camunda 7 properties panel, dmn-js, the form-js editor, the diff
 * viewer) are ES modules: esbuild bundles the entry files of `src/web/editors/` into one IIFE script each, in a cache
 * folder under `node_modules/.cache/mops-flow-editors/<hash>/` — the hash is of the entry files and the editor
 * packages' versions, so a new `npm ci` or an edited entry builds anew and nothing generated is checked in. The build
 * (~5–20 s) starts with the app in the background; a request for a bundle waits for it.
 */
export const EDITOR_ENTRIES = ['bpmn-editor', 'dmn-editor', 'form-editor', 'model-diff'] as const;
export type EditorEntry = (typeof EDITOR_ENTRIES)[number];

const SOURCE_DIR = path.join(__dirname, 'editors');
const PACKAGES = [
  'bpmn-js',
  'bpmn-js-properties-panel',
  '@bpmn-io/properties-panel',
  'camunda-bpmn-moddle',
  'camunda-bpmn-js-behaviors',
  'dmn-js',
  '@bpmn-io/form-js-editor',
  'esbuild',
  'preact',
];

function buildHash(): string {
  const hash = createHash('sha256');
  for (const name of PACKAGES) {
    const file = path.join(ROOT_DIR, 'node_modules', name, 'package.json');
    hash.update(`${name}@${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}\n`);
  }
  for (const file of readdirSync(SOURCE_DIR).sort()) hash.update(readFileSync(path.join(SOURCE_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

export interface EditorBundles {
  /** The folder holding `<entry>.js` once built. */
  dir(): Promise<string>;
}

export function editorBundles(log: Logger): EditorBundles {
  let built: Promise<string> | undefined;
  const build = async (): Promise<string> => {
    const outdir = path.join(ROOT_DIR, 'node_modules', '.cache', 'mops-flow-editors', buildHash());
    if (EDITOR_ENTRIES.every((e) => existsSync(path.join(outdir, `${e}.js`)))) return outdir;
    const started = Date.now();
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: EDITOR_ENTRIES.map((e) => path.join(SOURCE_DIR, `${e}.js`)),
      outdir,
      bundle: true,
      format: 'iife',
      minify: true,
      target: ['es2020'],
      platform: 'browser',
      legalComments: 'linked',
      define: { 'process.env.NODE_ENV': '"production"' },
      // one preact for all: form-js-editor carries its own copy, the properties panel it uses takes the top one, and
      // two copies break preact's hooks ("Cannot read properties of undefined (reading 'context')")
      alias: { preact: path.join(ROOT_DIR, 'node_modules', 'preact') },
      logLevel: 'error',
    });
    log.info('Edytory modeli zbudowane (esbuild)', { outdir, ms: Date.now() - started });
    return outdir;
  };
  return {
    dir() {
      built ??= build().catch((error: unknown) => {
        built = undefined;
        throw error;
      });
      return built;
    },
  };
}
