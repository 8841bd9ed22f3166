import { diffBpmn, lintModel } from './model-tools';

/**
 * The model tools as a child process: one JSON request on stdin, one JSON answer on stdout
 * (`{ op: 'lint', resourceName, content }` → findings; `{ op: 'diff', before, after }` → the diagram diff).
 */
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
    { op: 'lint'; resourceName: string; content: string } | { op: 'diff'; before: string; after: string };
  const result =
    request.op === 'lint'
      ? await lintModel(request.resourceName, request.content)
      : await diffBpmn(request.before, request.after);
  process.stdout.write(JSON.stringify({ result }));
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
