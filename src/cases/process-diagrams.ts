import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error';

/** The BPMN XML that defines a process id, read from the deployed resources folder (bpmn/). */
export async function diagramXml(bpmnDir: string, bpmnProcessId: string): Promise<string> {
  if (!/^[\w-]{1,100}$/.test(bpmnProcessId)) {
    throw new AppError({
      code: 'validation',
      field: 'processId',
      message: 'Nieprawidłowy identyfikator procesu.',
    });
  }
  for (const name of (await readdir(bpmnDir)).filter((file) => file.endsWith('.bpmn'))) {
    const xml = await readFile(path.join(bpmnDir, name), 'utf8');
    if (new RegExp(`<(bpmn:)?process[^>]+id="${bpmnProcessId}"`).test(xml)) return xml;
  }
  throw new AppError({ code: 'not-found', message: `Brak diagramu procesu ${bpmnProcessId}.` });
}
