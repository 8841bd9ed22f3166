import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../paths';
import type { LintFinding } from './model-tools';
import type { BpmnDiff } from './model-types';

const CLI = path.join(__dirname, 'model-tool-cli.ts');
const TIMEOUT_MS = 60_000;

/**
 * Runs the bpmn.io model tools (model-tools.ts) in a child process under tsx: bpmn-moddle and dmn-moddle are ES
 * modules that the app's CommonJS (and jest's module system) cannot load. One request, one process (~0.7 s).
 */
function run<T>(request: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
      cwd: ROOT_DIR,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        const answer = JSON.parse(Buffer.concat(out).toString('utf8')) as { result?: T; error?: string };
        if (answer.error !== undefined || code !== 0) throw new Error(answer.error ?? `exit ${code}`);
        resolve(answer.result as T);
      } catch (error) {
        const stderr = Buffer.concat(err).toString('utf8').slice(0, 2000);
        reject(
          new Error(
            `Narzędzie modeli nie odpowiedziało (${error instanceof Error ? error.message : String(error)}) ${stderr}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}

export const lintInChild = (resourceName: string, content: string) =>
  run<LintFinding[]>({ op: 'lint', resourceName, content });

export const diffInChild = (before: string, after: string) => run<BpmnDiff>({ op: 'diff', before, after });
